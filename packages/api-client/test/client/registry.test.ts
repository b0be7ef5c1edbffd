// The client over the real registry: every operation id is a method, and the helpers find getJob by id.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createGaussDbClient } from '../../src/client';
import { waitForJob } from '../../src/helpers/wait-for-job';
import { operationList } from '../../src/operations/index';
import type { OperationId } from '../../src/operations/index';
import type { TestServer } from '../transport/test-server';
import { startTestServer } from '../transport/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const client = () =>
  createGaussDbClient({ endpoint: server.url, projectId: 'p', auth: { type: 'token', token: 't' } });

describe('client over the operation registry', () => {
  it('has a method for every operation id', () => {
    const c = client();
    for (const op of operationList)
      expect(typeof (c as unknown as Record<string, unknown>)[op.id]).toBe('function');
    expectTypeOf<keyof typeof c>().toExtend<OperationId | 'call' | 'operation' | 'operations' | 'settings'>();
  });

  it('lists instances with a typed query', async () => {
    server.handle(() => ({ body: { instances: [], total_count: 0 } }));
    const out = await client().listInstances({ query: { limit: 10 } });
    expect(out.instances).toEqual([]);
    expect(server.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/v3.1/p/instances',
      query: 'limit=10',
    });
  });

  it('waits for a job through the registry’s getJob', async () => {
    server.handle(() => ({
      body: { job: { id: 'job-1', name: 'CreateGaussDBV5Instance', status: 'Completed', progress: '' } },
    }));
    await expect(waitForJob(client(), 'job-1')).resolves.toMatchObject({ id: 'job-1', status: 'Completed' });
    expect(server.requests.at(-1)).toMatchObject({ path: '/v3/p/jobs', query: 'id=job-1' });
  });
});
