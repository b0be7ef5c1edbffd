import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createGaussDbClient } from '../../src/client';
import type { GaussDbClient } from '../../src/client';
import {
  GaussDbApiError,
  GaussDbConfigError,
  GaussDbError,
  GaussDbResponseShapeError,
  GaussDbTransportError,
  GaussDbValidationError,
} from '../../src/transport/errors';
import type { TestServer } from '../transport/test-server';
import { startTestServer } from '../transport/test-server';
import { createThing, thingOperations } from './things';

let server: TestServer;
let iam: TestServer;
let client: GaussDbClient<typeof thingOperations>;

beforeAll(async () => {
  server = await startTestServer();
  iam = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await iam.close();
});
beforeEach(() => {
  server.requests.length = 0;
  iam.requests.length = 0;
  client = createGaussDbClient({
    endpoint: server.url,
    iamEndpoint: iam.url,
    projectId: 'proj-1',
    auth: { type: 'token', token: 'static-token-value' },
    language: 'zh-cn',
    operations: thingOperations,
    sleep: async () => {},
  });
});

describe('typed calls', () => {
  it('infers each method’s input and output from its descriptor', () => {
    // listThings: nothing required, so the input may be left out; only `query` is accepted.
    expectTypeOf(client.listThings)
      .parameter(0)
      .toExtend<{ query?: { limit?: unknown; name?: string; tags?: string[] } } | undefined>();
    expectTypeOf(client.listThings)
      .parameter(0)
      .exclude<undefined>()
      .toHaveProperty('body')
      .toEqualTypeOf<undefined>();
    expectTypeOf(client.getThing).parameter(0).toHaveProperty('path').toEqualTypeOf<{ thing_id: string }>();
    expectTypeOf<Parameters<typeof client.createThing>[0]['body']>()
      .toHaveProperty('name')
      .toEqualTypeOf<string>();
    expectTypeOf<{ name: string }>().toExtend<Parameters<typeof client.createThing>[0]['body']>();
    expectTypeOf(client.getThing)
      .returns.resolves.toHaveProperty('thing')
      .toHaveProperty('size')
      .toEqualTypeOf<number>();
    expectTypeOf(client.listThings)
      .returns.resolves.toHaveProperty('things')
      .items.toHaveProperty('name')
      .toEqualTypeOf<string>();
    const byId = () => client.call('createThing', { body: { name: 'abcd' } });
    const byDescriptor = () => client.call(createThing, { body: { name: 'abcd' } });
    expectTypeOf(byId).returns.resolves.toHaveProperty('job_id').toEqualTypeOf<string>();
    expectTypeOf(byDescriptor).returns.resolves.toHaveProperty('job_id').toEqualTypeOf<string>();
    // A required part cannot be left out, and an operation without a body takes none.
    // @ts-expect-error path is required
    void (() => client.getThing());
    // @ts-expect-error listThings has no body
    void (() => client.listThings({ body: {} }));
    // @ts-expect-error not an operation of this client
    void (() => client.call('noSuchOperation', {}));
  });

  it('sends a GET with the project id, the encoded path param and the headers', async () => {
    server.handle(() => ({ body: { thing: { id: 'a/b', size: 12 } } }));
    const out = await client.getThing({ path: { thing_id: 'a/b c' } }, { requestId: 'rid-1' });
    expect(out.thing.size).toBe(12);
    const [req] = server.requests;
    expect(req?.method).toBe('GET');
    expect(req?.path).toBe('/v3/proj-1/things/a%2Fb%20c');
    expect(req?.headers['x-language']).toBe('zh-cn');
    expect(req?.headers['x-request-id']).toBe('rid-1');
    expect(req?.headers['x-auth-token']).toBe('static-token-value');
    expect(req?.headers['content-type']).toBe('application/json');
  });

  it('serialises the query: skips undefined, joins arrays with commas', async () => {
    server.handle(() => ({ body: { things: [] } }));
    await client.listThings({ query: { limit: 10, name: undefined, tags: ['k1=v1', 'k2=v2'] } });
    expect(server.requests[0]?.query).toBe('limit=10&tags=k1%3Dv1%2Ck2%3Dv2');
    expect(new URLSearchParams(server.requests[0]?.query).get('tags')).toBe('k1=v1,k2=v2');
  });

  it('sends a DELETE with a JSON body (tenant delete)', async () => {
    server.handle(() => ({ status: 202, body: { job_id: 'job-9' } }));
    const out = await client.deleteTenantLike({
      path: { instance_id: 'inst-1' },
      body: { pdb_name: 'tenant_a' },
    });
    expect(out.job_id).toBe('job-9');
    expect(server.requests[0]).toMatchObject({ method: 'DELETE', path: '/v3/proj-1/instances/inst-1/pdbs' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ pdb_name: 'tenant_a' });
  });

  it('calls by id or by descriptor through call()', async () => {
    server.handle(() => ({ status: 202, body: { job_id: 'j' } }));
    await expect(client.call('createThing', { body: { name: 'abcd' } })).resolves.toEqual({ job_id: 'j' });
    await expect(client.call(createThing, { body: { name: 'abcd' } })).resolves.toEqual({ job_id: 'j' });
    expect(server.requests).toHaveLength(2);
  });

  it('rejects an unknown id with a config error', async () => {
    await expect((client.call as (id: string) => Promise<unknown>)('nope')).rejects.toBeInstanceOf(
      GaussDbConfigError,
    );
  });

  it('leaves the project id out of projectless calls', async () => {
    server.handle(() => ({ body: { versions: [{ id: 'v3' }] } }));
    await client.listVersionsLike();
    expect(server.requests[0]?.path).toBe('/gaussdb');
  });

  it('sends IAM operations to the IAM endpoint', async () => {
    iam.handle(() => ({ body: { projects: [{ id: 'p' }] } }));
    await expect(client.listProjectsLike({ query: { name: 'cn-north-4' } })).resolves.toEqual({
      projects: [{ id: 'p' }],
    });
    expect(server.requests).toHaveLength(0);
    expect(iam.requests[0]).toMatchObject({ path: '/v3/projects', query: 'name=cn-north-4' });
  });
});

