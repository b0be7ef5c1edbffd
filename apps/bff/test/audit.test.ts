import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { authorize } from '../src/auth/require-session';
import { SqliteAuditStore } from '../src/audit/sqlite-audit-store';
import { createAuditStore } from '../src/audit/create-audit-store';
import { PgAuditStore } from '../src/audit/pg-audit-store';
import { isSecretKey, redactSecrets } from '../src/audit/redact';
import { Secret } from '../src/auth/secret';
import { makeApp, MUTATION, signIn, tempDir, type TestApp } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const createDbUser = { id: 'createTenantDbUser', method: 'POST' as const, destructive: false };

const mount = () =>
  makeApp({
    extendApi: (api) => {
      api.post(
        '/projects/:project/instances/:instance_id/pdbs/:pdb_id/db-user',
        authorize(createDbUser),
        (req, res) => {
          res.locals.audit = {
            operation: 'createTenantDbUser',
            project: String(req.params.project),
            target: { instance_id: String(req.params.instance_id), pdb_id: String(req.params.pdb_id) },
            input: req.body,
            job_id: 'job-42',
          };
          res.status(202).json({ job_id: 'job-42' });
        },
      );
    },
  });

describe('audit trail', () => {
  it('records login, failed login, a mutation with its target and job, and logout', async () => {
    t = await mount();
    await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .send({ username: 'tina', password: 'not-her-password' });
    const cookie = await signIn(t, 'tina', 'tina-password-12');
    await t.request
      .post('/api/v1/projects/prod/instances/inst-1/pdbs/pdb-1/db-user')
      .set(MUTATION)
      .set('Cookie', cookie)
      .send({
        name: 'app_user',
        password: 'Secret-Pass-123',
        user_pwd: 'x',
        nested: { token: 't', sk: 's', disk: '40' },
      });
    await t.request.delete('/api/v1/session').set('Cookie', cookie).set('X-Console-Request', '1');

    const page = await t.audit.query({ offset: 0, limit: 10 });
    expect(page.total).toBe(4);
    const [logout, mutation, login, failed] = page.entries;
    expect(failed).toMatchObject({
      operation: 'loginFailed',
      user: 'tina',
      role: null,
      status: 401,
      result: 'failure',
      error_code: 'INVALID_CREDENTIALS',
    });
    expect(failed?.ip).toBeTruthy();
    expect(login).toMatchObject({
      operation: 'login',
      user: 'tina',
      role: 'tenant',
      status: 200,
      result: 'success',
    });
    expect(mutation).toMatchObject({
      operation: 'createTenantDbUser',
      user: 'tina',
      role: 'tenant',
      project: 'prod',
      target: { instance_id: 'inst-1', pdb_id: 'pdb-1' },
      status: 202,
      job_id: 'job-42',
      result: 'success',
      input: {
        name: 'app_user',
        password: '***',
        user_pwd: '***',
        nested: { token: '***', sk: '***', disk: '40' },
      },
    });
    expect(mutation?.request_id).toBeTruthy();
    expect(logout).toMatchObject({ operation: 'logout', user: 'tina' });
    expect(JSON.stringify(page)).not.toContain('Secret-Pass-123');
    expect(JSON.stringify(page)).not.toContain('tina-password-12');
    expect(JSON.stringify(page)).not.toContain('not-her-password');
  });

  it('records a refused mutation by a signed-in user (policy or CSRF)', async () => {
    t = await mount();
    const viewerCookie = await signIn(t, 'vera', 'vera-password-12');
    await t.request
      .post('/api/v1/projects/p/instances/i/pdbs/d/db-user')
      .set(MUTATION)
      .set('Cookie', viewerCookie)
      .send({});
    await t.request
      .post('/api/v1/projects/p/instances/i/pdbs/d/db-user')
      .set(MUTATION)
      .set('Origin', 'https://evil.example')
      .set('Cookie', viewerCookie)
      .send({});
    const failures = await t.audit.query({ user: 'vera', result: 'failure', offset: 0, limit: 10 });
    expect(failures.entries.map((e) => [e.status, e.error_code])).toEqual([
      [403, 'CSRF_REJECTED'],
      [403, 'FORBIDDEN'],
    ]);
  });

  it('is append-only: UPDATE and DELETE are refused by the database', async () => {
    t = await mount();
    await signIn(t, 'alice', 'alice-password-1');
    const db = t.audit.database;
    expect(() => db.prepare("UPDATE audit_log SET user = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect((await t.audit.query({ offset: 0, limit: 5 })).entries[0]?.user).toBe('alice');
  });

  it('serves GET /api/v1/audit to admins only, with filters and paging', async () => {
    t = await mount();
    for (let i = 0; i < 3; i++)
      await t.request
        .post('/api/v1/session')
        .set(MUTATION)
        .send({ username: 'oscar', password: `wrong-password-${i}` });
    t.clock.advance(60_000);
    const admin = await signIn(t, 'alice', 'alice-password-1');
    const viewer = await signIn(t, 'vera', 'vera-password-12');
    expect((await t.request.get('/api/v1/audit').set('Cookie', viewer)).status).toBe(403);
    expect((await t.request.get('/api/v1/audit')).status).toBe(401);

    const all = await t.request.get('/api/v1/audit').set('Cookie', admin);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);

    const failed = await t.request
      .get('/api/v1/audit')
      .query({ operation: 'loginFailed', limit: 2, offset: 1 })
      .set('Cookie', admin);
    expect(failed.body).toMatchObject({ total: 3, offset: 1, limit: 2 });
    expect(failed.body.entries).toHaveLength(2);

    const byUser = await t.request
      .get('/api/v1/audit')
      .query({ user: 'vera', result: 'success' })
      .set('Cookie', admin);
    expect(byUser.body.total).toBe(1);

    const from = new Date(t.clock.now()).toISOString();
    const recent = await t.request.get('/api/v1/audit').query({ from }).set('Cookie', admin);
    expect(recent.body.total).toBe(2);
    const older = await t.request
      .get('/api/v1/audit')
      .query({ to: new Date(t.clock.now() - 1).toISOString() })
      .set('Cookie', admin);
    expect(older.body.total).toBe(3);

    const bad = await t.request
      .get('/api/v1/audit')
      .query({ limit: 'lots', from: 'yesterday' })
      .set('Cookie', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields.map((d: { path: string }) => d.path).sort()).toEqual([
      'query.from',
      'query.limit',
    ]);
  });

  it('filters by target id', async () => {
    const store = new SqliteAuditStore(':memory:');
    const base = {
      time: '2026-01-01T00:00:00.000Z',
      user: 'a',
      role: 'admin',
      ip: null,
      project: 'p',
      input: null,
      job_id: null,
      error_code: null,
      request_id: null,
    };
    await store.append({
      ...base,
      operation: 'restartInstance',
      target: { instance_id: 'abc_in14' },
      status: 202,
    });
    await store.append({
      ...base,
      operation: 'restartInstance',
      target: { instance_id: 'xyz_in14' },
      status: 500,
    });
    expect((await store.query({ target: 'abc', offset: 0, limit: 10 })).total).toBe(1);
    expect((await store.query({ target: '_in14', offset: 0, limit: 10 })).total).toBe(2);
    expect((await store.query({ target: '%', offset: 0, limit: 10 })).total).toBe(0);
    await store.close();
  });
});

describe('secret removal', () => {
  it('replaces every credential-like key, at any depth, and keeps ordinary words ending in "sk"', () => {
    expect(
      redactSecrets({
        password: 'p',
        a: [{ new_password: 'q' }],
        db: { secret_key: 'k', SK: 's', userSk: 's', ak_sk: 's' },
        task: 't',
        disk: '40',
        pdb_pd_in_db: 'x',
      }),
    ).toEqual({
      password: '***',
      a: [{ new_password: '***' }],
      db: { secret_key: '***', SK: '***', userSk: '***', ak_sk: '***' },
      task: 't',
      disk: '40',
      pdb_pd_in_db: '***',
    });
    expect(isSecretKey('X-Auth-Token')).toBe(true);
    expect(isSecretKey('name')).toBe(false);
  });
});

describe('audit store selection', () => {
  it('uses SQLite under DATA_DIR, and PostgreSQL (connecting on first use) for AUDIT_DATABASE_URL', async () => {
    const dir = tempDir();
    const store = createAuditStore({ dataDir: dir });
    expect(store).toBeInstanceOf(SqliteAuditStore);
    await store.ping();
    await store.close();
    expect(fs.existsSync(path.join(dir, 'audit.db'))).toBe(true);
    const pg = createAuditStore({
      dataDir: dir,
      auditDatabaseUrl: new Secret('postgres://u:hunter2@db/audit'),
    });
    expect(pg).toBeInstanceOf(PgAuditStore);
    expect(inspect(pg, { showHidden: true, depth: 10 })).not.toContain('hunter2');
    await pg.close();
  });
});
