import { afterEach, describe, expect, it } from 'vitest';
import { cookiePair, makeApp, MUTATION, signIn, USERS, writeUsers, type TestApp } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe('session API', () => {
  it('signs in, reports the session, signs out, and refuses the old cookie afterwards', async () => {
    t = await makeApp({
      env: { GAUSSDB_PROJECTS: 'ignored-in-demo:cn-north-4:0483b6b16e954cb88930a360d2c4e663' },
    });
    const login = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .send({ username: 'alice', password: 'alice-password-1' });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      user: 'alice',
      role: 'admin',
      demo: true,
      projects: [{ name: 'ignored-in-demo', region: 'cn-north-4' }],
    });
    expect(JSON.stringify(login.body)).not.toContain('0483b6b16e954cb88930a360d2c4e663');
    const cookie = cookiePair(login.headers['set-cookie']);

    const me = await t.request.get('/api/v1/session').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.user).toBe('alice');

    const out = await t.request.delete('/api/v1/session').set('Cookie', cookie).set('X-Console-Request', '1');
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);

    const after = await t.request.get('/api/v1/session').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 without a cookie and with a made-up cookie', async () => {
    t = await makeApp();
    expect((await t.request.get('/api/v1/session')).status).toBe(401);
    const forged = await t.request.get('/api/v1/session').set('Cookie', `gdc_session=${'A'.repeat(43)}`);
    expect(forged.status).toBe(401);
  });

  it('lists the tenant grants of a tenant user and not for others', async () => {
    t = await makeApp();
    const tenant = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .send({ username: 'tina', password: 'tina-password-12' });
    expect(tenant.body.tenants).toEqual([{ instance_id: 'inst-1', pdb_id: 'pdb-1' }]);
    const admin = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .send({ username: 'alice', password: 'alice-password-1' });
    expect(admin.body.tenants).toBeUndefined();
  });

  it('gives one generic message for an unknown user and for a wrong password', async () => {
    t = await makeApp();
    const unknown = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .send({ username: 'nobody', password: 'whatever-password' });
    const wrong = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .send({ username: 'alice', password: 'wrong-password-1' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error.message).toBe('Invalid user name or password');
    expect({ ...wrong.body.error, requestId: '' }).toEqual({ ...unknown.body.error, requestId: '' });
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a login body that is not {username, password} with a 400', async () => {
    t = await makeApp();
    const res = await t.request.post('/api/v1/session').set(MUTATION).send({ username: 'alice' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const bad = await t.request.post('/api/v1/session').set(MUTATION).send('{"username":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_JSON');
  });
});

describe('session fixation', () => {
  it('issues a new session id at login and invalidates the one the browser came with', async () => {
    t = await makeApp();
    const first = await signIn(t, 'alice', 'alice-password-1');
    const relogin = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Cookie', first)
      .send({ username: 'oscar', password: 'oscar-password-1' });
    expect(relogin.status).toBe(200);
    const second = cookiePair(relogin.headers['set-cookie']);
    expect(second).not.toBe(first);
    expect((await t.request.get('/api/v1/session').set('Cookie', first)).status).toBe(401);
    expect((await t.request.get('/api/v1/session').set('Cookie', second)).body.user).toBe('oscar');
  });

  it('never adopts an id chosen by the client', async () => {
    t = await makeApp();
    const planted = `gdc_session=${'x'.repeat(43)}`;
    const res = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Cookie', planted)
      .send({ username: 'alice', password: 'alice-password-1' });
    const issued = cookiePair(res.headers['set-cookie']);
    expect(issued).not.toBe(planted);
    expect((await t.request.get('/api/v1/session').set('Cookie', planted)).status).toBe(401);
  });
});

describe('session expiry (injected clock)', () => {
  it('ends a session idle for 30 minutes', async () => {
    t = await makeApp();
    const cookie = await signIn(t, 'alice', 'alice-password-1');
    t.clock.advance(29 * 60_000);
    expect((await t.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(200);
    t.clock.advance(29 * 60_000); // activity above restarted the idle timer
    expect((await t.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(200);
    t.clock.advance(30 * 60_000);
    expect((await t.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
  });

  it('ends an active session after the absolute limit of 12 hours', async () => {
    t = await makeApp();
    const cookie = await signIn(t, 'alice', 'alice-password-1');
    // Busy every 20 minutes, so the idle limit never triggers: 35 x 20 min = 11 h 40 min.
    for (let i = 0; i < 35; i++) {
      t.clock.advance(20 * 60_000);
      expect((await t.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(200);
    }
    t.clock.advance(19 * 60_000);
    expect((await t.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(200);
    t.clock.advance(60_000);
    expect((await t.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
  });
  it('honours SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS', async () => {
    t = await makeApp({ env: { SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '1' } });
    const cookie = await signIn(t, 'alice', 'alice-password-1');
    t.clock.advance(5 * 60_000);
    expect((await t.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
    const again = await signIn(t, 'alice', 'alice-password-1');
    for (let i = 0; i < 14; i++) {
      t.clock.advance(4 * 60_000);
      expect((await t.request.get('/api/v1/session').set('Cookie', again)).status).toBe(200);
    }
    t.clock.advance(4 * 60_000);
    expect((await t.request.get('/api/v1/session').set('Cookie', again)).status).toBe(401);
  });

  it('ends the sessions of a user whose password changed or who was removed', async () => {
    t = await makeApp();
    const alice = await signIn(t, 'alice', 'alice-password-1');
    const vera = await signIn(t, 'vera', 'vera-password-12');
    const changed = USERS.filter((u) => u.name !== 'vera').map((u) =>
      u.name === 'alice' ? { ...u, password: 'alice-password-2' } : u,
    );
    await writeUsers(t.config.usersFile, changed);
    expect((await t.request.get('/api/v1/session').set('Cookie', alice)).status).toBe(401);
    expect((await t.request.get('/api/v1/session').set('Cookie', vera)).status).toBe(401);
    expect(
      (
        await t.request
          .post('/api/v1/session')
          .set(MUTATION)
          .send({ username: 'alice', password: 'alice-password-2' })
      ).status,
    ).toBe(200);
  });
});

describe('session cookie flags', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and not Secure over plain http', async () => {
    t = await makeApp();
    const res = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .send({ username: 'alice', password: 'alice-password-1' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^gdc_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('is __Host- and Secure when PUBLIC_URL is https', async () => {
    t = await makeApp({ env: { PUBLIC_URL: 'https://console.example.com' } });
    const res = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Origin', 'https://console.example.com')
      .send({ username: 'alice', password: 'alice-password-1' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-gdc_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    const me = await t.request.get('/api/v1/session').set('Cookie', cookiePair(res.headers['set-cookie']));
    expect(me.status).toBe(200);
  });

  it('is __Host- and Secure behind a trusted proxy that forwards https, and not for an untrusted one', async () => {
    t = await makeApp({ env: { TRUST_PROXY: 'loopback' } });
    const proxied = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'alice', password: 'alice-password-1' });
    expect(String(proxied.headers['set-cookie'])).toMatch(/^__Host-gdc_session=.*; Secure/);
    await t.close();
    t = await makeApp();
    const direct = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'alice', password: 'alice-password-1' });
    expect(String(direct.headers['set-cookie'])).toMatch(/^gdc_session=/);
  });
});
