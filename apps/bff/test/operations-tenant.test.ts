// Tenant isolation through the real routes: a tenant user granted one PDB of a multi-tenant demo instance
// (tenant_retail of prod-core-02) never reads or changes another tenant or instance, however the ids are guessed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startHarness,
  TENANT_NAME,
  upstreamCallsFor,
  type ConsoleClient,
  type ConsoleHarness,
  type Reply,
} from './console-harness';

let h: ConsoleHarness;
let tina: ConsoleClient;
let own: { instance_id: string; pdb_id: string };
let sibling: { instance_id: string; pdb_id: string };
let foreign: { instance_id: string; pdb_id: string };

beforeAll(async () => {
  h = await startHarness();
  tina = await h.as('tina');
  own = h.ids.tenants[TENANT_NAME] as typeof own;
  sibling = h.ids.tenants.tenant_logistics as typeof own;
  foreign = h.ids.tenants.dev_team_a as typeof own;
});
afterAll(async () => {
  await h?.close();
});

/** Sends as the tenant; `requestId` is the console's id for the call, the one the emulator's log would show. */
async function tenantCall(
  method: string,
  rel: string,
  body?: unknown,
): Promise<Reply & { requestId: string }> {
  const res = await tina.call(method, h.p(rel), method === 'GET' ? undefined : (body ?? {}));
  return { ...res, requestId: res.headers.get('x-request-id') ?? '' };
}

const tenantPath = (t: { instance_id: string; pdb_id: string }, rest: string) =>
  `/instances/${t.instance_id}/pdbs/${t.pdb_id}${rest}`;

