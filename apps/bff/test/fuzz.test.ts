import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from './helpers';

/** Printable ASCII only: anything else is refused by the HTTP client before it reaches the server. */
const printable = fc
  .string({ unit: 'grapheme-ascii', maxLength: 60 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const pathChars = fc.string({
  unit: fc.constantFrom(..."abcXYZ019-._~%/?=&:;@!$'()*+,".split('')),
  maxLength: 24,
});

const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');
const path = fc.oneof(
  fc.constant('/api/v1/session'),
  pathChars.map((s) => `/api/v1/session${s}`),
  pathChars.map((s) => `/api/v1/audit?${s}`),
  pathChars.map((s) => `/api/${s}`),
  fc.constantFrom(
    '/api/v1/%E0%A4%A',
    '/api/v1/session/%',
    '/api/v1/policy',
    '/%ff',
    '/readyz',
    '/api/v1/info',
  ),
);
const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ),
    printable,
  ),
);
const loginLike = fc.record(
  {
    username: fc.oneof(fc.string(), fc.anything(), fc.constant('alice')),
    password: fc.oneof(fc.string(), fc.anything(), fc.constant('alice-password-1')),
  },
  { requiredKeys: [] },
);
const body = fc.option(
  fc.oneof(
    loginLike.map((v) => JSON.stringify(v) ?? 'null'),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      '{',
      '{"username":',
      '[]',
      'null',
      '"x"',
      '{"__proto__":{"admin":true}}',
      '{"username":"alice","password":{"$ne":null}}',
    ),
  ),
);
const headers = fc.record(
  {
    'x-console-request': fc.oneof(fc.constant('1'), printable),
    origin: fc.oneof(fc.constant('http://127.0.0.1'), fc.constant('null'), printable),
    'sec-fetch-site': fc.oneof(fc.constantFrom('same-origin', 'none', 'cross-site'), printable),
    cookie: fc.oneof(
      printable.map((s) => `gdc_session=${s}`),
      printable,
      fc.constant('gdc_session=%E0%A4%A; __Host-gdc_session=%'),
      fc
        .string({ unit: fc.constantFrom(...'ABCxyz019_-'.split('')), minLength: 43, maxLength: 43 })
        .map((s) => `gdc_session=${s}`),
    ),
    'x-request-id': printable,
    'x-forwarded-for': printable,
    'x-forwarded-proto': printable,
  },
  { requiredKeys: [] },
);

let t: TestApp;
beforeAll(async () => {
  t = await makeApp({ env: { TRUST_PROXY: 'loopback' } });
});
afterAll(async () => {
  await t.close();
});

describe('malformed session and login requests', () => {
  it('never get a 5xx (1,000 generated requests)', async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(method, path, contentType, body, headers, async (m, p, type, payload, hs) => {
        let req = t.request[m.toLowerCase() as 'get'](p);
        for (const [k, v] of Object.entries(hs)) if (v !== undefined) req = req.set(k, v);
        if (type !== null) req = req.set('Content-Type', type);
        const res = payload !== null && m !== 'GET' && m !== 'HEAD' ? await req.send(payload) : await req;
        sent += 1;
        if (res.status >= 500) throw new Error(`${m} ${p} -> ${res.status} ${res.text.slice(0, 200)}`);
      }),
      { numRuns: 1000 },
    );
    expect(sent).toBeGreaterThanOrEqual(1000);
  }, 120_000);

  it('past the CSRF check, a login with any body is 200, 400, 401 or 429 (1,000 generated bodies)', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.option(fc.constantFrom('application/json', 'application/json; charset=utf-8')),
        async (payload, type) => {
          const res = await t.request
            .post('/api/v1/session')
            .set('X-Console-Request', '1')
            .set('Content-Type', type ?? 'application/json')
            .send(payload ?? '');
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (![200, 400, 401, 429].includes(res.status))
            throw new Error(`${res.status} for ${String(payload).slice(0, 100)}`);
          if (res.status !== 200) expect(res.headers['set-cookie']).toBeUndefined();
        },
      ),
      { numRuns: 1000 },
    );
    expect(statuses.get(400)).toBeGreaterThan(100);
  }, 120_000);
});
