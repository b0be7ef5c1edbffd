import { z } from 'zod';

/** GET /api/v1/audit (admins): the console's audit trail, newest first. */

/**
 * What became of an audited action: `success`/`failure` from the answer; `unknown` when the answer never
 * came (a timed-out mutation, or a console server that died mid-call: the change may have been applied);
 * `attempted` while a mutation's upstream call is still running (the write-ahead entry).
 */
export const AUDIT_RESULTS = ['success', 'failure', 'unknown', 'attempted'] as const;
export const auditResult = z.enum(AUDIT_RESULTS);
export type AuditResult = z.infer<typeof auditResult>;

const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date-time' })
  .transform((s) => new Date(s).toISOString());

/** The audit route's query: every filter optional, paged by offset/limit (at most 200 a page). */
export const auditQuery = z.strictObject({
  user: z.string().max(128).optional(),
  operation: z.string().max(128).optional(),
  target: z.string().max(128).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  result: auditResult.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQueryInput = z.input<typeof auditQuery>;

export const auditEntry = z.looseObject({
  id: z.number().int(),
  /** ISO 8601 UTC. */
  time: z.string(),
  user: z.string().nullable(),
  role: z.string().nullable(),
  ip: z.string().nullable(),
  project: z.string().nullable(),
  /** Operation id (createInstance, ...) or a console action: login, loginFailed, logout. */
  operation: z.string(),
  /** Ids of what was acted on, e.g. { instance_id, pdb_id }. */
  target: z.record(z.string(), z.string()),
  /** The request input, secrets replaced by "***". */
  input: z.unknown(),
  status: z.number().int(),
  result: auditResult,
  job_id: z.string().nullable(),
  error_code: z.string().nullable(),
  /** The console's own request id (also sent upstream). */
  request_id: z.string().nullable(),
  /** The X-Request-Id the browser sent: untrusted, for matching a proxy's logs only. */
  client_request_id: z.string().nullable(),
  /**
   * For a write-ahead entry, when and by whom its outcome was recorded: `request` (the call's own answer) or
   * `recovery` (closed as unknown after the console stopped mid-call; status 0). Null otherwise.
   */
  outcome: z.object({ time: z.string(), source: z.enum(['request', 'recovery']) }).nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditPage = z.object({
  entries: z.array(auditEntry),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
});
export type AuditPageView = z.infer<typeof auditPage>;
