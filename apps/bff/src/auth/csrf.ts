import type { Request, RequestHandler } from 'express';
import type { BffConfig } from '../config';
import { sendError } from '../http/errors';

/**
 * CSRF defence for every mutation under /api (POST, PUT, PATCH, DELETE), three independent checks:
 *
 * 1. `X-Console-Request: 1`. A cross-origin page can only send a custom header through a CORS preflight,
 *    which this server never approves (it sends no CORS headers). Plain HTML forms cannot set headers.
 * 2. `Content-Type: application/json` (DELETE without a body is exempt). Forms can only send
 *    urlencoded/multipart/text, and a JSON content type from another origin also needs a preflight.
 * 3. Origin: when the browser sends `Origin` it must be ours (PUBLIC_URL's origin, else this request's own
 *    scheme://host). `Sec-Fetch-Site`, when present, must be `same-origin` or `none` (typed URL/bookmark).
 *    A request with neither header is allowed, because every browser that matters sends at least one of
 *    them on a cross-origin mutation; only non-browser clients (curl, scripts, health tools) omit both,
 *    and those hold no victim's ambient cookie, so they cannot be used for CSRF. Check 1 still applies.
 *
 * Anything else is 403 CSRF_REJECTED. SameSite=Strict on the cookie is a fourth, browser-side layer.
 */

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJson(req: Request): boolean {
  const type = req.headers['content-type'];
  if (typeof type !== 'string') return false;
  return /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type.trim());
}

export function expectedOrigin(req: Request, config: Pick<BffConfig, 'publicOrigin'>): string {
  // req.protocol / req.host honour X-Forwarded-Proto / -Host only when TRUST_PROXY trusts the proxy.
  return config.publicOrigin ?? `${req.protocol}://${req.host}`;
}

/** Why the request is refused, or undefined when it passes. */
export function csrfProblem(req: Request, config: Pick<BffConfig, 'publicOrigin'>): string | undefined {
  if (req.headers['x-console-request'] !== '1') return 'the X-Console-Request: 1 header is missing';
  if (!(req.method === 'DELETE' && !hasBody(req)) && !isJson(req))
    return 'the body must be sent as application/json';
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `Sec-Fetch-Site is ${String(site).slice(0, 32)}`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== expectedOrigin(req, config)) return 'the Origin is not this console';
  return undefined;
}

export function csrfGuard(config: Pick<BffConfig, 'publicOrigin'>): RequestHandler {
  return (req, res, next) => {
    if (!MUTATIONS.has(req.method)) return next();
    const problem = csrfProblem(req, config);
    if (!problem) return next();
    req.log?.warn(
      { problem, origin: req.headers.origin, site: req.headers['sec-fetch-site'] },
      'CSRF check refused a request',
    );
    sendError(
      res,
      403,
      'CSRF_REJECTED',
      `Request refused by the cross-site request forgery check: ${problem}.`,
    );
  };
}
