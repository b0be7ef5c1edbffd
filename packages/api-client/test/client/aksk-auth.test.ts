// The emulator will check AK/SK with verifySdkSignature; here a real server does the same with what arrived
// on the wire, so the client's signing and the verifier are proven to agree end to end.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGaussDbClient } from '../../src/client';
import { verifySdkSignature } from '../../src/transport/auth/sdk-signature';
import type { VerifyResult } from '../../src/transport/auth/sdk-signature';
import type { TestServer } from '../transport/test-server';
import { startTestServer } from '../transport/test-server';
import { thingOperations } from './things';

const AK = 'AKEXAMPLE0000000001';
const SK = 'sk/EXAMPLE+secret=key';
const NOW = Date.UTC(2025, 4, 1, 12, 0, 0);

let server: TestServer;
let results: VerifyResult[];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  results = [];
  server.handle((req) => {
    const result = verifySdkSignature(req, (ak) => (ak === AK ? SK : undefined), NOW + 60_000);
    results.push(result);
    if (!result.ok) return { status: 401, body: { error_code: 'APIGW.0301', error_msg: result.reason } };
    if (req.method === 'GET' && req.path.endsWith('/things')) return { body: { things: [] } };
    return { status: 202, body: { job_id: 'j' } };
  });
});

const client = (clockOffsetMs = 0) =>
  createGaussDbClient({
    endpoint: server.url,
    projectId: 'proj-aksk',
    auth: { type: 'aksk', accessKey: AK, secretKey: SK },
    language: 'en-us',
    operations: thingOperations,
    now: () => NOW + clockOffsetMs,
  });

describe('AK/SK signing against a verifying server', () => {
  it('signs a GET with a query the server accepts', async () => {
    await client().listThings({ query: { limit: 5, name: "o'neil *", tags: ['a=b', 'c=d'] } });
    expect(results).toEqual([{ ok: true, accessKey: AK }]);
    const headers = server.requests[0]?.headers ?? {};
    expect(headers['x-sdk-date']).toBe('20250501T120000Z');
    expect(headers['x-project-id']).toBe('proj-aksk');
    expect(headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=AKEXAMPLE0000000001, SignedHeaders=content-type;host;x-language;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-auth-token']).toBeUndefined();
  });

  it('signs a POST body and a DELETE with a body and encoded path segments', async () => {
    await client().createThing({ body: { name: 'gauss-é' } });
    await client().deleteTenantLike({ path: { instance_id: 'in st/1' }, body: { pdb_name: 'tenant_1' } });
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('is refused when the client clock is more than 15 minutes off', async () => {
    await expect(client(-20 * 60_000).listThings()).rejects.toMatchObject({
      status: 401,
      errorMsg: expect.stringMatching(/15 minutes/),
    });
  });

  it('signs every retry afresh', async () => {
    let n = 0;
    server.handle((req) => {
      results.push(verifySdkSignature(req, () => SK, NOW));
      return n++ === 0 ? { status: 503, body: {} } : { body: { things: [] } };
    });
    const c = createGaussDbClient({
      endpoint: server.url,
      projectId: 'p',
      auth: { type: 'aksk', accessKey: AK, secretKey: SK },
      operations: thingOperations,
      now: () => NOW,
      sleep: async () => {},
    });
    await c.listThings();
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  });
});
