import { Pool, type PoolClient } from 'pg';
import type { Secret } from '../auth/secret';
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
import {
  COLUMNS,
  ENTRIES,
  INDEXES,
  OUTCOME_TRIGGER,
  OUTCOMES,
  SCHEMA,
  SCHEMA_LOCK,
  SCHEMA_STATE,
  TABLE,
  TRIGGER,
} from './pg-audit-schema';
import { describePgFailure, PgAuditStoreError } from './pg-failure';

export { describePgFailure, PgAuditStoreError } from './pg-failure';

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
  result: AuditResult;
  job_id: string | null;
  error_code: string | null;
  request_id: string | null;
  client_request_id: string | null;
  outcome_time: Date | null;
  outcome_source: 'request' | 'recovery' | null;
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
  if (text.length > MAX_INPUT_CHARS)
    return JSON.stringify({ truncated: true, chars: text.length, head: text.slice(0, 1024) });
  return text;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

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
  /** Several replicas write one trail: recovery closes only attempts too old to be anyone's live call. */
  readonly shared = true;
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
    await this.#insert(e, e.status, resultOf(e.status), e.job_id, e.error_code);
  }

  async begin(a: AuditAttemptInput): Promise<number> {
    await this.start();
    const rows = await this.#insert(a, 0, 'attempted', null, null);
    return Number(rows[0]?.id);
  }

  async settle(id: number, o: AuditOutcomeInput): Promise<void> {
    await this.start();
    await this.#run(
      `INSERT INTO ${OUTCOMES} (entry_id, source, time, status, result, job_id, error_code)
       VALUES ($1, 'request', $2::timestamptz, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [id, o.time, o.status, o.result, cleanNullable(o.job_id), cleanNullable(o.error_code)],
    );
  }

  async closeAbandoned(q: AbandonedQuery): Promise<number> {
    await this.start();
    const params: unknown[] = [q.now, q.before];
    if (q.since) params.push(q.since);
    const rows = await this.#run<{ entry_id: string }>(
      `INSERT INTO ${OUTCOMES} (entry_id, source, time, status, result)
       SELECT l.id, 'recovery', $1::timestamptz, 0, 'unknown' FROM ${TABLE} l
       WHERE l.result = 'attempted' AND l.time < $2::timestamptz ${q.since ? 'AND l.time >= $3::timestamptz' : ''}
         AND NOT EXISTS (SELECT 1 FROM ${OUTCOMES} o WHERE o.entry_id = l.id)
       ON CONFLICT DO NOTHING RETURNING entry_id`,
      params,
    );
    return rows.length;
  }

  async query(q: AuditQuery): Promise<AuditPage> {
    await this.start();
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (q.user) where.push(`"user" = ${param(q.user)}`);
    if (q.operation) where.push(`operation = ${param(q.operation)}`);
    // Like SQLite's LIKE: a case-insensitive substring of any target id, with % and _ taken literally.
    if (q.target)
      where.push(
        `EXISTS (SELECT 1 FROM jsonb_each_text(target) AS t(k, v) WHERE t.v ILIKE ${param(`%${likeEscape(q.target)}%`)} ESCAPE '\\')`,
      );
    if (q.from) where.push(`time >= ${param(q.from)}::timestamptz`);
    if (q.to) where.push(`time <= ${param(q.to)}::timestamptz`);
    if (q.result) where.push(`result = ${param(q.result)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // One statement, so the total and the page come from the same snapshot.
    const rows = await this.#run<Row>(
      `${ENTRIES}
       SELECT c.total, p.* FROM (SELECT count(*) AS total FROM e ${clause}) AS c
       LEFT JOIN LATERAL (SELECT ${COLUMNS} FROM e ${clause} ORDER BY id DESC LIMIT ${param(q.limit)} OFFSET ${param(q.offset)}) AS p ON true
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
        client_request_id: r.client_request_id,
        outcome:
          r.outcome_time && r.outcome_source
            ? { time: r.outcome_time.toISOString(), source: r.outcome_source }
            : null,
      }));
    return { entries, total: Number(rows[0]?.total ?? 0), offset: q.offset, limit: q.limit };
  }

  #insert(
    e: AuditAttemptInput,
    status: number,
    result: AuditResult,
    jobId: string | null,
    errorCode: string | null,
  ): Promise<{ id: string }[]> {
    return this.#run<{ id: string }>(
      `INSERT INTO ${TABLE} (time, "user", role, ip, project, operation, target, input, status, result, job_id, error_code, request_id, client_request_id)
       VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        e.time,
        cleanNullable(e.user),
        cleanNullable(e.role),
        cleanNullable(e.ip),
        cleanNullable(e.project),
        cleanText(e.operation),
        JSON.stringify(cleanJson(e.target)),
        inputJson(e.input),
        status,
        result,
        cleanNullable(jobId),
        cleanNullable(errorCode),
        cleanNullable(e.request_id),
        cleanNullable(e.client_request_id ?? null),
      ],
    );
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
      if (!(await this.#schemaComplete(client)))
        throw new PgAuditStoreError(`${TABLE} is incomplete after creating it`);
    });
  }

  /** True when table, indexes and trigger exist; refuses to run on a table whose trigger was switched off. */
  async #schemaComplete(client: PoolClient): Promise<boolean> {
    const { rows } = await client.query<{
      has_table: boolean;
      indexes: number;
      trigger_state: string | null;
      outcome_trigger_state: string | null;
      write_ahead: boolean;
      has_client_request_id: boolean;
    }>(SCHEMA_STATE, [TABLE, INDEXES, TRIGGER, OUTCOMES, OUTCOME_TRIGGER]);
    const state = rows[0];
    // 'D' is disabled, 'R' fires only for replication sessions: either way ordinary sessions could rewrite rows.
    for (const [table, trigger, st] of [
      [TABLE, TRIGGER, state?.trigger_state],
      [OUTCOMES, OUTCOME_TRIGGER, state?.outcome_trigger_state],
    ] as const) {
      if (st === 'D' || st === 'R') {
        throw new PgAuditStoreError(
          `the append-only trigger on ${table} is disabled; re-enable it: ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`,
        );
      }
    }
    return Boolean(
      state?.has_table &&
      state.indexes === INDEXES.length &&
      state.trigger_state !== null &&
      state.outcome_trigger_state !== null &&
      state.write_ahead &&
      state.has_client_request_id,
    );
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
