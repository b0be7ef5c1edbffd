// Write-ahead audit: a call that may change something upstream is recorded before it leaves the console,
// so a console killed mid-call (kill -9 during a slow upstream answer) still leaves a record, closed as
// `unknown` when it starts again.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startEmulator, type RunningEmulator } from '@gaussdb-console/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAttemptInput } from '../src/audit/audit-store';
import { SqliteAuditStore } from '../src/audit/sqlite-audit-store';
import { startBffProcess, until, type BffProcess } from './bff-process';
import { startHarness } from './console-harness';
import { MUTATION, tempDir, writeUsers, type TestUser } from './helpers';

const attempt: AuditAttemptInput = {
  time: '2026-01-01T00:00:00.000Z',
  user: 'oscar',
  role: 'operator',
  ip: '127.0.0.1',
  project: 'prod',
  operation: 'restartInstance',
  target: { instance_id: 'abc_in14' },
  input: null,
  request_id: 'req-1',
  client_request_id: 'proxy-7',
};
const page = { offset: 0, limit: 50 };
const at = (minute: number) => `2026-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

describe('SQLite audit store, write-ahead', () => {
  it('stores an attempt, then its outcome as a row of its own, and shows the pair as one entry', async () => {
    const store = new SqliteAuditStore(':memory:');
    const id = await store.begin(attempt);
    const inFlight = (await store.query(page)).entries[0];
    expect(inFlight).toMatchObject({
      id,
      result: 'attempted',
      status: 0,
      outcome: null,
      client_request_id: 'proxy-7',
      request_id: 'req-1',
    });
    await store.settle(id, {
      time: at(1),
      status: 202,
      result: 'success',
      job_id: 'job-1',
      error_code: null,
    });
    // A second outcome from the request is ignored: the first one stands.
    await store.settle(id, { time: at(2), status: 500, result: 'failure', job_id: null, error_code: 'X' });
    expect((await store.query(page)).entries[0]).toMatchObject({
      id,
      time: attempt.time,
      result: 'success',
      status: 202,
      job_id: 'job-1',
      outcome: { time: at(1), source: 'request' },
    });
    // Neither table accepts a change.
    expect(() => store.database.prepare("UPDATE audit_outcome SET result = 'failure'").run()).toThrow(
      /append-only/,
    );
    expect(() => store.database.prepare('DELETE FROM audit_outcome').run()).toThrow(/append-only/);
    expect(() => store.database.prepare("UPDATE audit_log SET result = 'success'").run()).toThrow(
      /append-only/,
    );
    await store.close();
  });

  it('closes attempts without an outcome as unknown, filters by it, and lets a late answer win', async () => {
    const store = new SqliteAuditStore(':memory:');
    const old = await store.begin({ ...attempt, time: at(0) });
    const done = await store.begin({ ...attempt, time: at(1) });
    await store.settle(done, { time: at(2), status: 202, result: 'success', job_id: null, error_code: null });
    const recent = await store.begin({ ...attempt, time: at(9) });
    await store.append({
      ...attempt,
      time: at(3),
      operation: 'login',
      status: 200,
      job_id: null,
      error_code: null,
    });

    expect(await store.closeAbandoned({ before: at(5), now: at(10) })).toBe(1);
    expect(await store.closeAbandoned({ before: at(5), now: at(11) })).toBe(0);
    const unknown = await store.query({ ...page, result: 'unknown' });
    expect(unknown.total).toBe(1);
    expect(unknown.entries[0]).toMatchObject({
      id: old,
      result: 'unknown',
      status: 0,
      outcome: { time: at(10), source: 'recovery' },
    });
    expect((await store.query({ ...page, result: 'attempted' })).entries.map((e) => e.id)).toEqual([recent]);
    expect((await store.query({ ...page, result: 'success' })).total).toBe(2);

    // The call's own answer arriving after recovery is what the entry shows.
    await store.settle(old, {
      time: at(12),
      status: 400,
      result: 'failure',
      job_id: null,
      error_code: 'DBS.200086',
    });
    expect((await store.query(page)).entries.find((e) => e.id === old)).toMatchObject({
      result: 'failure',
      error_code: 'DBS.200086',
      outcome: { source: 'request' },
    });
    await store.close();
  });

  it('upgrades a trail written before write-ahead existed, keeping its rows, ids and guards', async () => {
    const file = path.join(tempDir(), 'audit.db');
    const v1 = new Database(file);
    v1.exec(`
      CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, user TEXT, role TEXT, ip TEXT, project TEXT,
        operation TEXT NOT NULL, target TEXT NOT NULL, input TEXT, status INTEGER NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('success', 'failure')), job_id TEXT, error_code TEXT, request_id TEXT);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      INSERT INTO audit_log (time, user, operation, target, status, result) VALUES ('${at(0)}', 'alice', 'login', '{}', 200, 'success');
      INSERT INTO audit_log (time, user, operation, target, status, result) VALUES ('${at(1)}', 'vera', 'loginFailed', '{}', 401, 'failure');
    `);
    v1.close();

    const store = new SqliteAuditStore(file);
    const before = await store.query(page);
    expect(before.entries.map((e) => [e.id, e.user, e.result, e.outcome, e.client_request_id])).toEqual([
      [2, 'vera', 'failure', null, null],
      [1, 'alice', 'success', null, null],
    ]);
    expect(await store.begin(attempt)).toBe(3);
    expect(() => store.database.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(store.database.pragma('user_version', { simple: true })).toBe(2);
    await store.close();
    // Opening it again changes nothing.
    const again = new SqliteAuditStore(file);
    expect((await again.query(page)).total).toBe(3);
    await again.close();
  });
});

const USERS: TestUser[] = [
  { name: 'alice', role: 'admin', password: 'alice-password-1' },
  { name: 'oscar', role: 'operator', password: 'oscar-password-1' },
];

describe('a console killed during a mutation', { timeout: 60_000 }, () => {
  let emu: RunningEmulator;
  let dir: string;
  let env: Record<string, string>;
  const children: BffProcess[] = [];

  beforeAll(async () => {
    emu = await startEmulator({
      memory: true,
      seed: 'demo',
      admin: true,
      clock: 'manual',
      log: { error: () => undefined },
    });
    dir = tempDir();
    const usersFile = path.join(dir, 'users.json');
    await writeUsers(usersFile, USERS);
    const iam = emu.credentials.iam;
    env = {
      GAUSSDB_ENDPOINT: emu.url,
      IAM_ENDPOINT: iam.endpoint,
      IAM_USER: iam.user,
      IAM_PASSWORD: iam.password,
      IAM_DOMAIN: iam.domain,
      GAUSSDB_PROJECTS: `prod:${emu.region}:${emu.projectId}`,
      DATA_DIR: path.join(dir, 'data'),
      USERS_FILE: usersFile,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
  }, 40_000);

  afterAll(async () => {
    for (const c of children)
      if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await emu?.close();
  });

  const signIn = async (bff: BffProcess, name: string): Promise<string> => {
    const user = USERS.find((u) => u.name === name) as TestUser;
    const res = await fetch(`${bff.url}/api/v1/session`, {
      method: 'POST',
      headers: MUTATION,
      body: JSON.stringify({ username: name, password: user.password }),
    });
    expect(res.status).toBe(200);
    return (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
  };
  const admin = (method: string, rel: string, body?: unknown) =>
    fetch(`${emu.url}/__emulator${rel}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);

  it('finds the restart it was sending recorded, and closed as unknown after the restart', async () => {
    const first = await startBffProcess('first', env);
    children.push(first);
    const oscar = await signIn(first, 'oscar');
    const list = (await (
      await fetch(`${first.url}/api/v1/projects/prod/instances?limit=100`, { headers: { Cookie: oscar } })
    ).json()) as { instances: { id: string; name: string }[] };
    const target = list.instances.find((i) => i.name === 'staging-app')?.id as string;

    // The upstream answers slowly; the console dies while it waits.
    await admin('POST', '/faults', { method: 'POST', route: 'restartInstance', latencyMs: 3_000, count: 1 });
    const pending = fetch(`${first.url}/api/v1/projects/prod/instances/${target}/restart`, {
      method: 'POST',
      headers: { ...MUTATION, Cookie: oscar },
      body: '{}',
    }).catch(() => undefined);
    await until(
      async () => ((await admin('GET', '/faults')).faults as unknown[]).length === 0,
      'the restart to reach the emulator',
    );
    // Already recorded before the upstream call went out.
    const file = path.join(dir, 'data', 'audit.db');
    const peek = new Database(file, { readonly: true, fileMustExist: true });
    expect(
      peek.prepare("SELECT operation, result FROM audit_log WHERE operation = 'restartInstance'").all(),
    ).toEqual([{ operation: 'restartInstance', result: 'attempted' }]);
    peek.close();
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    await pending;

    const second = await startBffProcess('second', env);
    children.push(second);
    const alice = await signIn(second, 'alice');
    const res = await fetch(`${second.url}/api/v1/audit?result=unknown`, { headers: { Cookie: alice } });
    const body = (await res.json()) as { total: number; entries: Record<string, unknown>[] };
    expect(body.total).toBe(1);
    expect(body.entries[0]).toMatchObject({
      operation: 'restartInstance',
      user: 'oscar',
      role: 'operator',
      project: 'prod',
      target: { instance_id: target },
      result: 'unknown',
      status: 0,
      outcome: { source: 'recovery' },
    });
    expect(second.stdout()).toMatch(/closed 1 audit entry as unknown/);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('operation routes, write-ahead', { timeout: 30_000 }, () => {
  it('record a mutation before it is sent and its outcome after, and send nothing when the trail cannot be written', async () => {
    const h = await startHarness();
    try {
      const oscar = await h.as('oscar');
      const alice = await h.as('alice');
      const target = h.ids.instances['staging-app'] as string;
      const added = await oscar.call(
        'POST',
        h.p(`/instances/${target}/tags`),
        { tags: [{ key: 'wal', value: 'yes' }] },
        { 'X-Request-Id': 'proxy-abc-123' },
      );
      expect(added.status).toBeLessThan(300);
      const audit = await alice.get('/api/v1/audit?operation=addInstanceTags');
      expect(audit.body.entries).toEqual([
        expect.objectContaining({
          user: 'oscar',
          target: { instance_id: target },
          result: 'success',
          status: added.status,
          request_id: added.headers.get('x-request-id'),
          client_request_id: 'proxy-abc-123',
          outcome: { time: expect.any(String) as string, source: 'request' },
        }),
      ]);

      // A read sent as POST is recorded after the fact, not written ahead.
      const own = h.ids.tenants.tenant_retail as { instance_id: string };
      expect(
        (await alice.call('POST', h.p(`/instances/${own.instance_id}/pdb-info`), { offset: 0, limit: 5 }))
          .status,
      ).toBe(200);
      const read = await alice.get('/api/v1/audit?operation=listTenants');
      expect(read.body.entries).toEqual([expect.objectContaining({ result: 'success', outcome: null })]);

      // The trail is gone: the change is refused and never reaches the GaussDB API.
      await h.admin.clearRequests();
      await h.running.bff.ctx.audit.close();
      const refused = await oscar.call('POST', h.p(`/instances/${target}/restart`), {});
      expect(refused.status).toBe(503);
      expect(refused.body.error?.code).toBe('AUDIT_UNAVAILABLE');
      expect(refused.body.error?.message).toMatch(/the change was not sent/);
      expect((await h.admin.requests()).filter((r) => r.operation === 'restartInstance')).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
