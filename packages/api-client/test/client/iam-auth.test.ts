import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGaussDbClient } from '../../src/client';
import type { StoredToken, TokenStore } from '../../src/transport/auth/token-store';
import { GaussDbApiError } from '../../src/transport/errors';
import type { RecordedRequest, Reply, TestServer } from '../transport/test-server';
import { startTestServer } from '../transport/test-server';
import { thingOperations } from './things';

const PASSWORD = 'Sup3r-Secret-Pw!';
const HOUR = 3600_000;

let api: TestServer;
let iam: TestServer;
let clock: number;
let issued: number;
/** Lifetime of the tokens IAM hands out. */
let lifetimeMs: number;
let iamReply: ((req: RecordedRequest) => Reply) | undefined;

beforeAll(async () => {
  api = await startTestServer();
  iam = await startTestServer();
});
afterAll(async () => {
  await api.close();
  await iam.close();
});
beforeEach(() => {
  api.requests.length = 0;
  iam.requests.length = 0;
  clock = Date.UTC(2025, 4, 1, 8, 0, 0);
  issued = 0;
  lifetimeMs = 24 * HOUR;
  iamReply = undefined;
  iam.handle((req) => {
    if (iamReply) return iamReply(req);
    issued += 1;
    return {
      status: 201,
      headers: { 'X-Subject-Token': `token-${issued}` },
      body: { token: { expires_at: new Date(clock + lifetimeMs).toISOString(), project: { id: 'proj-9' } } },
    };
  });
  api.handle(() => ({ body: { things: [] } }));
});

function iamClient(tokenStore?: TokenStore) {
  return createGaussDbClient({
    endpoint: api.url,
    auth: {
      type: 'iam',
      iamEndpoint: iam.url,
      user: 'alice',
      password: PASSWORD,
      domain: 'acme',
      project: { id: 'proj-9' },
      tokenStore,
    },
    operations: thingOperations,
    now: () => clock,
    sleep: async () => {},
  });
}

