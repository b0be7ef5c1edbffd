import { defineOperation, operationList } from '@gaussdb-console/api-client';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDescriptorHandler } from '../src/http/handlers';
import { Router } from '../src/http/router';
import { startTestEmulator, type TestEmulator } from './helpers';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

const opAt = (method: string, path: string) => {
  const m = new Router(operationList).match(method, path);
  return m.kind === 'found' ? m.candidates.map((c) => c.op.id) : m.kind;
};

describe('routes built from the descriptor registry', () => {
  it('lets a fixed segment beat a parameter', () => {
    expect(opAt('GET', '/v3/p/configurations/name-validation')).toEqual(['checkParameterTemplateName']);
    expect(opAt('POST', '/v3/p/configurations/comparison')).toEqual(['compareParameterTemplates']);
    expect(opAt('GET', '/v3/p/configurations/abcpr14')).toEqual(['getParameterTemplate']);
  });

  it('accepts instance/instances, the pdb spellings and deployment_form', () => {
    expect(opAt('PUT', '/v3/p/instance/i/flavor')).toEqual(['resizeFlavorV3']);
    expect(opAt('PUT', '/v3/p/instances/i/flavor')).toEqual(['resizeFlavor']);
    expect(opAt('GET', '/v3/p/instance/i/components')).toEqual(['listComponents']);
    for (const seg of ['pdb', 'pdbs', 'pdbc', 'pddb'])
      expect(opAt('GET', `/v3/p/instances/i/${seg}/t1/db-users`)).toEqual(['listTenantDbUsers']);
    expect(opAt('GET', '/v3/p/deployment_form')).toEqual(['getDeploymentForm']);
    expect(opAt('GET', '/v3.1/p/instances/i/pdb/configurations')).toEqual(['listTenantParameterTemplates']);
  });

  it('strips an optional /gaussdb prefix', () => {
    expect(opAt('GET', '/gaussdb/v3.1/p/instances')).toEqual(['listInstances']);
  });

  it('returns every operation sharing a method and path, for body dispatch', () => {
    expect([...opAt('POST', '/v3/p/instances')].sort()).toEqual(['createInstanceV3', 'restoreToNewInstance']);
  });

  it('maps alias parameter names onto the canonical ones', () => {
    const m = new Router(operationList).match('GET', '/v3/p/instances/i1/pdbc/t1/schemas');
    expect(m.kind === 'found' && m.candidates[0]!.params).toEqual({ instance_id: 'i1', pdb_id: 't1' });
  });
});

describe('HTTP behaviour of the router', () => {
  it('serves the /gaussdb-prefixed spelling of a real route', async () => {
    const res = await t.call('GET', `/gaussdb/v3.1/${t.pid}/instances`);
    expect(res.status).toBe(200);
    expect(res.body.total_count).toBe(0);
  });

  it('serves the deployment_form spelling', async () => {
    const res = await t.call('GET', `/v3/${t.pid}/deployment_form?solution=triset`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ initial_node_num: 3, solution: 'triset', shard_num: 1, replica_num: 3 });
  });

  it('answers 404 with an error code for an unknown route', async () => {
    const res = await t.call('GET', `/v3/${t.pid}/no-such-thing`);
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBeTruthy();
  });

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const res = await t.call('PATCH', `/v3.1/${t.pid}/instances`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    expect(res.body.error_code).toBeTruthy();
  });

  it('answers 400 DBS.200001 for malformed JSON', async () => {
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { rawBody: '{"name": ' });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.200001');
  });

  it('answers 400 DBS.200006 for a missing body where one is required', async () => {
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`);
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.200006');
  });

  it('echoes X-Request-Id, or makes one up', async () => {
    const echoed = await t.call('GET', '/', { auth: false, headers: { 'x-request-id': 'req-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('req-123');
    const made = await t.call('GET', `/v3/${t.pid}/nothing-here`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists operations without a handler in /__emulator/state', async () => {
    const state = await t.call('GET', '/__emulator/state');
    const ops = state.body.operations as { implemented: string[]; unimplemented: string[] };
    expect(ops.implemented).toContain('listInstances');
    expect(ops.implemented.length + ops.unimplemented.length).toBe(operationList.length);
  });
});

describe('synthetic operations', () => {
  const explode = defineOperation({
    id: 'testExplodes',
    section: 'test.1',
    title: 'explodes',
    titleZh: '测试',
    area: 'instances',
    method: 'GET',
    path: '/v3/{project_id}/test-explodes',
    response: z.unknown(),
    successStatus: 200,
  });
  const pending = defineOperation({
    id: 'testNotYet',
    section: 'test.2',
    title: 'not yet',
    titleZh: '测试',
    area: 'instances',
    method: 'GET',
    path: '/v3/{project_id}/test-not-yet',
    response: z.unknown(),
    successStatus: 200,
  });
  const shared = <Id extends string>(id: Id, key: string) =>
    defineOperation({
      id,
      section: 'test.3',
      title: id,
      titleZh: '测试',
      area: 'instances',
      method: 'POST',
      path: '/v3/{project_id}/test-shared',
      body: z.looseObject({}),
      response: z.unknown(),
      successStatus: 200,
      matchesBody: (b) => typeof b === 'object' && b !== null && key in b,
    });
  let s: TestEmulator;
  beforeAll(async () => {
    const sharedA = shared('testSharedA', 'a');
    const sharedB = shared('testSharedB', 'b');
    registerDescriptorHandler(explode, () => {
      throw new Error('a bug with a secret stack');
    });
    registerDescriptorHandler(sharedA, () => ({ chose: 'A' }));
    registerDescriptorHandler(sharedB, () => ({ chose: 'B' }));
    const base = operationList.filter((o) => o.service === 'iam');
    s = await startTestEmulator({ operations: [...base, explode, pending, sharedA, sharedB] });
  });
  afterAll(() => s.close());

  it('turns a thrown bug into a generic 500 without a stack trace', async () => {
    const res = await s.call('GET', `/v3/${s.pid}/test-explodes`);
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/secret|stack|at /);
    expect(res.body.error_code).toMatch(/^DBS\./);
  });

  it('answers 501 naming the operation when no handler exists yet', async () => {
    const res = await s.call('GET', `/v3/${s.pid}/test-not-yet`);
    expect(res.status).toBe(501);
    expect(res.body.error_msg).toContain('testNotYet');
  });

  it('dispatches a shared route on matchesBody', async () => {
    expect((await s.call('POST', `/v3/${s.pid}/test-shared`, { body: { b: 1 } })).body).toEqual({
      chose: 'B',
    });
    expect((await s.call('POST', `/v3/${s.pid}/test-shared`, { body: { a: 1 } })).body).toEqual({
      chose: 'A',
    });
  });
});
