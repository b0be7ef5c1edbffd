import type { AuditResult } from '@gaussdb-console/api-client';

/**
 * The audit trail: who did what, to which target, with what result. Append-only by contract: the
 * interface has no update or delete, and the SQLite implementation forbids both with triggers.
 * Implementations: SQLite (default, <DATA_DIR>/audit.db); PostgreSQL (pg-audit-store.ts) sits behind the same
 * interface for AUDIT_DATABASE_URL.
 */

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
  request_id: string | null;
}

export interface AuditEntry extends AuditEntryInput {
  id: number;
  result: AuditResult;
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

export interface AuditStore {
  append(entry: AuditEntryInput): Promise<void>;
  query(q: AuditQuery): Promise<AuditPage>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const resultOf = (status: number): 'success' | 'failure' => (status < 400 ? 'success' : 'failure');
