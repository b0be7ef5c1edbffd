import net from 'node:net';

/**
 * Start-up rules that keep a configuration from quietly weakening the server (issue #14, item 5), and the
 * host names the console answers to (item 4). Pure functions over the validated environment; config.ts
 * turns their findings into ConfigError issues or start-up warnings.
 */

/** Names and addresses that can only mean this machine. `*.localhost` never leaves it (RFC 6761). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/** `0.0.0.0` / `::`: every interface, hence every address of this machine. */
export function isWildcardAddress(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1');
  return h === '0.0.0.0' || h === '::' || h === '';
}

/**
 * TRUST_PROXY as Express takes it: false, a hop count, or proxy addresses/subnets. `true` is refused: it
 * believes any X-Forwarded-For, so every client could choose the address that sign-in limits and the
 * audit trail see (60 wrong passwords, each "from" a new address, were never refused).
 */
export function parseTrustProxy(raw: string | undefined, issues: string[]): false | number | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') {
    issues.push(
      'TRUST_PROXY: true would believe every X-Forwarded-For, so any client could pick the address that sign-in limits and the audit record; set the number of proxies in front of the console (e.g. 1) or their addresses (e.g. loopback,10.0.0.0/8)',
    );
    return false;
  }
  if (/^\d+$/.test(value)) return Number(value);
  const parts = value.split(',').map((s) => s.trim());
  const ok = parts.every((p) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(p));
  if (!ok) {
    issues.push(
      'TRUST_PROXY: use false, a hop count (e.g. 1), or a comma list of proxy addresses/subnets (e.g. loopback,10.0.0.0/8)',
    );
    return false;
  }
  return value;
}

/** `true`/`false` opt-ins; anything else is an issue naming the variable. */
export function parseOptIn(name: string, raw: string | undefined, issues: string[]): boolean {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  issues.push(`${name}: must be true or false`);
  return false;
}

export interface TransportSafetyInput {
  gaussdbEndpoint?: string;
  iamEndpoint?: string;
  host: string;
  publicUrl?: URL;
  allowInsecureUpstream: boolean;
  allowInsecureConsole: boolean;
}

/**
 * Plain-HTTP links that would carry the upstream credential or console sessions across a network:
 * refused unless explicitly allowed, and a warning at every start when allowed.
 */
export function checkTransportSafety(
  input: TransportSafetyInput,
  issues: string[],
  warnings: string[],
): void {
  for (const [name, value] of [
    ['GAUSSDB_ENDPOINT', input.gaussdbEndpoint],
    ['IAM_ENDPOINT', input.iamEndpoint],
  ] as const) {
    if (!value) continue;
    const url = new URL(value);
    if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) continue;
    if (input.allowInsecureUpstream) {
      warnings.push(
        `${name} is plain http:// to ${url.hostname}: the upstream credential and every answer cross the network unencrypted (ALLOW_INSECURE_UPSTREAM=true)`,
      );
    } else {
      issues.push(
        `${name}: http:// to ${url.hostname} would send the upstream credential unencrypted; use https://, or set ALLOW_INSECURE_UPSTREAM=true if this network is trusted`,
      );
    }
  }
  if (!isLoopbackHost(input.host) && input.publicUrl?.protocol !== 'https:') {
    const what = isWildcardAddress(input.host) ? 'every interface' : input.host;
    if (input.allowInsecureConsole) {
      warnings.push(
        `HOST listens on ${what} without an https:// PUBLIC_URL: passwords and session cookies may cross the network unencrypted (ALLOW_INSECURE_CONSOLE=true)`,
      );
    } else {
      issues.push(
        `HOST: listening on ${what} serves sign-ins and session cookies beyond this machine; put the console behind HTTPS and set PUBLIC_URL=https://..., or set ALLOW_INSECURE_CONSOLE=true if this network is trusted`,
      );
    }
  }
}

/** ALLOWED_HOSTS: extra host names (no scheme, no port) the console answers to, lower case. */
export function parseAllowedHosts(raw: string | undefined, issues: string[]): string[] {
  if (!raw?.trim()) return [];
  const out: string[] = [];
  for (const entry of raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    const name = entry.replace(/^\[(.*)\]$/, '$1');
    if (
      net.isIP(name) ||
      /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/.test(
        name,
      )
    )
      out.push(name);
    else
      issues.push(
        `ALLOWED_HOSTS: "${entry.slice(0, 80)}" is not a host name (e.g. console.example.com; no scheme, no port)`,
      );
  }
  return out;
}
