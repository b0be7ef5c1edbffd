import { AUDIT_RESULTS, type AuditResult } from '@gaussdb-console/api-client';

/**
 * The audit trail: who did what, to which target, with what result. Append-only by contract: the
 * interface has no update or delete, and both implementations forbid them with triggers.
 * Implementations: SQLite (default, <DATA_DIR>/audit.db); PostgreSQL (pg-audit-store.ts) sits behind the same
 * interface for AUDIT_DATABASE_URL.
 *
 * Two ways in (docs/security.md, "Audit details"):
 * - `append`: one finished entry, written after the response (sign-ins, refusals, invalid input);
 * - write-ahead, for every call that may change something upstream: `begin` stores an `attempted` entry
 *   before the upstream call, `settle` adds its outcome after it. An entry whose outcome never came (the
 *   console died mid-call) is closed as `unknown` by `closeAbandoned` at the next start. Outcomes live in
 *   a table of their own, so neither table ever sees an UPDATE.
 */

/** What an entry's result is (the console contract's): `attempted` while its upstream call runs, `unknown` when nobody can tell. */
export { AUDIT_RESULTS, type AuditResult };
export type OutcomeResult = Exclude<AuditResult, 'attempted'>;

export interface AuditEntryInput {
  /** ISO 8601 UTC. */
  time: string;
  user: string | null;
  role: string | null;
  ip: string | null;
  project: string | null;
  /** Operation id (createInstance, ...) or a console action: login, loginFailed, logout. */
  operation: string;
  /** Ids of what was acted on, e.g. { instance_id, pdb_id }. */
  target: Record<string, string>;
  /** The request input with secrets already replaced by "***" (see redact.ts). */
  input: unknown;
  status: number;
  job_id: string | null;
  error_code: string | null;
  /** The console's own request id (also sent upstream). */
  request_id: string | null;
  /** The X-Request-Id the client sent: untrusted, for matching a proxy's logs only. */
  client_request_id?: string | null;
}

/** A write-ahead entry: everything but what only the answer tells. */
export type AuditAttemptInput = Omit<AuditEntryInput, 'status' | 'job_id' | 'error_code'>;

export interface AuditOutcomeInput {
  time: string;
  /** The HTTP status the console answered with. */
  status: number;
  result: OutcomeResult;
  job_id: string | null;
  error_code: string | null;
}

export interface AuditEntry extends Omit<AuditEntryInput, 'client_request_id'> {
  id: number;
  result: AuditResult;
  client_request_id: string | null;
  /**
   * For a write-ahead entry, when and by whom its outcome was recorded: `request` (the call's own answer)
   * or `recovery` (closed as unknown after the console stopped mid-call; status 0). Null for entries
   * written after the fact and while the call still runs (`attempted`).
   */
  outcome: { time: string; source: 'request' | 'recovery' } | null;
}

export interface AuditQuery {
  user?: string;
  operation?: string;
  /** Matches any target id containing this text. */
  target?: string;
  /** Inclusive bounds, ISO 8601. */
  from?: string;
  to?: string;
  result?: AuditResult;
  offset: number;
  limit: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  offset: number;
  limit: number;
}

export interface AbandonedQuery {
  /** Close attempts started before this time (ISO 8601). */
  before: string;
  /** ...and not before this one (a bounded sweep); omitted: however old. */
  since?: string;
  /** The outcome's time. */
  now: string;
}

export interface AuditStore {
  append(entry: AuditEntryInput): Promise<void>;
  /** Stores an `attempted` entry before the upstream call; returns its id for `settle`. */
  begin(attempt: AuditAttemptInput): Promise<number>;
  /** Records the call's outcome (once; a second outcome from the request is ignored). */
  settle(id: number, outcome: AuditOutcomeInput): Promise<void>;
  /** Closes attempts with no outcome as `unknown` (source `recovery`); returns how many. */
  closeAbandoned(q: AbandonedQuery): Promise<number>;
  query(q: AuditQuery): Promise<AuditPage>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** True when other processes may write the same trail (PostgreSQL): recovery must spare their live attempts. */
  readonly shared: boolean;
}

export const resultOf = (status: number): 'success' | 'failure' => (status < 400 ? 'success' : 'failure');
