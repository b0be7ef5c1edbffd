import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { rfc3986, safeDecode } from '../encoding';

/**
 * AK/SK request signing, algorithm `SDK-HMAC-SHA256` (the scheme of the public cloud SDKs; the steps are in
 * /work/shared/reference/PUBLIC_API_NOTES.md). The client signs with `signSdkRequest`; the emulator checks
 * with `verifySdkSignature`, which rebuilds the same canonical request from what arrived on the wire.
 */

export const SDK_ALGORITHM = 'SDK-HMAC-SHA256';
/** Requests whose `X-Sdk-Date` is further than this from the verifier's clock are refused (replay window). */
export const SDK_MAX_SKEW_MS = 15 * 60 * 1000;

/** Headers signed when present: the ones a proxy must not change. */
const SIGNABLE = [
  'content-type',
  'host',
  'x-language',
  'x-project-id',
  'x-sdk-date',
  'x-security-token',
] as const;

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when malformed. */
export function parseSdkDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Each raw path segment decoded and RFC 3986-encoded again, with a trailing `/`. */
export function canonicalUri(rawPath: string): string {
  const uri = rawPath
    .split('/')
    .map((segment) => rfc3986(safeDecode(segment)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Raw query (without `?`) decoded and re-encoded per RFC 3986, pairs sorted by key then value. */
export function canonicalQuery(rawQuery: string | undefined): string {
  if (!rawQuery) return '';
  const pairs = rawQuery
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const k = eq < 0 ? p : p.slice(0, eq);
      const v = eq < 0 ? '' : p.slice(eq + 1);
      return [rfc3986(safeDecode(k)), rfc3986(safeDecode(v))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const hmacHex = (key: string, data: string) => createHmac('sha256', key).update(data).digest('hex');

export interface CanonicalParts {
  method: string;
  rawPath: string;
  rawQuery: string | undefined;
  /** Lower-cased header name → value, for the signed headers. */
  headers: Readonly<Record<string, string>>;
  /** Sorted, lower-cased. */
  signedHeaders: readonly string[];
  body: string | Uint8Array | undefined;
}

export function canonicalRequest(p: CanonicalParts): string {
  const headerLines = p.signedHeaders.map((h) => `${h}:${(p.headers[h] ?? '').trim()}\n`).join('');
  return [
    p.method.toUpperCase(),
    canonicalUri(p.rawPath),
    canonicalQuery(p.rawQuery),
    headerLines,
    p.signedHeaders.join(';'),
    sha256Hex(p.body ?? ''),
  ].join('\n');
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SDK_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export interface SignInput {
  method: string;
  url: URL;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  accessKey: string;
  secretKey: string;
  date: Date;
}

export interface SignResult {
  /** The input headers plus `X-Sdk-Date` and `Authorization`. */
  headers: Record<string, string>;
  signedHeaders: string;
  signature: string;
}

/** Signs a request; `Host` is signed from the URL (fetch sends exactly `url.host`). */
export function signSdkRequest(input: SignInput): SignResult {
  const sdkDate = formatSdkDate(input.date);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers))
    if (k.toLowerCase() !== 'x-sdk-date' && k.toLowerCase() !== 'authorization') headers[k] = v;
  headers['X-Sdk-Date'] = sdkDate;

  const lower: Record<string, string> = { host: input.url.host };
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  const signed = SIGNABLE.filter((h) => lower[h] !== undefined);

  const canonical = canonicalRequest({
    method: input.method,
    rawPath: input.url.pathname,
    rawQuery: input.url.search,
    headers: lower,
    signedHeaders: signed,
    body: input.body,
  });
  const signature = hmacHex(input.secretKey, stringToSign(sdkDate, canonical));
  const signedHeaders = signed.join(';');
  headers.Authorization = `${SDK_ALGORITHM} Access=${input.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers, signedHeaders, signature };
}

export interface ReceivedRequest {
  method: string;
  /** Path as received, still percent-encoded (e.g. `req.url` up to `?`). */
  path: string;
  /** Query as received, without `?`. */
  query?: string | undefined;
  /** Header names in any case (Node's `IncomingHttpHeaders` fits). */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body?: string | Uint8Array | undefined;
}

export type VerifyResult = { ok: true; accessKey: string } | { ok: false; reason: string };

const AUTH_RE =
  /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/;

/**
 * Checks an `SDK-HMAC-SHA256` signature. `lookupSecret` maps an access key to its secret key (undefined:
 * unknown key). Returns a reason on refusal, never the expected signature or the secret.
 */
export function verifySdkSignature(
  request: ReceivedRequest,
  lookupSecret: (accessKey: string) => string | undefined,
  now: Date | number = Date.now(),
): VerifyResult {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) {
    if (v === undefined) continue;
    headers[k.toLowerCase()] = typeof v === 'string' ? v : v.join(',');
  }
  const authorization = headers.authorization;
  if (!authorization) return { ok: false, reason: 'missing Authorization header' };
  if (!authorization.startsWith(`${SDK_ALGORITHM} `))
    return { ok: false, reason: `unsupported algorithm (expected ${SDK_ALGORITHM})` };
  const m = AUTH_RE.exec(authorization);
  if (!m) return { ok: false, reason: 'malformed Authorization header' };
  const [, accessKey = '', signedList = '', signature = ''] = m;

  const signed = signedList.split(';');
  const sorted = [...signed].map((h) => h.toLowerCase()).sort();
  if (signed.join(';') !== sorted.join(';'))
    return { ok: false, reason: 'SignedHeaders must be lower-case and sorted' };
  for (const required of ['host', 'x-sdk-date']) {
    if (!signed.includes(required)) return { ok: false, reason: `SignedHeaders must include ${required}` };
  }
  for (const h of signed)
    if (headers[h] === undefined) return { ok: false, reason: `signed header ${h} is missing` };

  const sdkDate = headers['x-sdk-date'] ?? '';
  const date = parseSdkDate(sdkDate);
  if (!date) return { ok: false, reason: 'X-Sdk-Date must be YYYYMMDDTHHMMSSZ' };
  const nowMs = typeof now === 'number' ? now : now.getTime();
  if (Math.abs(nowMs - date.getTime()) > SDK_MAX_SKEW_MS)
    return { ok: false, reason: 'X-Sdk-Date is more than 15 minutes off the server clock' };

  const secret = lookupSecret(accessKey);
  if (secret === undefined) return { ok: false, reason: 'unknown access key' };

  const canonical = canonicalRequest({
    method: request.method,
    rawPath: request.path,
    rawQuery: request.query,
    headers,
    signedHeaders: signed,
    body: request.body,
  });
  const expected = Buffer.from(hmacHex(secret, stringToSign(sdkDate, canonical)), 'hex');
  const given = Buffer.from(signature.toLowerCase(), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'signature does not match' };
  return { ok: true, accessKey };
}