describe('validation and errors', () => {
  it('validates the request before sending and names the fields', async () => {
    const error = await client.createThing({ body: { name: 'ab' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaussDbValidationError);
    expect(error).toBeInstanceOf(GaussDbError);
    expect((error as GaussDbValidationError).issues[0]).toMatchObject({ location: 'body', field: 'name' });
    expect(server.requests).toHaveLength(0);
  });

  it('maps an error answer to GaussDbApiError with code, message and request id', async () => {
    server.handle(() => ({
      status: 404,
      headers: { 'X-Request-Id': 'upstream-77' },
      body: { error_code: 'DBS.200823', error_msg: 'The instance does not exist.' },
    }));
    const error = await client.getThing({ path: { thing_id: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaussDbApiError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'DBS.200823',
      errorMsg: 'The instance does not exist.',
      requestId: 'upstream-77',
      operationId: 'getThing',
    });
    expect((error as Error).message).not.toContain('static-token-value');
  });

  it('reports a response that breaks the contract with the operation and field', async () => {
    server.handle(() => ({ body: { thing: { id: 'x', size: 'large' } } }));
    await expect(client.getThing({ path: { thing_id: 'x' } })).rejects.toMatchObject({
      name: 'GaussDbResponseShapeError',
      operationId: 'getThing',
      fieldPath: 'thing.size',
    });
    await expect(client.getThing({ path: { thing_id: 'x' } })).rejects.toBeInstanceOf(
      GaussDbResponseShapeError,
    );
  });

  it('reports an unreachable server as GaussDbTransportError', async () => {
    const dead = await startTestServer();
    const url = dead.url;
    await dead.close();
    const offline = createGaussDbClient({
      endpoint: url,
      projectId: 'p',
      auth: { type: 'token', token: 't' },
      operations: thingOperations,
      retry: { retries: 0 },
    });
    await expect(offline.createThing({ body: { name: 'abcd' } })).rejects.toBeInstanceOf(
      GaussDbTransportError,
    );
  });
});
