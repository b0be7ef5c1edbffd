import { Pool, type PoolClient } from 'pg';
import type { Secret } from '../auth/secret';
import { resultOf, type AuditEntry, type AuditEntryInput, type AuditPage, type AuditQuery, type AuditStore } from './audit-store';

/** Every error this store throws: the message says what failed, never the URL or its password. */
export class PgAuditStoreError extends Error {
  override name = 'PgAuditStoreError';
  /** PostgreSQL SQLSTATE or Node network code of the underlying failure, when there was one. */
  readonly code: string | undefined;

  constructor(reason: string, code?: string) {
    super(`PostgreSQL audit store: ${reason}`);
    this.code = code;
  }
}

const TABLE = 'audit_log';
const TRIGGER = 'audit_log_append_only';
const INDEXES = ['audit_log_time', 'audit_log_user', 'audit_log_operation'] as const;
/** Serialises schema creation when several replicas start at once (CREATE ... IF NOT EXISTS can race). */
const SCHEMA_LOCK = 7_202_601_001;

/**
 * Statement-level triggers refuse UPDATE, DELETE and TRUNCATE even when no row would change, so the
 * refusal is visible at once rather than only on a non-empty table.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS ${TABLE} (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  time       timestamptz NOT NULL,
  "user"     text,
  role       text,
  ip         text,
  project    text,
  operation  text NOT NULL,
  target     jsonb NOT NULL CHECK (jsonb_typeof(target) = 'object'),
  input      jsonb,
  status     integer NOT NULL,
  result     text NOT NULL CHECK (result IN ('success', 'failure')),
  job_id     text,
  error_code text,
  request_id text
);
CREATE INDEX IF NOT EXISTS audit_log_time ON ${TABLE} (time);
CREATE INDEX IF NOT EXISTS audit_log_user ON ${TABLE} ("user", time);
CREATE INDEX IF NOT EXISTS audit_log_operation ON ${TABLE} (operation, time);
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END
$fn$;
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = '${TABLE}'::regclass AND tgname = '${TRIGGER}') THEN
    CREATE TRIGGER ${TRIGGER} BEFORE UPDATE OR DELETE OR TRUNCATE ON ${TABLE}
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
  END IF;
END
$do$;
`;

/** What is already there; when all of it is, start-up runs no DDL (so a role with only INSERT + SELECT works). */
const SCHEMA_STATE = `
SELECT to_regclass($1) IS NOT NULL AS has_table,
       (SELECT count(*) FROM unnest($2::text[]) AS i(name) WHERE to_regclass(i.name) IS NOT NULL)::int AS indexes,
       (SELECT tgenabled FROM pg_trigger WHERE tgrelid = to_regclass($1) AND tgname = $3) AS trigger_state`;

const COLUMNS = 'id, time, "user", role, ip, project, operation, target, input, status, result, job_id, error_code, request_id';

/** Same cap as the SQLite store: one huge body cannot bloat the trail; the cap is noted in the entry. */
const MAX_INPUT_CHARS = 32_768;

interface Row {
  total: string;
  id: string | null;
  time: Date;
  user: string | null;
  role: string | null;
  ip: string | null;
  project: string | null;
  operation: string;
  target: Record<string, string>;
  input: unknown;
  status: number;
  result: 'success' | 'failure';
  job_id: string | null;
  error_code: string | null;
  request_id: string | null;
}

/** PostgreSQL text and jsonb refuse NUL and lone UTF-16 surrogates; both become U+FFFD instead of failing the write. */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const cleanText = (s: string): string => s.replace(UNSTORABLE, '\uFFFD');
const cleanNullable = (s: string | null): string | null => (s === null ? null : cleanText(s));

function cleanJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => cleanJson(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[cleanText(k)] = cleanJson(v, depth + 1);
  return out;
}