describe('IAM password token', () => {
  it('asks IAM once with the password identity and project scope, then reuses the token', async () => {
    const client = iamClient();
    for (let i = 0; i < 5; i++) await client.listThings();
    await Promise.all(Array.from({ length: 20 }, () => client.listThings()));
    expect(iam.requests).toHaveLength(1);
    expect(iam.requests[0]?.path).toBe('/v3/auth/tokens');
    expect(JSON.parse(iam.requests[0]?.body ?? '')).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'alice', password: PASSWORD, domain: { name: 'acme' } } },
        },
        scope: { project: { id: 'proj-9' } },
      },
    });
    expect(api.requests.every((r) => r.headers['x-auth-token'] === 'token-1')).toBe(true);
    // The project id defaults to the scope's id.
    expect(api.requests[0]?.path).toBe('/v3/proj-9/things');
  });

  it('scopes by project name when given one', async () => {
    const client = createGaussDbClient({
      endpoint: api.url,
      projectId: 'proj-9',
      auth: {
        type: 'iam',
        iamEndpoint: iam.url,
        user: 'alice',
        password: PASSWORD,
        domain: 'acme',
        project: { name: 'cn-north-4' },
      },
      operations: thingOperations,
    });
    await client.listThings();
    expect(JSON.parse(iam.requests[0]?.body ?? '').auth.scope).toEqual({ project: { name: 'cn-north-4' } });
  });

  it('renews the token 10 minutes before expires_at, not earlier', async () => {
    lifetimeMs = HOUR;
    const client = iamClient();
    await client.listThings();
    clock += 49 * 60_000; // 11 minutes left
    await client.listThings();
    expect(iam.requests).toHaveLength(1);
    clock += 2 * 60_000; // 9 minutes left
    await client.listThings();
    expect(iam.requests).toHaveLength(2);
    expect(api.requests.at(-1)?.headers['x-auth-token']).toBe('token-2');
  });

  it('makes exactly one IAM request when 100 calls arrive together at expiry', async () => {
    lifetimeMs = HOUR;
    const client = iamClient();
    await client.listThings();
    clock += 55 * 60_000;
    api.requests.length = 0;
    await Promise.all(Array.from({ length: 100 }, () => client.listThings()));
    expect(iam.requests).toHaveLength(2);
    expect(api.requests).toHaveLength(100);
    expect(new Set(api.requests.map((r) => r.headers['x-auth-token']))).toEqual(new Set(['token-2']));
  });

  it('makes exactly one IAM request when 100 calls arrive together on a cold start', async () => {
    const client = iamClient();
    await Promise.all(Array.from({ length: 100 }, () => client.listThings()));
    expect(iam.requests).toHaveLength(1);
  });

  it('re-authenticates once after a 401 and then fails with the 401', async () => {
    api.handle(() => ({
      status: 401,
      body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' },
    }));
    const client = iamClient();
    const error = await client.listThings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaussDbApiError);
    expect(error).toMatchObject({ status: 401 });
    expect(iam.requests).toHaveLength(2);
    expect(api.requests).toHaveLength(2);
    expect(api.requests.map((r) => r.headers['x-auth-token'])).toEqual(['token-1', 'token-2']);
  });

  it('re-authenticates after 403 DBS.280056 (invalid token) and succeeds', async () => {
    api.handle((req) =>
      req.headers['x-auth-token'] === 'token-1'
        ? { status: 403, body: { error_code: 'DBS.280056', error_msg: 'Invalid token.' } }
        : { body: { things: [{ id: 'a', name: 'n' }] } },
    );
    const client = iamClient();
    await expect(client.listThings()).resolves.toMatchObject({ things: [{ id: 'a' }] });
    expect(iam.requests).toHaveLength(2);
  });

  it('does not re-authenticate on another 403 code', async () => {
    api.handle(() => ({ status: 403, body: { error_code: 'DBS.280001', error_msg: 'Forbidden.' } }));
    const client = iamClient();
    await expect(client.listThings()).rejects.toMatchObject({ status: 403, errorCode: 'DBS.280001' });
    expect(iam.requests).toHaveLength(1);
    expect(api.requests).toHaveLength(1);
  });

  it('sends a refused POST again after re-authenticating (it was refused, not executed)', async () => {
    api.handle((req) =>
      req.headers['x-auth-token'] === 'token-1'
        ? { status: 401, body: { error_code: 'APIGW.0307', error_msg: 'expired' } }
        : { status: 202, body: { job_id: 'job-1' } },
    );
    const client = iamClient();
    await expect(client.createThing({ body: { name: 'abcd' } })).resolves.toEqual({ job_id: 'job-1' });
    expect(api.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('keeps the password and the token out of error messages, even when echoed', async () => {
    iamReply = () => ({
      status: 401,
      body: { error_code: 'IAM.0004', error_msg: `bad password ${PASSWORD}` },
    });
    const client = iamClient();
    const error = (await client.listThings().catch((e: unknown) => e)) as GaussDbApiError;
    expect(error).toBeInstanceOf(GaussDbApiError);
    expect(error.operationId).toBe('createIamToken');
    expect(error.message).not.toContain(PASSWORD);
    expect(error.errorMsg).not.toContain(PASSWORD);
    expect(api.requests).toHaveLength(0);

    iamReply = undefined;
    api.handle((req) => ({
      status: 400,
      body: { error_code: 'DBS.1', error_msg: `token ${String(req.headers['x-auth-token'])} is odd` },
    }));
    const second = (await client.listThings().catch((e: unknown) => e)) as GaussDbApiError;
    expect(second.message).not.toContain('token-1');
    expect(second.message).toContain('[redacted]');
  });

  it('reports a token answer without X-Subject-Token as a response-shape error', async () => {
    iamReply = () => ({ status: 201, body: { token: { expires_at: new Date(clock + HOUR).toISOString() } } });
    await expect(iamClient().listThings()).rejects.toMatchObject({
      name: 'GaussDbResponseShapeError',
      fieldPath: 'X-Subject-Token',
    });
  });

  it('shares tokens through a pluggable store', async () => {
    const entries = new Map<string, StoredToken>();
    const store: TokenStore = {
      get: async (key) => entries.get(key),
      set: async (key, token, expiresAt) => void entries.set(key, { token, expiresAt }),
    };
    await iamClient(store).listThings();
    await iamClient(store).listThings();
    expect(iam.requests).toHaveLength(1);
    const [key, value] = [...entries][0] ?? [];
    expect(value).toEqual({ token: 'token-1', expiresAt: clock + 24 * HOUR });
    expect(key).not.toContain('alice');
    expect(key).not.toContain(PASSWORD);
  });
});

describe('static token', () => {
  it('sends the token and does not retry a refusal', async () => {
    api.handle(() => ({ status: 401, body: {} }));
    const client = createGaussDbClient({
      endpoint: api.url,
      projectId: 'p',
      auth: { type: 'token', token: 'fixed-token' },
      operations: thingOperations,
    });
    await expect(client.listThings()).rejects.toMatchObject({ status: 401 });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.headers['x-auth-token']).toBe('fixed-token');
  });
});
