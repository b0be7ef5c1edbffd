// The expected signature is computed here by hand from the algorithm text in PUBLIC_API_NOTES.md, with
// node:crypto, without calling any of the signer's helpers.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signSdkRequest, verifySdkSignature } from '../../src/transport/auth/sdk-signature';

const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLESK';
const PROJECT = '0549b4a43100d4f32f51c01c2fe4acdb';
const DATE = new Date(Date.UTC(2025, 3, 30, 8, 9, 10));
const BODY = '{"name":"gauss-1","port":"8000"}';

function sign() {
  return signSdkRequest({
    method: 'POST',
    url: new URL(`https://gaussdb.example.com:8443/v3/${PROJECT}/instances/a%20b?offset=0&limit=10&name=x*y`),
    headers: {
      'Content-Type': 'application/json',
      'X-Project-Id': PROJECT,
      'X-Language': 'en-us',
      'X-Request-Id': 'not-signed',
    },
    body: BODY,
    accessKey: AK,
    secretKey: SK,
    date: DATE,
  });
}

describe('SDK-HMAC-SHA256 signing', () => {
  it('matches a signature computed step by step from the algorithm', () => {
    const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    const canonicalRequest =
      'POST\n' +
      `/v3/${PROJECT}/instances/a%20b/\n` + // each segment encoded, trailing slash appended
      'limit=10&name=x%2Ay&offset=0\n' + // keys sorted, RFC 3986: "*" becomes %2A
      'content-type:application/json\n' +
      'host:gaussdb.example.com:8443\n' +
      'x-language:en-us\n' +
      `x-project-id:${PROJECT}\n` +
      'x-sdk-date:20250430T080910Z\n' +
      '\n' +
      'content-type;host;x-language;x-project-id;x-sdk-date\n' +
      sha256(BODY);
    const stringToSign = `SDK-HMAC-SHA256\n20250430T080910Z\n${sha256(canonicalRequest)}`;
    const signature = createHmac('sha256', SK).update(stringToSign, 'utf8').digest('hex');

    const signed = sign();
    expect(signed.headers['X-Sdk-Date']).toBe('20250430T080910Z');
    expect(signed.headers.Authorization).toBe(
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-language;x-project-id;x-sdk-date, Signature=${signature}`,
    );
  });

  it('hashes an empty body as SHA-256 of nothing', () => {
    const empty = createHash('sha256').update('').digest('hex');
    expect(empty.startsWith('e3b0c442')).toBe(true);
    const signed = signSdkRequest({
      method: 'GET',
      url: new URL('http://h/v3/p/instances'),
      headers: { 'Content-Type': 'application/json' },
      body: undefined,
      accessKey: AK,
      secretKey: SK,
      date: DATE,
    });
    const canonical = `GET\n/v3/p/instances/\n\ncontent-type:application/json\nhost:h\nx-sdk-date:20250430T080910Z\n\ncontent-type;host;x-sdk-date\n${empty}`;
    const expected = createHmac('sha256', SK)
      .update(`SDK-HMAC-SHA256\n20250430T080910Z\n${createHash('sha256').update(canonical).digest('hex')}`)
      .digest('hex');
    expect(signed.signature).toBe(expected);
  });
});

describe('verifySdkSignature', () => {
  const lookup = (ak: string) => (ak === AK ? SK : undefined);
  /** What a server receives: raw path and query, lower-case headers including Host. */
  function received(overrides: { body?: string; query?: string; headers?: Record<string, string> } = {}) {
    const signed = sign();
    const headers: Record<string, string> = { host: 'gaussdb.example.com:8443' };
    for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = v;
    return {
      method: 'POST',
      path: `/v3/${PROJECT}/instances/a%20b`,
      query: overrides.query ?? 'offset=0&limit=10&name=x*y',
      headers: { ...headers, ...overrides.headers },
      body: overrides.body ?? BODY,
    };
  }

  it('accepts the request as signed, with a raw "*" in the query', () => {
    expect(verifySdkSignature(received(), lookup, DATE)).toEqual({ ok: true, accessKey: AK });
  });

  it('accepts the same query with "*" percent-encoded (it is re-encoded before comparing)', () => {
    expect(verifySdkSignature(received({ query: 'offset=0&limit=10&name=x%2Ay' }), lookup, DATE).ok).toBe(
      true,
    );
  });

  it('rejects a tampered body', () => {
    expect(verifySdkSignature(received({ body: BODY.replace('8000', '8001') }), lookup, DATE)).toEqual({
      ok: false,
      reason: 'signature does not match',
    });
  });

  it('rejects a tampered signed header', () => {
    expect(verifySdkSignature(received({ headers: { 'x-project-id': 'other' } }), lookup, DATE).ok).toBe(
      false,
    );
  });

  it('rejects a date more than 15 minutes off, either way', () => {
    const late = new Date(DATE.getTime() + 15 * 60 * 1000 + 1000);
    const early = new Date(DATE.getTime() - 16 * 60 * 1000);
    expect(verifySdkSignature(received(), lookup, late)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/15 minutes/),
    });
    expect(verifySdkSignature(received(), lookup, early).ok).toBe(false);
    expect(verifySdkSignature(received(), lookup, new Date(DATE.getTime() + 14 * 60 * 1000)).ok).toBe(true);
  });

  it('rejects an unknown access key, a missing header and another algorithm', () => {
    expect(verifySdkSignature(received(), () => undefined, DATE)).toEqual({
      ok: false,
      reason: 'unknown access key',
    });
    const noDate = received();
    delete (noDate.headers as Record<string, string | undefined>)['x-sdk-date'];
    expect(verifySdkSignature(noDate, lookup, DATE).ok).toBe(false);
    expect(verifySdkSignature(received({ headers: { authorization: 'Basic abc' } }), lookup, DATE).ok).toBe(
      false,
    );
    const { authorization: _a, ...unsigned } = received().headers;
    expect(verifySdkSignature({ ...received(), headers: unsigned }, lookup, DATE)).toEqual({
      ok: false,
      reason: 'missing Authorization header',
    });
  });

  it('never reveals the secret key in a reason', () => {
    const result = verifySdkSignature(received({ body: 'x' }), lookup, DATE);
    expect(JSON.stringify(result)).not.toContain(SK);
  });
});
