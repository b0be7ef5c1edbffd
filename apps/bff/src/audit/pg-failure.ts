// Failures of the PostgreSQL audit store, described for operators without the URL, its user or its password.

/** Every error this store throws: the message says what failed, never the URL or its password. */
export class PgAuditStoreError extends Error {
  override name = 'PgAuditStoreError';
  /** PostgreSQL SQLSTATE or Node network code of the underlying failure, when there was one. */
  readonly code: string | undefined;

  constructor(reason: string, code?: string) {
    super(`PostgreSQL audit store: ${reason}`);
    this.code = code;
  }
}

/** Network failures are named by kind only: their Node messages carry the host and port. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'cannot connect (connection refused)',
  ENOTFOUND: 'cannot connect (host not found)',
  EAI_AGAIN: 'cannot connect (host name lookup failed)',
  ETIMEDOUT: 'cannot connect (timed out)',
  EHOSTUNREACH: 'cannot connect (host unreachable)',
  ENETUNREACH: 'cannot connect (network unreachable)',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
};

const SQLSTATE_REASONS: Record<string, string> = {
  '28P01': 'authentication failed',
  '28000': 'authentication refused (check pg_hba.conf and the user name)',
  '3D000': 'the database does not exist',
  '42501': 'permission denied',
  '57P03': 'the server is starting up or shutting down',
  '53300': 'too many connections',
};

/** An operator-readable reason with the URL, its user and its password removed whatever the source said. */
export function describePgFailure(err: unknown, url: string): { reason: string; code: string | undefined } {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  let reason: string;
  if (code && NETWORK_REASONS[code]) reason = NETWORK_REASONS[code];
  else if (code && SQLSTATE_REASONS[code]) reason = `${SQLSTATE_REASONS[code]} (SQLSTATE ${code})`;
  else if (/timeout/i.test(message)) reason = 'cannot connect (timed out)';
  else reason = code ? `${message} (${code})` : message;
  return { reason: scrub(reason, url), code };
}

function scrub(text: string, url: string): string {
  const secrets = [url];
  try {
    const parsed = new URL(url);
    for (const part of [parsed.password, parsed.username]) {
      if (part.length >= 3) secrets.push(part, decodeURIComponent(part));
    }
  } catch {
    // Not a URL (e.g. a libpq key=value string): the whole string is still removed.
  }
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}
