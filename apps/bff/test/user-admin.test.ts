// Console users managed by an admin through the BFF (the users page): the users file the CLI writes, its rules,
// sessions ended, and every change in the audit trail.
import { consoleUser, consoleUserList } from '@gaussdb-console/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { UserAdmin } from '../src/auth/user-admin';
import { createUserDirectory } from '../src/auth/user-directory';
import { readUsersFile } from '../src/auth/users-file';
import { runUsersCli } from '../src/auth/users-cli';
import { MemorySessionStore } from '../src/auth/sessions/session-store';
import { ManualClock } from '../src/http/clock';
import { makeApp, MUTATION, signIn, type TestApp } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const as = (cookie: string) => ({
  get: (p: string) => t.request.get(`/api/v1${p}`).set('Cookie', cookie),
  post: (p: string, body: unknown = {}) =>
    t.request
      .post(`/api/v1${p}`)
      .set(MUTATION)
      .set('Cookie', cookie)
      .send(body as object),
  put: (p: string, body: unknown) =>
    t.request
      .put(`/api/v1${p}`)
      .set(MUTATION)
      .set('Cookie', cookie)
      .send(body as object),
  del: (p: string) => t.request.delete(`/api/v1${p}`).set('X-Console-Request', '1').set('Cookie', cookie),
});

const grant = {
  instance_id: 'c0ffee00c0ffee00c0ffee00c0ffee00in14',
  pdb_id: 'beef0000beef0000beef0000beef0000po14',
};
const other = {
  instance_id: 'c0ffee00c0ffee00c0ffee00c0ffee00in14',
  pdb_id: 'feed0000feed0000feed0000feed0000po14',
};

async function auditOf(operation: string) {
  return (await t.audit.query({ operation, offset: 0, limit: 20 })).entries;
}

