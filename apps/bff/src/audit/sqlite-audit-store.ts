import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { resultOf, type AuditEntry, type AuditEntryInput, type AuditPage, type AuditQuery, type AuditStore } from './audit-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  time       TEXT    NOT NULL,
  user       TEXT,
  role       TEXT,
  ip         TEXT,
  project    TEXT,
  operation  TEXT    NOT NULL,
  target     TEXT    NOT NULL,
  input      TEXT,
  status     INTEGER NOT NULL,
  result     TEXT    NOT NULL CHECK (result IN ('success', 'failure')),
  job_id     TEXT,
  error_code TEXT,
  request_id TEXT
);
CREATE INDEX IF NOT EXISTS audit_log_time ON audit_log (time);
CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log (user, time);
CREATE INDEX IF NOT EXISTS audit_log_operation ON audit_log (operation, time);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

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
  result: 'success' | 'failure';
  job_id: string | null;
  error_code: string | null;
  request_id: string | null;
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

/** Audit trail in SQLite (WAL): the embedded default and a fine single-node production store. */
export class SqliteAuditStore implements AuditStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO audit_log (time, user, role, ip, project, operation, target, input, status, result, job_id, error_code, request_id)
       VALUES (@time, @user, @role, @ip, @project, @operation, @target, @input, @status, @result, @job_id, @error_code, @request_id)`,
    );
  }

  /** For tests and operators: the raw connection (e.g. to show that UPDATE is refused). */
  get database(): Database.Database {
    return this.db;
  }

  async append(e: AuditEntryInput): Promise<void> {
    let input = e.input === undefined ? null : JSON.stringify(e.input);
    if (input !== null && input.length > MAX_INPUT_CHARS) {
      input = JSON.stringify({ truncated: true, chars: input.length, head: input.slice(0, 1024) });
    }
    this.insert.run({
      ...e,
      target: JSON.stringify(e.target),
      input,
      result: resultOf(e.status),
    });
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
    add("target LIKE @target ESCAPE '\\'", 'target', q.target === undefined ? undefined : `%${likeEscape(q.target)}%`);
    add('time >= @from', 'from', q.from);
    add('time <= @to', 'to', q.to);
    add('result = @result', 'result', q.result);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as Row[];
    const entries: AuditEntry[] = rows.map((r) => ({
      ...r,
      target: parseJson(r.target) as Record<string, string>,
      input: parseJson(r.input),
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
