import type { Logger } from 'pino';
import type { BffConfig } from '../config';
import type { AuditStore } from '../audit/audit-store';
import type { AuditDetails } from '../audit/audit-middleware';
import type { LoginLimiter } from '../auth/login-limiter';
import type { ActiveSession, SessionService } from '../auth/sessions/session-service';
import type { UserDirectory } from '../auth/user-directory';
import type { BffMetrics } from '../ops/metrics';
import type { ReadinessCheck } from '../ops/health';
import type { Clock } from './clock';

/**
 * Everything a route needs, built once by createApp and handed to route factories (no globals, so
 * tests can run several apps side by side with their own clocks and stores).
 */
export interface AppContext {
  config: BffConfig;
  logger: Logger;
  clock: Clock;
  users: UserDirectory;
  sessions: SessionService;
  loginLimiter: LoginLimiter;
  audit: AuditStore;
  metrics: BffMetrics;
  /** Checked by /readyz; the upstream layer pushes its own (IAM token, endpoint reachability). */
  readinessChecks: ReadinessCheck[];
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** This request's id (X-Request-Id), also on every log line. */
    requestId: string;
    /** The signed-in console user, set by the session middleware when the cookie is valid. */
    session?: ActiveSession;
    /** What the audit middleware records for this mutation; routes fill it in (see README). */
    audit?: AuditDetails;
    /** The error code of an error response (set by sendError), for the audit trail. */
    errorCode?: string;
  }
}
