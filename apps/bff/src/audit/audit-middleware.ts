import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../http/context';
import type { AuditAttemptInput } from './audit-store';
import { redactSecrets } from './redact';

/** What a route tells the audit trail about its mutation (set on `res.locals.audit`). */
export interface AuditDetails {
  /** Operation id (createInstance, ...) or login/loginFailed/logout. */
  operation?: string;
  project?: string;
  target?: Record<string, string>;
  /** The validated input; secrets are removed before it is stored. */
  input?: unknown;
  job_id?: string;
  error_code?: string;
  /** For login attempts, where there is no session yet. */
  user?: string;
  role?: string;
  /** Set by routes that must not be audited (none today; kept explicit rather than implicit). */
  skip?: boolean;
  /** The route wrote this request ahead of its upstream call and its outcome after it (write-ahead.ts). */
  writeAhead?: boolean;
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who, from where, when and which request: the part of an entry every way of writing one shares. */
export function auditedRequest(
  ctx: AppContext,
  req: Request,
  res: Response,
  details: AuditDetails | undefined,
): AuditAttemptInput {
  const session = res.locals.session;
  return {
    time: new Date(ctx.clock.now()).toISOString(),
    user: session?.user.name ?? details?.user ?? null,
    role: session?.user.role ?? details?.role ?? null,
    ip: req.ip ?? null,
    project: details?.project ?? null,
    operation: details?.operation ?? `${req.method} ${req.originalUrl.split('?')[0] ?? ''}`,
    target: details?.target ?? {},
    input: details?.input === undefined ? null : redactSecrets(details.input),
    request_id: res.locals.requestId ?? null,
    client_request_id: res.locals.clientRequestId ?? null,
  };
}

/**
 * Records every mutation under /api once its response is sent: by a signed-in user (whatever the outcome:
 * done, refused by policy, rejected as CSRF) or any request a route chose to audit (login attempts).
 * Anonymous mutations that never reach a route (no session) are only logged, so a flood of them cannot
 * fill the trail. Calls that may change something upstream are written ahead by their route instead.
 */
export function auditMutations(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    if (!MUTATIONS.has(req.method)) return next();
    res.on('finish', () => {
      const details = res.locals.audit;
      if (details?.skip || details?.writeAhead || (!details && !res.locals.session)) return;
      ctx.audit
        .append({
          ...auditedRequest(ctx, req, res, details),
          status: res.statusCode,
          job_id: details?.job_id ?? null,
          error_code: details?.error_code ?? res.locals.errorCode ?? null,
        })
        .catch((err: unknown) =>
          ctx.logger.error({ err, requestId: res.locals.requestId }, 'audit write failed'),
        );
    });
    next();
  };
}
