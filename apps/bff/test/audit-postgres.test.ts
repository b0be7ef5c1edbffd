import net from 'node:net';
import { Client } from 'pg';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryInput, AuditStore } from '../src/audit/audit-store';
import { AuditConfigError, createAuditStore, openAuditStore } from '../src/audit/create-audit-store';
import { PgAuditStore } from '../src/audit/pg-audit-store';
import { SqliteAuditStore } from '../src/audit/sqlite-audit-store';
import { authorize } from '../src/auth/require-session';
import { Secret } from '../src/auth/secret';
import { createUserDirectory } from '../src/auth/user-directory';
import { loadConfig } from '../src/config';
import { ManualClock } from '../src/http/clock';
import { createLogger } from '../src/http/logger';
import { createApp } from '../src/server';
import { cookiePair, LogCapture, MUTATION, tempDir, writeUsers, USERS } from './helpers';
import { startPostgres, type TestPostgres } from './postgres-server';

let pg: TestPostgres;
const stores: AuditStore[] = [];

beforeAll(async () => {
  // No skip: without a PostgreSQL server this fails with the helper's message (what to install).
  pg = await startPostgres();
}, 60_000);

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await pg?.stop();
});

let dbCount = 0;
async function freshStore(): Promise<{ store: PgAuditStore; url: string; db: string }> {
  const db = `audit_${++dbCount}`;
  const url = await pg.createDatabase(db);
  const store = new PgAuditStore(new Secret(url));
  stores.push(store);
  await store.start();
  return { store, url, db };
}

async function sql<R extends object = Record<string, unknown>>(url: string, text: string): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

const base: AuditEntryInput = {
  time: '2026-01-01T00:00:00.000Z',
  user: 'alice',
  role: 'admin',
  ip: '127.0.0.1',
  project: 'prod',
  operation: 'restartInstance',
  target: { instance_id: 'abc_in14' },
  input: null,
  status: 202,
  job_id: null,
  error_code: null,
  request_id: 'req-1',
};

const page = { offset: 0, limit: 50 };

