import { bffRouteOf, getOperation, type ComponentNode, type Instance } from '@gaussdb-console/api-client/browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { vi } from 'vitest';
import type { ActionDialogProps } from './action-types';

/**
 * Component-test stand-in for the BFF: answers operations by the route table the BFF mounts, records
 * what was sent, and lets a test make one refuse with a DBS code. No network is touched.
 */
export interface Sent {
  op: string;
  path: string;
  body: unknown;
}
export type Answer = { status: number; body: unknown } | ((body: unknown) => { status: number; body: unknown });

const routeOf = (id: string) => {
  const op = getOperation(id);
  if (!op) throw new Error(`unknown operation ${id}`);
  return { method: op.method, re: new RegExp(`^${bffRouteOf(op).template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`) };
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const refusal = (status: number, code: string, message: string, fields?: { path: string; message: string }[]) => ({
  status,
  body: { error: { status, code, message, requestId: 'req-test-7', fields } },
});

export function fakeOps(answers: Record<string, Answer>) {
  const sent: Sent[] = [];
  const routes = Object.keys(answers).map((id) => ({ id, ...routeOf(id) }));
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://console.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    if (url.pathname === '/api/v1/session') return json(200, { user: 'ann', role: 'admin', projects: [{ name: 'demo' }] });
    if (url.pathname === '/api/v1/policy') return json(200, { operations: {} });
    const hit = routes.find((r) => r.method === method && r.re.test(url.pathname));
    if (!hit) return json(404, { error: { status: 404, code: 'NOT_FOUND', message: `no fake route for ${method} ${url.pathname}` } });
    sent.push({ op: hit.id, path: url.pathname, body });
    const a = answers[hit.id];
    const r = typeof a === 'function' ? a(body) : a;
    return json(r?.status ?? 500, r?.body ?? {});
  };
  return { fetch, sent, sentTo: (id: string) => sent.filter((s) => s.op === id) };
}

export function renderDialog(Dialog: ComponentType<ActionDialogProps>, instance: Instance) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const onJob = vi.fn();
  const onOpenChange = vi.fn();
  const user = userEvent.setup({ delay: null });
  render(
    <QueryClientProvider client={client}>
      <Dialog project="demo" instance={instance} open onOpenChange={onOpenChange} onJob={onJob} />
    </QueryClientProvider>,
  );
  return { user, onJob, onOpenChange };
}

const ID = '6f1e2d3c4b5a69788796a5b4c3d2e1f0in14';
export const centralized: Instance = {
  id: ID,
  name: 'gauss-prod-01',
  status: 'ACTIVE',
  type: 'Centralization_standard',
  ha: { mode: 'centralization_standard' },
  solution: 'triset',
  replica_num: 3,
  flavor_ref: 'gaussdb.opengauss.ee.dn.m6.xlarge.8.ha',
  flavor_info: { vcpu: 4, mem: 32 },
  volume: { type: 'ULTRAHIGH', size: 120 },
  nodes: [
    { id: 'n1no14', name: 'gauss-prod-01_dn_1', role: 'master', status: 'ACTIVE', availability_zone: 'az1xahz', private_ip: '192.168.0.11' },
    { id: 'n2no14', name: 'gauss-prod-01_dn_2', role: 'slave', status: 'ACTIVE', availability_zone: 'az2xahz', private_ip: '192.168.0.12' },
    { id: 'n3no14', name: 'gauss-prod-01_dn_3', role: 'slave', status: 'ACTIVE', availability_zone: 'az3xahz', private_ip: '192.168.0.13' },
  ],
};

export const distributed: Instance = {
  ...centralized,
  id: ID.replace('6f', '7a'),
  name: 'gauss-dist-01',
  type: 'Enterprise',
  ha: { mode: 'enterprise' },
  solution: 'hws',
  flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.8.in',
  volume: { type: 'ULTRAHIGH', size: 480 },
};

/** Three nodes, each with a CN and one replica of each of three shards (one primary per node). */
export const distributedComponents: ComponentNode[] = [1, 2, 3].map((n) => ({
  id: `n${n}no14`,
  name: `gauss-dist-01_node_${n}`,
  availability_zone_id: `az${n}xahz`,
  status: 'normal',
  components: [
    { id: `cn_500${n}`, type: 'CN', role: 'master', status: 'Normal', distributed_id: '' },
    ...[1, 2, 3].map((s) => ({ id: `dn_60${s}${n}`, type: 'DN', role: s === n ? 'master' : 'slave', status: s === n ? 'Primary' : 'Standby', distributed_id: `600${s}` })),
  ],
}));