function inputJson(input: unknown): string | null {
  if (input === undefined || input === null) return null;
  const text = JSON.stringify(cleanJson(input));
  if (text === undefined) return null;
  if (text.length > MAX_INPUT_CHARS) return JSON.stringify({ truncated: true, chars: text.length, head: text.slice(0, 1024) });
  return text;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Network failures are named by kind only: their Node messages carry the host and port. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'cannot connect (connection refused)',
  ENOTFOUND: 'cannot connect (host not found)',
  EAI_AGAIN: 'cannot connect (host name lookup failed)',
  ETIMEDOUT: 'cannot connect (timed out)',
  EHOSTUNREACH: 'cannot connect (host unreachable)',
  ENETUNREACH: 'cannot connect (network unreachable)',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
};

const SQLSTATE_REASONS: Record<string, string> = {
  '28P01': 'authentication failed',
  '28000': 'authentication refused (check pg_hba.conf and the user name)',
  '3D000': 'the database does not exist',
  '42501': 'permission denied',
  '57P03': 'the server is starting up or shutting down',
  '53300': 'too many connections',
};

/** An operator-readable reason with the URL, its user and its password removed whatever the source said. */
export function describePgFailure(err: unknown, url: string): { reason: string; code: string | undefined } {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  let reason: string;
  if (code && NETWORK_REASONS[code]) reason = NETWORK_REASONS[code];
  else if (code && SQLSTATE_REASONS[code]) reason = `${SQLSTATE_REASONS[code]} (SQLSTATE ${code})`;
  else if (/timeout/i.test(message)) reason = 'cannot connect (timed out)';
  else reason = code ? `${message} (${code})` : message;
  return { reason: scrub(reason, url), code };
}