describe('PostgreSQL audit store', () => {
  it('creates its table, indexes and trigger on start, with time as timestamptz and input as JSONB', async () => {
    const { store, url } = await freshStore();
    const columns = await sql<{ column_name: string; data_type: string }>(
      url,
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name IN ('time', 'target', 'input')",
    );
    expect(Object.fromEntries(columns.map((c) => [c.column_name, c.data_type]))).toEqual({
      time: 'timestamp with time zone',
      target: 'jsonb',
      input: 'jsonb',
    });
    const indexes = await sql<{ indexname: string }>(
      url,
      "SELECT indexname FROM pg_indexes WHERE tablename = 'audit_log'",
    );
    expect(indexes.map((i) => i.indexname)).toEqual(
      expect.arrayContaining(['audit_log_time', 'audit_log_user', 'audit_log_operation']),
    );

    await store.append({
      ...base,
      input: { name: 'app_user', password: '***', nested: { disk: '40' } },
      job_id: 'job-42',
    });
    const stored = await sql<{ kind: string; disk: string }>(
      url,
      "SELECT jsonb_typeof(input) AS kind, input #>> '{nested,disk}' AS disk FROM audit_log",
    );
    expect(stored).toEqual([{ kind: 'object', disk: '40' }]);

    // A second start on the same database (another replica, a restart) finds the schema and keeps the rows.
    const again = new PgAuditStore(new Secret(url));
    stores.push(again);
    await again.start();
    const { entries, total } = await again.query(page);
    expect(total).toBe(1);
    expect(entries[0]).toEqual({
      id: 1,
      ...base,
      input: { name: 'app_user', password: '***', nested: { disk: '40' } },
      job_id: 'job-42',
      result: 'success',
      client_request_id: null,
      outcome: null,
    });
  });

  it('filters by user, operation, target, time range and result, newest first, with paging and a total', async () => {
    const { store } = await freshStore();
    const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
    await store.append({
      ...base,
      time: at(0),
      user: 'oscar',
      operation: 'loginFailed',
      target: {},
      status: 401,
      error_code: 'INVALID_CREDENTIALS',
    });
    await store.append({
      ...base,
      time: at(1),
      user: 'oscar',
      operation: 'loginFailed',
      target: {},
      status: 401,
    });
    await store.append({ ...base, time: at(2), user: 'alice', operation: 'login', target: {}, status: 200 });
    await store.append({ ...base, time: at(3), target: { instance_id: 'abc_in14' }, status: 202 });
    await store.append({
      ...base,
      time: at(4),
      target: { instance_id: 'XYZ_in14', pdb_id: 'p1' },
      status: 500,
    });
    await store.append({
      ...base,
      time: at(5),
      user: 'vera',
      operation: 'createTenant',
      target: { instance_id: 'abc_in14' },
      status: 403,
      error_code: 'FORBIDDEN',
    });

    const all = await store.query(page);
    expect(all.total).toBe(6);
    expect(all.entries.map((e) => e.time)).toEqual([5, 4, 3, 2, 1, 0].map(at));

    const count = async (q: Partial<Parameters<AuditStore['query']>[0]>) =>
      (await store.query({ ...page, ...q })).total;
    expect(await count({ user: 'oscar' })).toBe(2);
    expect(await count({ operation: 'restartInstance' })).toBe(2);
    expect(await count({ target: 'abc' })).toBe(2);
    expect(await count({ target: 'xyz' })).toBe(1); // case-insensitive, like SQLite's LIKE
    expect(await count({ target: '_in14' })).toBe(3);
    expect(await count({ target: '%' })).toBe(0); // wildcards are taken literally
    expect(await count({ target: 'p1' })).toBe(1);
    expect(await count({ from: at(3) })).toBe(3);
    expect(await count({ to: at(1) })).toBe(2);
    expect(await count({ from: at(1), to: at(4) })).toBe(4);
    expect(await count({ result: 'failure' })).toBe(4);
    expect(await count({ result: 'success', user: 'alice' })).toBe(2);

    const second = await store.query({ offset: 2, limit: 2 });
    expect(second).toMatchObject({ total: 6, offset: 2, limit: 2 });
    expect(second.entries.map((e) => e.time)).toEqual([at(3), at(2)]);
    const past = await store.query({ operation: 'loginFailed', offset: 10, limit: 5 });
    expect(past).toEqual({ entries: [], total: 2, offset: 10, limit: 5 });
    expect((await store.query({ user: 'vera', ...page })).entries[0]).toMatchObject({
      result: 'failure',
      status: 403,
      error_code: 'FORBIDDEN',
    });
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { store, url } = await freshStore();
    await store.append(base);
    await expect(sql(url, 'UPDATE audit_log SET "user" = \'mallory\'')).rejects.toThrow(
      /append-only \(UPDATE refused\)/,
    );
    await expect(sql(url, 'DELETE FROM audit_log')).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(sql(url, 'TRUNCATE audit_log')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    expect((await store.query(page)).entries.map((e) => e.user)).toEqual(['alice']);
  });

  it('refuses to start on a table whose append-only trigger was switched off', async () => {
    const { url } = await freshStore();
    await sql(url, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    const store = new PgAuditStore(new Secret(url));
    stores.push(store);
    await expect(store.start()).rejects.toThrow(
      /PostgreSQL audit store: the append-only trigger on audit_log is disabled/,
    );
  });

  it('works for a role that may only INSERT and SELECT, which cannot switch the trigger off', async () => {
    const { store, db } = await freshStore();
    await pg.sql(db, `CREATE ROLE ${db}_writer LOGIN; GRANT INSERT, SELECT ON audit_log TO ${db}_writer`);
    const writerUrl = pg.urlFor(db, `${db}_writer`);
    const writer = new PgAuditStore(new Secret(writerUrl));
    stores.push(writer);
    await writer.start();
    await writer.append({ ...base, user: 'from-writer' });
    expect((await store.query(page)).entries.map((e) => e.user)).toEqual(['from-writer']);
    await expect(
      sql(writerUrl, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only'),
    ).rejects.toThrow(/must be owner/);
  });

  it('stores text PostgreSQL would refuse (NUL, a lone surrogate) with a replacement character', async () => {
    const { store } = await freshStore();
    await store.append({ ...base, user: 'a\0b', input: { 'k\0': 'x\uD800y' } });
    const [entry] = (await store.query(page)).entries;
    expect(entry?.user).toBe('a\uFFFDb');
    expect(entry?.input).toEqual({ 'k\uFFFD': 'x\uFFFDy' });
  });

  it('caps a huge input like the SQLite store', async () => {
    const { store } = await freshStore();
    await store.append({ ...base, input: { blob: 'x'.repeat(40_000) } });
    expect((await store.query(page)).entries[0]?.input).toMatchObject({ truncated: true, chars: 40_011 });
  });

  it('writes ahead: an attempt, its outcome as a row of its own, recovery of abandoned attempts as unknown', async () => {
    const { store, url } = await freshStore();
    const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
    const { status: _s, job_id: _j, error_code: _e, ...attempt } = base;
    const old = await store.begin({ ...attempt, time: at(0), client_request_id: 'proxy-7' });
    const done = await store.begin({ ...attempt, time: at(1) });
    const recent = await store.begin({ ...attempt, time: at(9) });
    expect((await store.query(page)).entries.find((e) => e.id === old)).toMatchObject({
      result: 'attempted',
      status: 0,
      outcome: null,
      client_request_id: 'proxy-7',
    });
    await store.settle(done, {
      time: at(2),
      status: 202,
      result: 'success',
      job_id: 'job-9',
      error_code: null,
    });
    await store.settle(done, { time: at(3), status: 500, result: 'failure', job_id: null, error_code: 'X' });

    // Another replica's recent attempt is spared; the old one is closed, once.
    expect(await store.closeAbandoned({ before: at(5), now: at(10) })).toBe(1);
    expect(await store.closeAbandoned({ before: at(5), now: at(11) })).toBe(0);
    const byId = new Map((await store.query(page)).entries.map((e) => [e.id, e]));
    expect(byId.get(old)).toMatchObject({
      result: 'unknown',
      status: 0,
      outcome: { time: at(10), source: 'recovery' },
    });
    expect(byId.get(done)).toMatchObject({
      result: 'success',
      status: 202,
      job_id: 'job-9',
      outcome: { time: at(2), source: 'request' },
    });
    expect(byId.get(recent)).toMatchObject({ result: 'attempted', outcome: null });
    expect((await store.query({ ...page, result: 'unknown' })).entries.map((e) => e.id)).toEqual([old]);
    expect((await store.query({ ...page, result: 'attempted' })).entries.map((e) => e.id)).toEqual([recent]);

    // The outcome table is append-only too.
    await expect(sql(url, "UPDATE audit_outcome SET result = 'success'")).rejects.toThrow(
      /audit_outcome is append-only \(UPDATE refused\)/,
    );
    await expect(sql(url, 'DELETE FROM audit_outcome')).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(sql(url, 'TRUNCATE audit_outcome')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
  });

  it('upgrades a trail created before write-ahead entries existed, keeping its rows and its guard', async () => {
    const db = `audit_${++dbCount}`;
    const url = await pg.createDatabase(db);
    await sql(
      url,
      `CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, time timestamptz NOT NULL, "user" text, role text, ip text,
         project text, operation text NOT NULL, target jsonb NOT NULL CHECK (jsonb_typeof(target) = 'object'), input jsonb, status integer NOT NULL,
         result text NOT NULL CHECK (result IN ('success', 'failure')), job_id text, error_code text, request_id text);
       CREATE INDEX audit_log_time ON audit_log (time);
       CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP; END $fn$;
       CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
       INSERT INTO audit_log (time, "user", operation, target, status, result) VALUES ('2026-01-01T00:00:00Z', 'alice', 'login', '{}', 200, 'success');`,
    );
    const store = new PgAuditStore(new Secret(url));
    stores.push(store);
    await store.start();
    const { status: _s, job_id: _j, error_code: _e, ...attempt } = base;
    const id = await store.begin(attempt);
    expect(
      (await store.query(page)).entries.map((e) => [e.id, e.user, e.result, e.client_request_id]),
    ).toEqual([
      [id, 'alice', 'attempted', null],
      [1, 'alice', 'success', null],
    ]);
    await expect(sql(url, 'DELETE FROM audit_log')).rejects.toThrow(/append-only \(DELETE refused\)/);
  });

  it('stops at start, saying why, when an insert-only role meets a trail that needs the upgrade', async () => {
    const db = `audit_${++dbCount}`;
    const url = await pg.createDatabase(db);
    await sql(
      url,
      `CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, time timestamptz NOT NULL, "user" text, role text, ip text,
         project text, operation text NOT NULL, target jsonb NOT NULL, input jsonb, status integer NOT NULL,
         result text NOT NULL CHECK (result IN ('success', 'failure')), job_id text, error_code text, request_id text)`,
    );
    await pg.sql(db, `CREATE ROLE ${db}_writer LOGIN; GRANT INSERT, SELECT ON audit_log TO ${db}_writer`);
    const writer = new PgAuditStore(new Secret(pg.urlFor(db, `${db}_writer`)));
    stores.push(writer);
    await expect(writer.start()).rejects.toThrow(
      /^PostgreSQL audit store: (permission denied|must be owner).*42501/,
    );
  });

  it('answers ping with the database up, and says so once closed', async () => {
    const { store } = await freshStore();
    await store.ping();
    await store.close();
    await expect(store.ping()).rejects.toThrow(/^PostgreSQL audit store: the store is closed$/);
    await store.close();
  });
});

describe('audit store selection with AUDIT_DATABASE_URL', () => {
  it('picks PostgreSQL when AUDIT_DATABASE_URL is set and SQLite otherwise', async () => {
    const url = await pg.createDatabase('audit_select');
    const dir = tempDir();
    const store = await openAuditStore({ dataDir: dir, auditDatabaseUrl: new Secret(url) });
    stores.push(store);
    expect(store).toBeInstanceOf(PgAuditStore);
    await store.append(base);
    expect((await sql<{ n: string }>(url, 'SELECT count(*) AS n FROM audit_log'))[0]?.n).toBe('1');

    const lazy = createAuditStore({ dataDir: dir, auditDatabaseUrl: new Secret(url) });
    stores.push(lazy);
    expect(lazy).toBeInstanceOf(PgAuditStore);
    expect((await lazy.query(page)).total).toBe(1);

    const sqlite = await openAuditStore({ dataDir: dir });
    expect(sqlite).toBeInstanceOf(SqliteAuditStore);
    await sqlite.close();
  });

  it('fails start-up with a clear message, never the URL or its password, when the database is unreachable', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const url = `postgres://audit_writer:hunter2-secret@127.0.0.1:${closedPort}/audit`;
    const start = openAuditStore({ dataDir: tempDir(), auditDatabaseUrl: new Secret(url) });
    await expect(start).rejects.toThrow(AuditConfigError);
    const message = await start.then(
      () => '',
      (err: unknown) => (err as Error).message,
    );
    expect(message).toMatch(
      /^PostgreSQL audit store: cannot connect \(connection refused\)\. AUDIT_DATABASE_URL is set/,
    );
    for (const leak of ['hunter2', 'audit_writer', url, String(closedPort)])
      expect(message).not.toContain(leak);

    const missing = openAuditStore({
      dataDir: tempDir(),
      auditDatabaseUrl: new Secret(pg.urlFor('no_such_db')),
    });
    await expect(missing).rejects.toThrow(
      /^PostgreSQL audit store: the database does not exist \(SQLSTATE 3D000\)/,
    );
  });
});

describe('GET /api/v1/audit on PostgreSQL', () => {
  /** Appends happen when a response finishes; this lets the test wait for them instead of for time. */
  class SettledStore implements AuditStore {
    readonly #pending = new Set<Promise<void>>();
    constructor(readonly inner: AuditStore) {}
    readonly shared = true;
    append(entry: AuditEntryInput): Promise<void> {
      const p = this.inner.append(entry).finally(() => this.#pending.delete(p));
      this.#pending.add(p);
      return p;
    }
    begin: AuditStore['begin'] = (a) => this.inner.begin(a);
    settle: AuditStore['settle'] = (id, o) => this.inner.settle(id, o);
    closeAbandoned: AuditStore['closeAbandoned'] = (q) => this.inner.closeAbandoned(q);
    async settled(): Promise<void> {
      await Promise.allSettled([...this.#pending]);
    }
    query: AuditStore['query'] = (q) => this.inner.query(q);
    ping = () => this.inner.ping();
    close = () => this.inner.close();
  }

  it('records sign-ins and a mutation, and serves them to an admin with filters and paging', async () => {
    const dir = tempDir();
    const url = await pg.createDatabase('audit_http');
    const config = loadConfig(
      { DATA_DIR: dir, LOG_LEVEL: 'info', AUDIT_DATABASE_URL: url },
      { baseDir: dir },
    );
    await writeUsers(config.usersFile, USERS);
    const logs = new LogCapture();
    const audit = new SettledStore(await openAuditStore(config));
    stores.push(audit);
    const clock = new ManualClock();
    const { app } = createApp({
      config,
      users: await createUserDirectory({ usersFile: config.usersFile }),
      audit,
      clock,
      logger: createLogger('info', logs),
      extendApi: (api) => {
        api.post(
          '/projects/:project/instances/:instance_id/restart',
          authorize({ id: 'restartInstance', method: 'POST', destructive: false }),
          (req, res) => {
            res.locals.audit = {
              operation: 'restartInstance',
              project: String(req.params.project),
              target: { instance_id: String(req.params.instance_id) },
              input: req.body,
              job_id: 'job-7',
            };
            res.status(202).json({ job_id: 'job-7' });
          },
        );
      },
    });
    const request = supertest(app);
    const signIn = async (name: string, password: string) => {
      const res = await request.post('/api/v1/session').set(MUTATION).send({ username: name, password });
      expect(res.status).toBe(200);
      return cookiePair(res.headers['set-cookie']);
    };

    for (let i = 0; i < 3; i++)
      await request
        .post('/api/v1/session')
        .set(MUTATION)
        .send({ username: 'oscar', password: `wrong-password-${i}` });
    clock.advance(60_000);
    const admin = await signIn('alice', 'alice-password-1');
    const viewer = await signIn('vera', 'vera-password-12');
    // Sign-ins are recorded without holding their answer: let them land so the newest entry is the restart.
    await audit.settled();
    const restart = await request
      .post('/api/v1/projects/prod/instances/abc_in14/restart')
      .set(MUTATION)
      .set('Cookie', admin)
      .send({ restart: { password: 'Secret-Pass-123' } });
    expect(restart.status).toBe(202);
    await audit.settled();

    expect((await request.get('/api/v1/audit').set('Cookie', viewer)).status).toBe(403);
    const all = await request.get('/api/v1/audit').set('Cookie', admin);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    expect(all.body.entries[0]).toMatchObject({
      operation: 'restartInstance',
      user: 'alice',
      role: 'admin',
      project: 'prod',
      target: { instance_id: 'abc_in14' },
      input: { restart: { password: '***' } },
      status: 202,
      result: 'success',
      job_id: 'job-7',
      time: new Date(clock.now()).toISOString(),
    });
    expect(JSON.stringify(all.body)).not.toContain('Secret-Pass-123');

    const failed = await request
      .get('/api/v1/audit')
      .query({ operation: 'loginFailed', limit: 2, offset: 1 })
      .set('Cookie', admin);
    expect(failed.body).toMatchObject({ total: 3, offset: 1, limit: 2 });
    expect(failed.body.entries).toHaveLength(2);
    expect(
      (await request.get('/api/v1/audit').query({ user: 'vera', result: 'success' }).set('Cookie', admin))
        .body.total,
    ).toBe(1);
    expect(
      (await request.get('/api/v1/audit').query({ target: 'abc_in14' }).set('Cookie', admin)).body.total,
    ).toBe(1);
    const from = new Date(clock.now()).toISOString();
    expect((await request.get('/api/v1/audit').query({ from }).set('Cookie', admin)).body.total).toBe(3);
    expect(
      (
        await request
          .get('/api/v1/audit')
          .query({ to: new Date(clock.now() - 1).toISOString() })
          .set('Cookie', admin)
      ).body.total,
    ).toBe(3);
    expect((await request.get('/readyz')).status).toBe(200);

    expect(logs.text).not.toContain(url);
    expect(logs.text).not.toMatch(/audit write failed/);
  });
});
