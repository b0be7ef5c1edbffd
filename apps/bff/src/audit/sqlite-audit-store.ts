import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  resultOf,
  type AbandonedQuery,
  type AuditAttemptInput,
  type AuditEntry,
  type AuditEntryInput,
  type AuditOutcomeInput,
  type AuditPage,
  type AuditQuery,
  type AuditResult,
  type AuditStore,
} from './audit-store';

/** Schema version kept in `PRAGMA user_version`: 2 added write-ahead entries and their outcome table. */
const SCHEMA_VERSION = 2;

const LOG_TABLE = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  time              TEXT    NOT NULL,
  user              TEXT,
  role              TEXT,
  ip                TEXT,
  project           TEXT,
  operation         TEXT    NOT NULL,
  target            TEXT    NOT NULL,
  input             TEXT,
  status            INTEGER NOT NULL,
  result            TEXT    NOT NULL CHECK (result IN ('success', 'failure', 'attempted')),
  job_id            TEXT,
  error_code        TEXT,
  request_id        TEXT,
  client_request_id TEXT
);`;

const SCHEMA = `
${LOG_TABLE('audit_log')}
CREATE INDEX IF NOT EXISTS audit_log_time ON audit_log (time);
CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log (user, time);
CREATE INDEX IF NOT EXISTS audit_log_operation ON audit_log (operation, time);
CREATE INDEX IF NOT EXISTS audit_log_attempted ON audit_log (time) WHERE result = 'attempted';
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TABLE IF NOT EXISTS audit_outcome (
  entry_id   INTEGER NOT NULL,
  source     TEXT    NOT NULL CHECK (source IN ('request', 'recovery')),
  time       TEXT    NOT NULL,
  status     INTEGER NOT NULL,
  result     TEXT    NOT NULL CHECK (result IN ('success', 'failure', 'unknown')),
  job_id     TEXT,
  error_code TEXT,
  PRIMARY KEY (entry_id, source)
);
CREATE TRIGGER IF NOT EXISTS audit_outcome_no_update BEFORE UPDATE ON audit_outcome
  BEGIN SELECT RAISE(ABORT, 'audit_outcome is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_outcome_no_delete BEFORE DELETE ON audit_outcome
  BEGIN SELECT RAISE(ABORT, 'audit_outcome is append-only'); END;
`;

const V1_COLUMNS =
  'id, time, user, role, ip, project, operation, target, input, status, result, job_id, error_code, request_id';

/**
 * Version 1 tables allow only success/failure. SQLite cannot change a CHECK in place, so the table is
 * rebuilt once, in one transaction, rows and ids kept (its documented 12-step procedure; DROP TABLE fires
 * no DELETE trigger). This is the only rewrite the trail ever sees.
 */
function migrateFromV1(db: Database.Database): void {
  db.transaction(() => {
    db.exec(LOG_TABLE('audit_log_v2'));
    db.exec(`INSERT INTO audit_log_v2 (${V1_COLUMNS}) SELECT ${V1_COLUMNS} FROM audit_log`);
    db.exec('DROP TABLE audit_log');
    db.exec('ALTER TABLE audit_log_v2 RENAME TO audit_log');
  })();
}

/**
 * Entries with their effective result: a write-ahead entry's outcome (the request's own, else recovery's)
 * overrides its `attempted` row.
 */
const ENTRIES = `
WITH e AS (
  SELECT l.id, l.time, l.user, l.role, l.ip, l.project, l.operation, l.target, l.input,
         COALESCE(o.status, r.status, l.status) AS status,
         COALESCE(o.result, r.result, l.result) AS result,
         COALESCE(o.job_id, r.job_id, l.job_id) AS job_id,
         COALESCE(o.error_code, r.error_code, l.error_code) AS error_code,
         l.request_id, l.client_request_id,
         COALESCE(o.time, r.time) AS outcome_time,
         CASE WHEN o.entry_id IS NOT NULL THEN 'request' WHEN r.entry_id IS NOT NULL THEN 'recovery' END AS outcome_source
  FROM audit_log l
  LEFT JOIN audit_outcome o ON o.entry_id = l.id AND o.source = 'request'
  LEFT JOIN audit_outcome r ON r.entry_id = l.id AND r.source = 'recovery'
)`;

/** Stored input is capped so one huge body cannot bloat the trail; the cap is noted in the entry. */
const MAX_INPUT_CHARS = 32_768;

interface Row {
  id: number;
  time: string;
  user: string | null;
  role: string | null;
  ip: string | null;
  project: string | null;
  operation: string;
  target: string;
  input: string | null;
  status: number;
  result: AuditResult;
  job_id: string | null;
  error_code: string | null;
  request_id: string | null;
  client_request_id: string | null;
  outcome_time: string | null;
  outcome_source: 'request' | 'recovery' | null;
}

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function inputText(input: unknown): string | null {
  const text = input === undefined ? null : JSON.stringify(input);
  if (text !== null && text.length > MAX_INPUT_CHARS)
    return JSON.stringify({ truncated: true, chars: text.length, head: text.slice(0, 1024) });
  return text ?? null;
}

/** Audit trail in SQLite (WAL): the embedded default and a fine single-node production store. */
export class SqliteAuditStore implements AuditStore {
  /** One process owns the file: at start, every attempt without an outcome is abandoned. */
  readonly shared = false;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly insertOutcome: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    const existing = this.db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")
      .get() as { sql: string } | undefined;
    if (existing && !existing.sql.includes("'attempted'")) migrateFromV1(this.db);
    this.db.exec(SCHEMA);
    if (version < SCHEMA_VERSION) this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.insert = this.db.prepare(
      `INSERT INTO audit_log (time, user, role, ip, project, operation, target, input, status, result, job_id, error_code, request_id, client_request_id)
       VALUES (@time, @user, @role, @ip, @project, @operation, @target, @input, @status, @result, @job_id, @error_code, @request_id, @client_request_id)`,
    );
    this.insertOutcome = this.db.prepare(
      `INSERT OR IGNORE INTO audit_outcome (entry_id, source, time, status, result, job_id, error_code)
       VALUES (@entry_id, 'request', @time, @status, @result, @job_id, @error_code)`,
    );
  }

  /** For tests and operators: the raw connection (e.g. to show that UPDATE is refused). */
  get database(): Database.Database {
    return this.db;
  }

  async append(e: AuditEntryInput): Promise<void> {
    this.insert.run({
      ...e,
      target: JSON.stringify(e.target),
      input: inputText(e.input),
      result: resultOf(e.status),
      client_request_id: e.client_request_id ?? null,
    });
  }

  async begin(a: AuditAttemptInput): Promise<number> {
    const info = this.insert.run({
      ...a,
      target: JSON.stringify(a.target),
      input: inputText(a.input),
      status: 0,
      result: 'attempted',
      job_id: null,
      error_code: null,
      client_request_id: a.client_request_id ?? null,
    });
    return Number(info.lastInsertRowid);
  }

  async settle(id: number, o: AuditOutcomeInput): Promise<void> {
    this.insertOutcome.run({ entry_id: id, ...o });
  }

  async closeAbandoned(q: AbandonedQuery): Promise<number> {
    const info = this.db
      .prepare(
        `INSERT OR IGNORE INTO audit_outcome (entry_id, source, time, status, result)
         SELECT l.id, 'recovery', @now, 0, 'unknown' FROM audit_log l
         WHERE l.result = 'attempted' AND l.time < @before ${q.since ? 'AND l.time >= @since' : ''}
           AND NOT EXISTS (SELECT 1 FROM audit_outcome o WHERE o.entry_id = l.id)`,
      )
      .run({ now: q.now, before: q.before, ...(q.since ? { since: q.since } : {}) });
    return info.changes;
  }

  async query(q: AuditQuery): Promise<AuditPage> {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    const add = (sql: string, name: string, value: string | undefined) => {
      if (value === undefined || value === '') return;
      where.push(sql);
      params[name] = value;
    };
    add('user = @user', 'user', q.user);
    add('operation = @operation', 'operation', q.operation);
    add(
      "target LIKE @target ESCAPE '\\'",
      'target',
      q.target === undefined ? undefined : `%${likeEscape(q.target)}%`,
    );
    add('time >= @from', 'from', q.from);
    add('time <= @to', 'to', q.to);
    add('result = @result', 'result', q.result);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`${ENTRIES} SELECT COUNT(*) AS n FROM e ${clause}`).get(params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(`${ENTRIES} SELECT * FROM e ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as Row[];
    const entries: AuditEntry[] = rows.map(({ outcome_time, outcome_source, ...r }) => ({
      ...r,
      target: parseJson(r.target) as Record<string, string>,
      input: parseJson(r.input),
      outcome: outcome_time && outcome_source ? { time: outcome_time, source: outcome_source } : null,
    }));
    return { entries, total, offset: q.offset, limit: q.limit };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
