import net from 'node:net';
import type { Request, RequestHandler } from 'express';
import type { BffConfig } from '../config';
import { isLoopbackHost, isWildcardAddress } from '../config-safety';
import { sendError } from './errors';

/**
 * DNS rebinding defence: answer only to host names that are ours. A page on `evil.example` whose name is
 * rebound to the console's address makes the browser send `Host: evil.example` and `Origin:
 * http://evil.example`; without this check the CSRF guard (which derives the expected origin from `Host`
 * when PUBLIC_URL is unset) would take that pair as same-origin.
 *
 * Allowed, before any route (sign-in, health and static files included):
 * - PUBLIC_URL's host name, ALLOWED_HOSTS, and HOST when it is a name;
 * - loopback names (`localhost`, `*.localhost`), which never come from DNS;
 * - any IP address literal: a rebinding attack needs a DNS name, and a page whose origin is the IP itself
 *   is the console's own origin (this keeps `http://127.0.0.1:8080`, a LAN address and a load balancer's
 *   probe by pod IP working).
 * Anything else is 421 Misdirected Request `HOST_NOT_ALLOWED`.
 */

type HostConfig = Pick<BffConfig, 'publicOrigin' | 'allowedHosts' | 'host'>;

/** The host name of a `Host` value: no port, no IPv6 brackets, lower case, no trailing dot. */
export function hostNameOf(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[')
    ? h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined)
    : (h.split(':')[0] ?? '');
  return name.replace(/\.$/, '');
}

/** The names this configuration answers to besides IP literals and loopback names. */
export function knownHostNames(config: HostConfig): Set<string> {
  const names = new Set(config.allowedHosts.map((h) => h.toLowerCase()));
  if (config.publicOrigin)
    names.add(new URL(config.publicOrigin).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1'));
  if (!isWildcardAddress(config.host) && !net.isIP(config.host)) names.add(config.host.toLowerCase());
  return names;
}

export function isAllowedHost(name: string, known: ReadonlySet<string>): boolean {
  return net.isIP(name) !== 0 || isLoopbackHost(name) || known.has(name);
}

/** `req.host` honours X-Forwarded-Host only when TRUST_PROXY trusts the proxy that sent it. */
const requestHost = (req: Request): string | undefined => req.host || undefined;

export function allowedHostsGuard(config: HostConfig): RequestHandler {
  const known = knownHostNames(config);
  return (req, res, next) => {
    const host = requestHost(req);
    // HTTP/1.0 without Host: no browser sends that, and a rebinding attack needs a browser.
    if (host === undefined) return next();
    const name = hostNameOf(host);
    if (isAllowedHost(name, known)) return next();
    const shown = name.replace(/[^\x21-\x7e]/g, '?').slice(0, 80);
    req.log?.warn({ host: shown }, 'request for an unknown host name refused');
    const where = config.publicOrigin ? ` Open it at ${config.publicOrigin}` : ' Open it at its own address';
    sendError(
      res,
      421,
      'HOST_NOT_ALLOWED',
      `This console does not answer to the host name "${shown}".${where}, or add the name to ALLOWED_HOSTS.`,
    );
  };
}
