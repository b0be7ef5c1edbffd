import type { RequestHandler } from 'express';
import type { AppContext } from '../http/context';
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
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every mutation under /api once its response is sent: by a signed-in user (whatever the outcome:
 * done, refused by policy, rejected as CSRF) or any request a route chose to audit (login attempts).
 * Anonymous mutations that never reach a route (no session) are only logged, so a flood of them cannot
 * fill the trail.
 */
export function auditMutations(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    if (!MUTATIONS.has(req.method)) return next();
    res.on('finish', () => {
      const details = res.locals.audit;
      const session = res.locals.session;
      if (details?.skip || (!details && !session)) return;
      const user = session?.user.name ?? details?.user ?? null;
      const role = session?.user.role ?? details?.role ?? null;
      ctx.audit
        .append({
          time: new Date(ctx.clock.now()).toISOString(),
          user,
          role,
          ip: req.ip ?? null,
          project: details?.project ?? null,
          operation: details?.operation ?? `${req.method} ${req.originalUrl.split('?')[0] ?? ''}`,
          target: details?.target ?? {},
          input: details?.input === undefined ? null : redactSecrets(details.input),
          status: res.statusCode,
          job_id: details?.job_id ?? null,
          error_code: details?.error_code ?? res.locals.errorCode ?? null,
          request_id: res.locals.requestId ?? null,
        })
        .catch((err: unknown) => ctx.logger.error({ err, requestId: res.locals.requestId }, 'audit write failed'));
    });
    next();
  };
}