describe('a tenant user', () => {
  it('lists only their own tenant of the instance, with a matching total', async () => {
    const res = await tenantCall('POST', `/instances/${own.instance_id}/pdb-info`, { offset: 0, limit: 50 });
    expect(res.status).toBe(200);
    const list = res.body.pdb_infos as { id: string; name: string }[];
    expect(list.map((t) => t.id)).toEqual([own.pdb_id]);
    expect(res.body.total_count).toBe(1);
    expect(res.text).not.toContain(sibling.pdb_id);
    expect(res.text).not.toContain('tenant_logistics');
    // A filter naming another tenant finds nothing rather than that tenant.
    const named = await tenantCall('POST', `/instances/${own.instance_id}/pdb-info`, {
      name: 'tenant_hr',
      offset: 0,
      limit: 50,
    });
    expect(named.status).toBe(200);
    expect(named.body.pdb_infos).toEqual([]);
    expect(named.body.total_count).toBe(0);
  });

  it('sees of the instances only their own, with id, name and status alone', async () => {
    const res = await tenantCall('GET', '/instances?limit=100');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      instances: [{ id: own.instance_id, name: 'prod-core-02', status: 'ACTIVE' }],
      total_count: 1,
    });
    for (const q of [`id=${foreign.instance_id}`, 'name=dev-arm-01', 'tags=env%3Ddev']) {
      const probe = await tenantCall('GET', `/instances?${q}`);
      expect(probe.status, q).toBe(200);
      expect(probe.body, q).toEqual({ instances: [], total_count: 0 });
    }
  });

  it('reads of 4.10.9 only the disk their instance has left for tenants, and only on their instance', async () => {
    const admin = await h.as('alice');
    const full = await admin.get(h.p(`/instances/${own.instance_id}/pdb-flavors`));
    expect(full.status).toBe(200);
    expect((full.body.pdb_flavors as unknown[]).length).toBeGreaterThan(0);
    expect(typeof full.body.remaining_disk).toBe('number');
    const mine = await tenantCall('GET', `/instances/${own.instance_id}/pdb-flavors`);
    expect(mine.status).toBe(200);
    // One number: the flavors offered to new tenants stay the DBA's (the contract's list travels empty).
    expect(mine.body).toEqual({ pdb_flavors: [], remaining_disk: full.body.remaining_disk });
    const ids: string[] = [];
    for (const instanceId of [foreign.instance_id, `${'0'.repeat(32)}in14`]) {
      const res = await tenantCall('GET', `/instances/${instanceId}/pdb-flavors`);
      ids.push(res.requestId);
      expect(res.status, instanceId).toBe(403);
      expect(res.body.error?.code, instanceId).toBe('TENANT_SCOPE');
      expect(res.text, instanceId).not.toContain('remaining_disk');
    }
    expect(upstreamCallsFor(await h.admin.requests(), ids)).toEqual([]);
  });

  it('works inside their own tenant', async () => {
    const users = await tenantCall('GET', tenantPath(own, '/db-users'));
    expect(users.status).toBe(200);
    expect(users.text).toContain('retail_admin');
    const params = await tenantCall('GET', tenantPath(own, '/configurations'));
    expect(params.status).toBe(200);
    const schema = await tenantCall('POST', tenantPath(own, '/schema'), {
      schemas: [{ name: 'isolation_probe', owner: 'retail_admin' }],
    });
    expect(schema.status).toBeLessThan(300);
  });

  it('cannot reach another tenant of the same instance, another instance, or a guessed id; nothing is sent upstream', async () => {
    const guessed = { instance_id: own.instance_id, pdb_id: `${'0'.repeat(32)}po14` };
    const mismatched = { instance_id: foreign.instance_id, pdb_id: own.pdb_id };
    const crossed = { instance_id: own.instance_id, pdb_id: foreign.pdb_id };
    const probes: [string, string, unknown?][] = [];
    for (const t of [sibling, foreign, guessed, mismatched, crossed]) {
      probes.push(
        ['GET', tenantPath(t, '/configurations')],
        ['GET', tenantPath(t, '/db-users')],
        ['GET', tenantPath(t, '/schemas')],
        ['PUT', tenantPath(t, '/configurations'), { values: { 'dn:session_timeout': '60' } }],
        [
          'POST',
          tenantPath(t, '/db-user'),
          { name: 'intruder', password: 'Test@pass2026x', is_login_only: false },
        ],
        ['PUT', tenantPath(t, '/db-user/password'), { name: 'retail_admin', password: 'Test@pass2026x' }],
        ['POST', tenantPath(t, '/schema'), { schemas: [{ name: 'intrusion', owner: 'root' }] }],
        [
          'POST',
          tenantPath(t, '/db-privilege'),
          { users: [{ name: 'retail_app', readonly: false, schema_name: 'storefront' }] },
        ],
      );
    }
    probes.push(['POST', `/instances/${foreign.instance_id}/pdb-info`, { offset: 0, limit: 10 }]);
    const ids: string[] = [];
    for (const [method, rel, body] of probes) {
      const res = await tenantCall(method, rel, body);
      ids.push(res.requestId);
      expect(res.status, `${method} ${rel}`).toBe(403);
      expect(res.body.error?.code, `${method} ${rel}`).toBe('TENANT_SCOPE');
    }
    expect(upstreamCallsFor(await h.admin.requests(), ids)).toEqual([]);
  });

  it('cannot run instance-level or tenant-management operations, even on their own instance or PDB', async () => {
    const probes: [string, string, unknown?][] = [
      ['GET', `/instances/${own.instance_id}/configurations`],
      ['GET', `/instances/${own.instance_id}/databases`],
      ['GET', `/instances/${own.instance_id}/components`],
      ['POST', `/instances/${own.instance_id}/restart`],
      ['PUT', `/instances/${own.instance_id}/name`, { name: 'taken-over' }],
      ['PUT', `/instances/${own.instance_id}/pdb`, { pdb_id: own.pdb_id, cpu: 8, mem: 32 }],
      ['PUT', `/instances/${own.instance_id}/pdb/disk`, { pdb_id: own.pdb_id, disk: '500' }],
      ['DELETE', `/instances/${own.instance_id}/pdb`, { pdb_id: sibling.pdb_id }],
      [
        'POST',
        `/instances/${own.instance_id}/pdb`,
        {
          pdb_name: 'squatter',
          pdb_pd_in_db: 'Test@pass2026x',
          cpu: 1,
          mem: 4,
          disk: '20',
          configuration_id: h.ids.configId,
        },
      ],
      ['GET', '/tasks'],
      ['GET', '/legacy/instances'],
      ['GET', '/project-quotas'],
    ];
    const ids: string[] = [];
    for (const [method, rel, body] of probes) {
      const res = await tenantCall(method, rel, body);
      ids.push(res.requestId);
      expect(res.status, `${method} ${rel}`).toBe(403);
      expect(res.body.error?.code, `${method} ${rel}`).toBe('FORBIDDEN');
    }
    expect(upstreamCallsFor(await h.admin.requests(), ids)).toEqual([]);
    const events = await tina.get(h.p('/events'));
    expect(events.status).toBe(403);
  });

  it('leaves the other tenants as they were', async () => {
    const admin = await h.as('alice');
    const res = await admin.call('POST', h.p(`/instances/${own.instance_id}/pdb-info`), {
      offset: 0,
      limit: 50,
    });
    expect((res.body.pdb_infos as { name: string }[]).map((t) => t.name).sort()).toEqual([
      'tenant_hr',
      'tenant_logistics',
      'tenant_retail',
    ]);
    const users = await admin.get(h.p(tenantPath(sibling, '/db-users')));
    expect(users.text).not.toContain('intruder');
  });
});