describe('console users managed by an admin', () => {
  it('lists every user with role and grants, never a hash; only admins may look', async () => {
    t = await makeApp();
    const alice = as(await signIn(t, 'alice', 'alice-password-1'));
    const res = await alice.get('/users');
    expect(res.status).toBe(200);
    const list = consoleUserList.parse(res.body);
    expect(list.users.map((u) => [u.name, u.role])).toEqual([
      ['alice', 'admin'],
      ['oscar', 'operator'],
      ['tina', 'tenant'],
      ['vera', 'viewer'],
    ]);
    expect(list.users.find((u) => u.name === 'tina')?.tenants).toEqual([
      { instance_id: 'inst-1', pdb_id: 'pdb-1' },
    ]);
    expect(res.text).not.toMatch(/scrypt|password_hash/);
    const vera = as(await signIn(t, 'vera', 'vera-password-12'));
    expect((await vera.get('/users')).status).toBe(403);
    expect(
      (await vera.post('/users', { name: 'x', role: 'viewer', password: 'long-enough-pass' })).status,
    ).toBe(403);
  });

  it('adds a tenant owner with the CLI rules; the new user signs in and holds the tenant; the file is the CLI file', async () => {
    t = await makeApp();
    const alice = as(await signIn(t, 'alice', 'alice-password-1'));
    const bad = await alice.post('/users', { name: '-bad', role: 'tenant', password: 'short', tenants: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.name',
      'body.password',
      'body.tenants',
    ]);
    expect(
      (
        await alice.post('/users', {
          name: 'viewer2',
          role: 'viewer',
          password: 'long-enough-pass',
          tenants: [grant],
        })
      ).body.error.fields,
    ).toEqual([{ path: 'body.tenants', message: 'tenants: only a tenant owner holds tenants' }]);
    expect(
      (await alice.post('/users', { name: 'oscar', role: 'viewer', password: 'long-enough-pass' })).body
        .error,
    ).toMatchObject({ status: 409, code: 'USER_EXISTS' });

    const added = await alice.post('/users', {
      name: 'team.a@corp',
      role: 'tenant',
      password: 'Team-A-password-1',
      tenants: [grant],
    });
    expect(added.status).toBe(201);
    expect(consoleUser.parse(added.body)).toMatchObject({
      name: 'team.a@corp',
      role: 'tenant',
      tenants: [grant],
      demo: false,
    });
    expect(readUsersFile(t.config.usersFile).find((u) => u.name === 'team.a@corp')?.tenants).toEqual([grant]);
    const session = await t.request
      .get('/api/v1/session')
      .set('Cookie', await signIn(t, 'team.a@corp', 'Team-A-password-1'));
    expect(session.body).toMatchObject({ user: 'team.a@corp', role: 'tenant', tenants: [grant] });

    const out: string[] = [];
    await runUsersCli(['list'], {
      env: { USERS_FILE: t.config.usersFile },
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      password: { stdin: process.stdin, tty: process.stderr, fromStdin: false },
    });
    expect(out.join('\n')).toContain(`team.a@corp\ttenant\t${grant.instance_id}:${grant.pdb_id}`);

    const [entry] = await auditOf('addConsoleUser');
    expect(entry).toMatchObject({
      user: 'alice',
      target: { user: 'team.a@corp' },
      status: 201,
      result: 'success',
    });
    expect(JSON.stringify(entry?.input)).not.toContain('Team-A-password-1');
  });

  it('grants and revokes tenants; refuses a grant to a non-owner or twice; the session follows at once', async () => {
    t = await makeApp();
    const alice = as(await signIn(t, 'alice', 'alice-password-1'));
    const tina = await signIn(t, 'tina', 'tina-password-12');
    expect((await alice.post('/users/oscar/tenants', grant)).body.error.code).toBe('NOT_A_TENANT_OWNER');
    expect(
      (await alice.post('/users/tina/tenants', { instance_id: 'a:b', pdb_id: '' })).body.error.code,
    ).toBe('VALIDATION_FAILED');
    const granted = await alice.post('/users/tina/tenants', grant);
    expect(granted.status).toBe(200);
    expect(granted.body.tenants).toEqual([{ instance_id: 'inst-1', pdb_id: 'pdb-1' }, grant]);
    expect((await alice.post('/users/tina/tenants', grant)).body.error.code).toBe('GRANT_EXISTS');
    expect((await t.request.get('/api/v1/session').set('Cookie', tina)).body.tenants).toContainEqual(grant);

    expect(
      (await alice.del(`/users/tina/tenants/${other.instance_id}/${other.pdb_id}`)).body.error.code,
    ).toBe('GRANT_NOT_FOUND');
    const revoked = await alice.del(`/users/tina/tenants/${grant.instance_id}/${grant.pdb_id}`);
    expect(revoked.body.tenants).toEqual([{ instance_id: 'inst-1', pdb_id: 'pdb-1' }]);
    expect((await t.request.get('/api/v1/session').set('Cookie', tina)).body.tenants).not.toContainEqual(
      grant,
    );
    // The last grant may go too: the owner keeps the account and holds nothing.
    expect((await alice.del('/users/tina/tenants/inst-1/pdb-1')).body.tenants).toEqual([]);
    expect(await auditOf('grantConsoleUserTenant')).toContainEqual(
      expect.objectContaining({ target: { user: 'tina', ...grant }, result: 'success' }),
    );
    expect((await auditOf('revokeConsoleUserTenant')).map((e) => e.target)).toContainEqual({
      user: 'tina',
      ...grant,
    });
  });

  it('changes roles, never the admin own role nor away from the last admin', async () => {
    t = await makeApp();
    const alice = as(await signIn(t, 'alice', 'alice-password-1'));
    expect((await alice.put('/users/alice/role', { role: 'viewer' })).body.error.code).toBe('OWN_ACCOUNT');
    expect((await alice.put('/users/vera/role', { role: 'tenant' })).body.error.fields[0].path).toBe(
      'body.tenants',
    );
    const owner = await alice.put('/users/vera/role', { role: 'tenant', tenants: [grant] });
    expect(owner.body).toMatchObject({ role: 'tenant', tenants: [grant] });
    expect((await alice.put('/users/tina/role', { role: 'operator' })).body).toMatchObject({
      role: 'operator',
      tenants: [],
    });
    expect((await alice.put('/users/oscar/role', { role: 'admin' })).body.role).toBe('admin');
    const oscar = as(await signIn(t, 'oscar', 'oscar-password-1'));
    expect((await oscar.put('/users/alice/role', { role: 'viewer' })).body.role).toBe('viewer');
    // alice is a viewer now: her session follows the file at once.
    expect((await alice.get('/users')).status).toBe(403);
    expect((await oscar.del('/users/oscar')).body.error.code).toBe('OWN_ACCOUNT');
    expect((await auditOf('changeConsoleUserRole')).length).toBeGreaterThanOrEqual(4);
  });

  it('never leaves the console without an administrator', async () => {
    t = await makeApp({
      users: [
        { name: 'alice', role: 'admin', password: 'alice-password-1' },
        { name: 'oscar', role: 'operator', password: 'oscar-password-1' },
      ],
    });
    // Through the routes an admin can only reach another admin while there are two: ask the domain directly.
    const admin = new UserAdmin({ usersFile: t.config.usersFile, directory: t.ctx.users, clock: t.clock });
    await expect(admin.remove('cli', 'alice')).rejects.toMatchObject({ status: 409, code: 'LAST_ADMIN' });
    await expect(admin.changeRole('cli', 'alice', 'viewer', undefined)).rejects.toMatchObject({
      code: 'LAST_ADMIN',
    });
    await admin.changeRole('alice', 'oscar', 'admin', undefined);
    await admin.changeRole('oscar', 'alice', 'viewer', undefined);
    expect(readUsersFile(t.config.usersFile).map((u) => [u.name, u.role])).toEqual([
      ['alice', 'viewer'],
      ['oscar', 'admin'],
    ]);
  });

  it('removes a user: the file forgets them and their sessions end', async () => {
    t = await makeApp();
    const alice = as(await signIn(t, 'alice', 'alice-password-1'));
    const vera = await signIn(t, 'vera', 'vera-password-12');
    expect((await alice.del('/users/vera')).status).toBe(204);
    expect((await t.request.get('/api/v1/session').set('Cookie', vera)).status).toBe(401);
    expect(readUsersFile(t.config.usersFile).map((u) => u.name)).not.toContain('vera');
    expect((await alice.del('/users/vera')).body.error.code).toBe('USER_NOT_FOUND');
    expect(await auditOf('removeConsoleUser')).toContainEqual(
      expect.objectContaining({ target: { user: 'vera' }, status: 204 }),
    );
  });

  it('resets a password: the old one stops working and the user sessions end; the new one follows the rules', async () => {
    t = await makeApp();
    const alice = as(await signIn(t, 'alice', 'alice-password-1'));
    const vera = await signIn(t, 'vera', 'vera-password-12');
    expect(
      (await alice.put('/users/vera/password', { password: ' padded password ' })).body.error.fields[0]
        .message,
    ).toBe('password: the password must not start or end with white space');
    expect((await alice.put('/users/vera/password', { password: 'a-brand-new-secret' })).status).toBe(200);
    expect((await t.request.get('/api/v1/session').set('Cookie', vera)).status).toBe(401);
    expect(
      (
        await t.request
          .post('/api/v1/session')
          .set(MUTATION)
          .send({ username: 'vera', password: 'vera-password-12' })
      ).status,
    ).toBe(401);
    await signIn(t, 'vera', 'a-brand-new-secret');
    const [entry] = await auditOf('resetConsoleUserPassword');
    expect(entry).toMatchObject({ target: { user: 'vera' }, input: { password: '***' }, result: 'success' });
  });

  it("ends every session of a user and no one else's; a request in flight does not bring one back", async () => {
    const clock = new ManualClock();
    const store = new MemorySessionStore(clock);
    t = await makeApp({ clock, sessionStore: store });
    const alice = as(await signIn(t, 'alice', 'alice-password-1'));
    const vera1 = await signIn(t, 'vera', 'vera-password-12');
    const vera2 = await signIn(t, 'vera', 'vera-password-12');
    const oscar = await signIn(t, 'oscar', 'oscar-password-1');
    const ended = await alice.del('/users/vera/sessions');
    expect(ended.body).toEqual({ user: 'vera', ended: 2 });
    for (const c of [vera1, vera2])
      expect((await t.request.get('/api/v1/session').set('Cookie', c)).status).toBe(401);
    expect((await t.request.get('/api/v1/session').set('Cookie', oscar)).status).toBe(200);
    expect((await alice.del('/users/nobody/sessions')).body.error.code).toBe('USER_NOT_FOUND');
    expect(await auditOf('endConsoleUserSessions')).toContainEqual(
      expect.objectContaining({ user: 'alice', target: { user: 'vera' }, status: 200 }),
    );
    // A refresh that raced the ending (read before, written after) does not recreate the session.
    const record = { user: 'oscar', stamp: 's', createdAt: clock.now(), lastSeenAt: clock.now() };
    await store.touch('gone', record, 60_000);
    expect(await store.get('gone')).toBeUndefined();
  });

  it('shows the demo logins but never changes them', async () => {
    t = await makeApp();
    const directory = await createUserDirectory({
      usersFile: t.config.usersFile,
      demo: { tenantGrants: [grant] },
    });
    const admin = new UserAdmin({ usersFile: t.config.usersFile, directory, clock: t.clock });
    const listed = admin.list();
    expect(listed.find((u) => u.name === 'tenant')).toMatchObject({
      role: 'tenant',
      demo: true,
      tenants: [grant],
      created_at: null,
    });
    await expect(admin.changeRole('alice', 'viewer', 'operator', undefined)).rejects.toMatchObject({
      code: 'DEMO_USER',
    });
    await expect(
      admin.add({ name: 'admin', role: 'viewer', password: 'long-enough-pass', tenants: [] }),
    ).rejects.toMatchObject({ code: 'USER_EXISTS' });
  });
});
