import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestHandler } from 'express';

/**
 * Prometheus metrics, one registry per app (tests build several apps). The upstream, token and event
 * layers increment the counters exported here through `ctx.metrics`.
 */
export interface BffMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  /** Upstream calls that failed: `operation` id and `code` (DBS.* / HTTP status / network). */
  upstreamErrors: Counter<'operation' | 'code'>;
  /** IAM token fetches: `result` ok | error. */
  tokenRefreshes: Counter<'result'>;
  /** Open server-sent-event streams. */
  sseClients: Gauge;
  loginFailures: Counter;
  /** The upstream refused the console's credential (each starts or lengthens the backoff). */
  credentialRefusals: Counter;
  /** Event streams refused by a cap: `scope` session | server. */
  sseRefused: Counter<'scope'>;
  /** Requests answered 429 by a rate limit: `route` dashboard | tag_instances | sign_in. */
  rateLimited: Counter<'route'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): BffMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'bff_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'bff_http_requests_total',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'bff_http_request_duration_seconds',
      help: 'HTTP request latency by method and route template',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    upstreamErrors: new Counter({
      name: 'bff_upstream_errors_total',
      help: 'Failed calls to the GaussDB API by operation and error code',
      labelNames: ['operation', 'code'] as const,
      registers,
    }),
    tokenRefreshes: new Counter({
      name: 'bff_iam_token_refreshes_total',
      help: 'IAM token fetches by result',
      labelNames: ['result'] as const,
      registers,
    }),
    sseClients: new Gauge({ name: 'bff_sse_clients', help: 'Open event streams', registers }),
    loginFailures: new Counter({
      name: 'bff_login_failures_total',
      help: 'Failed console sign-ins',
      registers,
    }),
    credentialRefusals: new Counter({
      name: 'bff_upstream_credential_refusals_total',
      help: 'Refusals of the console credential by IAM or the GaussDB API; each one backs upstream calls off',
      registers,
    }),
    sseRefused: new Counter({
      name: 'bff_sse_refused_total',
      help: 'Event streams refused by the per-session or per-server cap',
      labelNames: ['scope'] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: 'bff_rate_limited_total',
      help: 'Requests refused with 429 by a rate limit, by route',
      labelNames: ['route'] as const,
      registers,
    }),
  };
}

/**
 * Request rate and latency by route template (`/api/v1/session`, not the raw URL, so ids do not explode
 * the label set); requests no route matched are `unmatched`.
 */
export function httpMetrics(metrics: BffMetrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const routePath = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof routePath === 'string' ? `${req.baseUrl}${routePath}` : 'unmatched';
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      end({ method: req.method, route });
    });
    next();
  };
}