function scrub(text: string, url: string): string {
  const secrets = [url];
  try {
    const parsed = new URL(url);
    for (const part of [parsed.password, parsed.username]) {
      if (part.length >= 3) secrets.push(part, decodeURIComponent(part));
    }
  } catch {
    // Not a URL (e.g. a libpq key=value string): the whole string is still removed.
  }
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

export interface PgAuditStoreOptions {
  /** Pool size: the trail is written once per mutation, so a few connections are plenty. */
  max?: number;
  connectionTimeoutMs?: number;
  /** A pooled connection that dies while idle; the pool drops it and the next call reconnects. */
  onIdleError?: (err: PgAuditStoreError) => void;
}

/**
 * Audit trail in PostgreSQL (AUDIT_DATABASE_URL): the store for several replicas. Same rows, filters and
 * paging as the SQLite store; append-only is enforced by a trigger in the database, not only by this code.
 */
export class PgAuditStore implements AuditStore {
  // Private fields: util.inspect and loggers cannot reach the pool, whose options hold the URL.
  readonly #pool: Pool;
  readonly #url: string;
  #schema: Promise<void> | undefined;
  #closed = false;

  constructor(url: Secret, options: PgAuditStoreOptions = {}) {
    this.#url = url.reveal();
    this.#pool = new Pool({
      connectionString: this.#url,
      max: options.max ?? 4,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
      application_name: 'gaussdb-console-audit',
      statement_timeout: 15_000,
    });
    this.#pool.on('error', (err) => options.onIdleError?.(this.#fail(err)));
  }

  /**
   * Connects and creates the table, indexes and trigger when missing. Called by start-up so an unreachable
   * database stops the console at once; every other call also waits for it.
   */
  async start(): Promise<void> {
    this.#schema ??= this.#ensureSchema().catch((err: unknown) => {
      this.#schema = undefined; // the next call tries again
      throw err;
    });
    return this.#schema;
  }

  async append(e: AuditEntryInput): Promise<void> {
    await this.start();
    await this.#run(
      `INSERT INTO ${TABLE} (time, "user", role, ip, project, operation, target, input, status, result, job_id, error_code, request_id)
       VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13)`,
      [
        e.time,
        cleanNullable(e.user),
        cleanNullable(e.role),
        cleanNullable(e.ip),
        cleanNullable(e.project),
        cleanText(e.operation),
        JSON.stringify(cleanJson(e.target)),
        inputJson(e.input),
        e.status,
        resultOf(e.status),
        cleanNullable(e.job_id),
        cleanNullable(e.error_code),
        cleanNullable(e.request_id),
      ],
    );
  }

  async query(q: AuditQuery): Promise<AuditPage> {
    await this.start();
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (q.user) where.push(`"user" = ${param(q.user)}`);
    if (q.operation) where.push(`operation = ${param(q.operation)}`);
    // Like SQLite's LIKE: a case-insensitive substring of any target id, with % and _ taken literally.
    if (q.target) where.push(`EXISTS (SELECT 1 FROM jsonb_each_text(target) AS t(k, v) WHERE t.v ILIKE ${param(`%${likeEscape(q.target)}%`)} ESCAPE '\\')`);
    if (q.from) where.push(`time >= ${param(q.from)}::timestamptz`);
    if (q.to) where.push(`time <= ${param(q.to)}::timestamptz`);
    if (q.result) where.push(`result = ${param(q.result)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // One statement, so the total and the page come from the same snapshot.
    const rows = await this.#run<Row>(
      `SELECT c.total, p.* FROM (SELECT count(*) AS total FROM ${TABLE} ${clause}) AS c
       LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM ${TABLE} ${clause} ORDER BY id DESC LIMIT ${param(q.limit)} OFFSET ${param(q.offset)}) AS p ON true
       ORDER BY p.id DESC`,
      params,
    );
    const entries: AuditEntry[] = rows
      .filter((r): r is Row & { id: string } => r.id !== null)
      .map((r) => ({
        id: Number(r.id),
        time: r.time.toISOString(),
        user: r.user,
        role: r.role,
        ip: r.ip,
        project: r.project,
        operation: r.operation,
        target: r.target,
        input: r.input,
        status: r.status,
        result: r.result,
        job_id: r.job_id,
        error_code: r.error_code,
        request_id: r.request_id,
      }));
    return { entries, total: Number(rows[0]?.total ?? 0), offset: q.offset, limit: q.limit };
  }

  async ping(): Promise<void> {
    await this.#run('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  async #ensureSchema(): Promise<void> {
    await this.#withClient(async (client) => {
      if (await this.#schemaComplete(client)) return;
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await client.query(SCHEMA);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      if (!(await this.#schemaComplete(client))) throw new PgAuditStoreError(`${TABLE} is incomplete after creating it`);
    });
  }

  /** True when table, indexes and trigger exist; refuses to run on a table whose trigger was switched off. */
  async #schemaComplete(client: PoolClient): Promise<boolean> {
    const { rows } = await client.query<{ has_table: boolean; indexes: number; trigger_state: string | null }>(SCHEMA_STATE, [TABLE, INDEXES, TRIGGER]);
    const state = rows[0];
    // 'D' is disabled, 'R' fires only for replication sessions: either way ordinary sessions could rewrite rows.
    if (state?.trigger_state === 'D' || state?.trigger_state === 'R') {
      throw new PgAuditStoreError(`the append-only trigger on ${TABLE} is disabled; re-enable it: ALTER TABLE ${TABLE} ENABLE TRIGGER ${TRIGGER}`);
    }
    return Boolean(state?.has_table && state.indexes === INDEXES.length && state.trigger_state !== null);
  }

  async #withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (err) {
      throw this.#fail(err);
    }
    let broken = false;
    try {
      return await work(client);
    } catch (err) {
      // A server's SQL error leaves the connection usable; anything else (a network failure) discards it.
      broken = !(err instanceof PgAuditStoreError) && !(err instanceof Error && 'severity' in err);
      throw this.#fail(err);
    } finally {
      client.release(broken);
    }
  }

  async #run<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.#pool.query<R>(sql, params)).rows;
    } catch (err) {
      throw this.#fail(err);
    }
  }

  #fail(err: unknown): PgAuditStoreError {
    if (err instanceof PgAuditStoreError) return err;
    if (this.#closed) return new PgAuditStoreError('the store is closed');
    const { reason, code } = describePgFailure(err, this.#url);
    return new PgAuditStoreError(reason, code);
  }
}
