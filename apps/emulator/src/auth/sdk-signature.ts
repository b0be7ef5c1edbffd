import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * AK/SK `SDK-HMAC-SHA256` verification (algorithm: /work/shared/reference/PUBLIC_API_NOTES.md). The emulator
 * keeps its own verifier so it never depends on the client's signer to accept a request: two independent
 * implementations of the same algorithm check each other in the tests.
 */
export const SDK_ALGORITHM = 'SDK-HMAC-SHA256';
export const MAX_SKEW_MS = 15 * 60_000;

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const decode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, '%20'));
  } catch {
    return s;
  }
};
const decodePath = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
const sha256 = (d: string | Buffer) => createHash('sha256').update(d).digest('hex');

export function canonicalUri(rawPath: string): string {
  const uri = rawPath.split('/').map((s) => rfc3986(decodePath(s))).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

export function canonicalQuery(rawQuery: string): string {
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf('=');
      return [rfc3986(decode(i < 0 ? p : p.slice(0, i))), rfc3986(decode(i < 0 ? '' : p.slice(i + 1)))] as const;
    });
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

export function sdkDateToMs(v: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  if (!m) return undefined;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(t) ? undefined : t;
}

export interface SignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type VerifyOutcome = { ok: true; ak: string } | { ok: false; reason: string };

const AUTH_RE = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/;

/** Checks the `Authorization` header of `req` against the secret of its access key. `nowMs` is wall-clock time. */
export function verifySdkRequest(req: SignedRequest, secretOf: (ak: string) => string | undefined, nowMs: number): VerifyOutcome {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  const auth = header('authorization') ?? '';
  const m = AUTH_RE.exec(auth);
  if (!m) return { ok: false, reason: 'malformed SDK-HMAC-SHA256 Authorization header' };
  const [, ak = '', signedList = '', signature = ''] = m;
  const signed = signedList.split(';').map((h) => h.toLowerCase());
  if (!signed.includes('x-sdk-date')) return { ok: false, reason: 'X-Sdk-Date must be signed' };
  const date = sdkDateToMs(header('x-sdk-date') ?? '');
  if (date === undefined) return { ok: false, reason: 'X-Sdk-Date must be YYYYMMDDTHHMMSSZ' };
  if (Math.abs(nowMs - date) > MAX_SKEW_MS) return { ok: false, reason: 'X-Sdk-Date is more than 15 minutes off' };
  const sk = secretOf(ak);
  if (sk === undefined) return { ok: false, reason: 'unknown access key' };
  const canonical = [
    req.method.toUpperCase(),
    canonicalUri(req.rawPath),
    canonicalQuery(req.rawQuery),
    signed.map((h) => `${h}:${(header(h) ?? '').trim()}\n`).join(''),
    signed.join(';'),
    sha256(req.body),
  ].join('\n');
  const toSign = `${SDK_ALGORITHM}\n${header('x-sdk-date')}\n${sha256(canonical)}`;
  const expected = Buffer.from(createHmac('sha256', sk).update(toSign).digest('hex'), 'hex');
  const given = Buffer.from(signature.toLowerCase(), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true, ak };
}
