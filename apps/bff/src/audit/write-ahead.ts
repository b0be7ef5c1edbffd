import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../http/clock';
import type { AppContext } from '../http/context';
import { auditedRequest, type AuditDetails } from './audit-middleware';
import type { AuditOutcomeInput, AuditStore } from './audit-store';

/**
 * Write-ahead audit for calls that may change something upstream (issue #14, item 1). The entry is stored
 * as `attempted` before the call leaves the BFF, and its outcome is added when the answer (or the lack of
 * one) is known; so a console killed mid-call still leaves a record, closed as `unknown` when it starts
 * again. If the entry cannot be written, the call is not sent: every change is audited or not made.
 */

/** The audit trail cannot be written: the upstream call is not made (503 AUDIT_UNAVAILABLE). */
export class AuditUnavailableError extends Error {
  override name = 'AuditUnavailableError';
}

/** Stores the attempt; marks the request so the after-the-fact recorder leaves it alone. */
export async function beginWriteAhead(
  ctx: AppContext,
  req: Request,
  res: Response,
  details: AuditDetails,
): Promise<number> {
  res.locals.audit = { ...details, writeAhead: true };
  try {
    return await ctx.audit.begin(auditedRequest(ctx, req, res, details));
  } catch (err) {
    ctx.logger.error(
      { err, requestId: res.locals.requestId },
      'audit write failed: the upstream call is not sent',
    );
    // Nothing was sent, nothing was recorded ahead: the refusal itself is recorded after the fact if it can be.
    res.locals.audit = { ...details, writeAhead: false };
    throw new AuditUnavailableError(
      'The audit trail cannot be written right now, so the change was not sent. Try again shortly; if it persists, an administrator must check the audit database.',
    );
  }
}

/** Adds the outcome; a failure here leaves the entry `attempted`, which recovery later closes as unknown. */
export async function settleWriteAhead(
  ctx: AppContext,
  res: Response,
  id: number,
  outcome: Omit<AuditOutcomeInput, 'time'>,
): Promise<void> {
  try {
    await ctx.audit.settle(id, { ...outcome, time: new Date(ctx.clock.now()).toISOString() });
  } catch (err) {
    ctx.logger.error({ err, requestId: res.locals.requestId, auditEntry: id }, 'audit outcome write failed');
  }
}

/**
 * No live call waits this long for its outcome (the upstream timeout is 30 s, a job lookup a few more), so
 * an attempt older than this has lost its process.
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;
/** The periodic sweep looks back this far; the start-up pass looks at everything. */
const SWEEP_WINDOW_MS = 24 * 3_600_000;

export interface AttemptRecovery {
  /** Closes abandoned attempts now; returns how many. */
  sweep(initial?: boolean): Promise<number>;
  stop(): void;
}

/**
 * Closes attempts whose outcome never came as `unknown`. At start: with a store only this process writes
 * (SQLite), every open attempt is abandoned, since its process is gone; with a shared one (PostgreSQL,
 * several replicas) only those older than ABANDONED_AFTER_MS, and a sweep every minute catches the rest
 * (a replica that crashed while others run).
 */
export function startAttemptRecovery(store: AuditStore, clock: Clock, logger: Logger): AttemptRecovery {
  const sweep = async (initial = false): Promise<number> => {
    const now = clock.now();
    const before = initial && !store.shared ? now + 1 : now - ABANDONED_AFTER_MS;
    const closed = await store.closeAbandoned({
      before: new Date(before).toISOString(),
      ...(initial ? {} : { since: new Date(now - SWEEP_WINDOW_MS).toISOString() }),
      now: new Date(now).toISOString(),
    });
    if (closed > 0) {
      logger.warn(
        { closed },
        `closed ${closed} audit ${closed === 1 ? 'entry' : 'entries'} as unknown: the console stopped during the upstream call, which may or may not have been applied`,
      );
    }
    return closed;
  };
  const timer = setInterval(() => {
    sweep().catch((err: unknown) => logger.warn({ err }, 'could not close abandoned audit entries'));
  }, SWEEP_EVERY_MS);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
