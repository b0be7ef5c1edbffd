import type { Request, Response } from 'express';
import type { BffConfig } from '../config';

/**
 * The session cookie. Behind HTTPS (PUBLIC_URL is https, or a trusted proxy says X-Forwarded-Proto: https)
 * it is `__Host-gdc_session` with Secure: the browser then refuses it over http, from a sub-domain, or
 * with a Domain/Path other than /. Plain http (local demo) uses `gdc_session`. Always HttpOnly (no script
 * can read it), SameSite=Strict (never sent on a cross-site request), Path=/.
 */
export const SECURE_COOKIE = '__Host-gdc_session';
export const PLAIN_COOKIE = 'gdc_session';

export function isHttps(req: Request, config: Pick<BffConfig, 'publicHttps'>): boolean {
  // req.secure reads X-Forwarded-Proto only when TRUST_PROXY lets Express trust the proxy.
  return config.publicHttps || req.secure;
}

/** Reads one cookie without throwing on malformed input (bad %-escapes, duplicates: first wins). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string' || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function readSessionCookie(req: Request): string | undefined {
  return readCookie(req, SECURE_COOKIE) ?? readCookie(req, PLAIN_COOKIE);
}

function serialize(name: string, value: string, secure: boolean, maxAgeSeconds?: number): string {
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (secure) parts.push('Secure');
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  return parts.join('; ');
}

export function setSessionCookie(
  req: Request,
  res: Response,
  config: Pick<BffConfig, 'publicHttps'>,
  id: string,
): void {
  const secure = isHttps(req, config);
  res.append('Set-Cookie', serialize(secure ? SECURE_COOKIE : PLAIN_COOKIE, id, secure));
}

/** Clears whichever cookie the browser may hold. */
export function clearSessionCookie(
  req: Request,
  res: Response,
  config: Pick<BffConfig, 'publicHttps'>,
): void {
  const secure = isHttps(req, config);
  res.append('Set-Cookie', serialize(secure ? SECURE_COOKIE : PLAIN_COOKIE, '', secure, 0));
}
