import { bffRouteOf, getOperation } from '@gaussdb-console/api-client/browser';

/**
 * A tiny stand-in for the BFF in component tests: answers the wizard's calls by the same route table the
 * BFF mounts, records what was sent, and lets a test make the create fail. No network is touched.
 */
export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface FakeBffOptions {
  weakPasswords?: string[];
  quota?: { used: number; quota: number };
  createError?: { status: number; code: string; message: string; fields?: { path: string; message: string }[] };
}

const AZS = ['az1xahz', 'az2xahz', 'az3xahz'];
const normal = Object.fromEntries(AZS.map((az) => [az, 'normal']));

export const FLAVORS = {
  centralization_standard: [
    { vcpus: '4', ram: '32', spec_code: 'gaussdb.opengauss.ee.dn.m6.xlarge.8.ha', availability_zone: AZS, az_status: normal },
    { vcpus: '8', ram: '64', spec_code: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha', availability_zone: AZS, az_status: { ...normal, az2xahz: 'sellout' } },
  ],
  enterprise: [{ vcpus: '16', ram: '128', spec_code: 'gaussdb.opengauss.ee.dn.m6.4xlarge.8.in', availability_zone: AZS, az_status: normal }],
};

export const CREATED_ID = '0f2d3c4b5a6978877665544332211000in14';

function routeOf(id: string): RegExp {
  const op = getOperation(id);
  if (!op) throw new Error(`unknown operation ${id}`);
  const pattern = bffRouteOf(op).template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`);
}

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-1' } });

export function fakeBff(options: FakeBffOptions = {}) {
  const calls: FakeCall[] = [];
  const answer = (method: string, path: string, query: URLSearchParams, body: unknown): Response => {
    if (path === '/api/v1/session') return json(200, { user: 'ann', role: 'admin', projects: [{ name: 'demo', region: 'cn-north-4' }] });
    if (path === '/api/v1/policy') return json(200, { operations: { createInstance: ['admin'] } });
    const is = (id: string, m: string) => m === method && routeOf(id).test(path);
    if (is('listDatastoreVersions', 'GET')) return json(200, { versions: ['8.102', '8.201'] });
    if (is('listFlavors', 'GET')) {
      const mode = query.get('ha_mode') === 'enterprise' ? 'enterprise' : 'centralization_standard';
      return json(200, { flavors: FLAVORS[mode], total: FLAVORS[mode].length });
    }
    if (is('listStorageTypes', 'GET')) return json(200, { storage_type: [{ name: 'ULTRAHIGH', az_status: normal, support_compute_group_type: ['normal'] }] });
    if (is('getProjectQuotas', 'GET')) return json(200, { quotas: { resources: [{ type: 'instance', ...(options.quota ?? { used: 4, quota: 50 }) }] } });
    if (is('listParameterTemplates', 'GET'))
      return json(200, {
        count: 1,
        configurations: [{ id: 'b000d7c91f1749da87315700793a11d4pr14', name: 'Default-GaussDB-8.201-HA', datastore_version: '8.201', ha_mode: 'centralization_standard', user_defined: false }],
      });
    if (is('listPredefinedTags', 'GET')) return json(200, { tags: [{ key: 'env', values: ['prod', 'test'] }] });
    if (is('checkWeakPassword', 'POST')) {
      const pw = (body as { password?: string }).password ?? '';
      return json(200, { is_weak_password: (options.weakPasswords ?? []).includes(pw) });
    }
    if (is('addInstanceTags', 'POST')) return json(200, { instance_id: CREATED_ID });
    if (is('createInstance', 'POST')) {
      const e = options.createError;
      if (e) return json(e.status, { error: { ...e, requestId: 'req-test-1' } });
      const name = (body as { name?: string }).name ?? '';
      return json(202, { instance: { id: CREATED_ID, name, status: 'BUILD' }, job_id: 'a2f5c6d7-1111-4222-8333-944455556666' });
    }
    return json(404, { error: { status: 404, code: 'NOT_FOUND', message: `no fake route for ${method} ${path}` } });
  };

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://console.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname, query: url.searchParams, body });
    return answer(method, url.pathname, url.searchParams, body);
  };

  return { fetch, calls, callsTo: (id: string) => calls.filter((c) => routeOf(id).test(c.path) && c.method === getOperation(id)?.method) };
}
