import { afterEach, describe, expect, it } from 'vitest';
import { runUsersCli } from '../src/auth/users-cli';
import { ManualClock } from '../src/http/clock';
import { makeApp, MUTATION, signIn, type TestApp } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const attempt = (name: string, password: string, ip = '127.0.0.1') =>
  t.request
    .post('/api/v1/session')
    .set(MUTATION)
    .set('X-Forwarded-For', ip)
    .send({ username: name, password });

describe('login rate limit', () => {
  it('answers 429 with Retry-After after 10 failures for one user name from one address', async () => {
    t = await makeApp();
    for (let i = 0; i < 10; i++) expect((await attempt('alice', `wrong-password-${i}`)).status).toBe(401);
    const blocked = await attempt('alice', 'alice-password-1');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another name from the same address is still allowed.
    expect((await attempt('oscar', 'oscar-password-1')).status).toBe(200);
  });

  it('opens again when the 15-minute window has passed', async () => {
    t = await makeApp();
    for (let i = 0; i < 11; i++) await attempt('alice', 'wrong-password-x');
    expect((await attempt('alice', 'alice-password-1')).status).toBe(429);
    t.clock.advance(15 * 60_000);
    expect((await attempt('alice', 'alice-password-1')).status).toBe(200);
  });

  it('costs everyone behind an address only a minute after a burst of guesses at many names', async () => {
    t = await makeApp();
    // Someone behind the shared proxy sprays passwords at 60 names.
    const spray: number[] = [];
    for (let i = 0; i < 60; i++) spray.push((await attempt(`user${i}`, 'wrong-password-x')).status);
    expect(spray.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(new Set(spray.slice(30))).toEqual(new Set([429]));
    // A colleague behind the same proxy waits a minute, not fifteen.
    const blocked = await attempt('alice', 'alice-password-1');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(blocked.body.error.message).toMatch(/Try again in \d+ seconds/);
    t.clock.advance(60_000);
    expect((await attempt('alice', 'alice-password-1')).status).toBe(200);
  });

  it('blocks an address for the long window only after a sustained spray', async () => {
    // The default tiers scaled down (3 a minute, 10 in 15 minutes) to keep the test short; the rule is the same.
    const loginLimits = {
      windowMs: 15 * 60_000,
      perIpAndName: 10,
      perAddress: [
        { windowMs: 60_000, max: 3 },
        { windowMs: 15 * 60_000, max: 10 },
      ],
    };
    t = await makeApp({ loginLimits, env: { TRUST_PROXY: 'loopback' } });
    // Two names a minute stay under the burst limit; after 10 failures the address waits out the window.
    let n = 0;
    for (let minute = 0; minute < 5; minute++) {
      for (let i = 0; i < 2; i++) expect((await attempt(`user${n++}`, 'wrong-password-x')).status).toBe(401);
      t.clock.advance(60_000);
    }
    const blocked = await attempt('alice', 'alice-password-1');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect((await attempt('alice', 'alice-password-1', '10.9.9.9')).status).toBe(200);
  });

  it('does not count successful logins', async () => {
    t = await makeApp();
    for (let i = 0; i < 25; i++) expect((await attempt('alice', 'alice-password-1')).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attempt('alice', 'wrong-password-x')).status).toBe(401);
    expect((await attempt('alice', 'wrong-password-x')).status).toBe(429);
  });
});

describe('lifting a sign-in lock', () => {
  const lockOut = async (name: string) => {
    for (let i = 0; i < 10; i++) await attempt(name, `wrong-password-${i}`);
    expect((await attempt(name, 'still-wrong-xx')).status).toBe(429);
  };

  it('an admin unlocks a user through POST /api/v1/users/:name/unlock (audited); others may not', async () => {
    t = await makeApp();
    await lockOut('oscar');
    const admin = await signIn(t, 'alice', 'alice-password-1');
    const viewer = await signIn(t, 'vera', 'vera-password-12');
    expect(
      (await t.request.post('/api/v1/users/oscar/unlock').set(MUTATION).set('Cookie', viewer).send({}))
        .status,
    ).toBe(403);
    expect(
      (await t.request.post('/api/v1/users/nobody/unlock').set(MUTATION).set('Cookie', admin).send({})).body
        .error.code,
    ).toBe('USER_NOT_FOUND');
    const res = await t.request
      .post('/api/v1/users/oscar/unlock')
      .set(MUTATION)
      .set('Cookie', admin)
      .send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: 'oscar', unlocked_at: new Date(t.clock.now()).toISOString() });
    expect((await attempt('oscar', 'oscar-password-1')).status).toBe(200);
    const audit = await t.audit.query({ operation: 'unlockUser', offset: 0, limit: 5 });
    expect(audit.entries.map((e) => [e.user, e.target, e.status])).toEqual([
      ['alice', { user: 'oscar' }, 200],
      ['alice', { user: 'nobody' }, 404],
    ]);
  });

  it('an unlocked user gets in although a spray keeps the address blocked, still within the per-name limit', async () => {
    t = await makeApp();
    for (let i = 0; i < 40; i++) await attempt(`user${i}`, 'wrong-password-x');
    expect((await attempt('oscar', 'oscar-password-1')).status).toBe(429);
    await t.ctx.loginLimiter.unlock('oscar');
    for (let i = 0; i < 10; i++) expect((await attempt('oscar', `wrong-password-${i}`)).status).toBe(401);
    expect((await attempt('oscar', 'oscar-password-1')).status).toBe(429);
  });

  it('the users CLI unlocks a user in the users file, and the running console applies it', async () => {
    t = await makeApp({ clock: new ManualClock(Date.now()) });
    await lockOut('oscar');
    const out: string[] = [];
    const code = await runUsersCli(['unlock', 'oscar'], {
      env: { USERS_FILE: t.config.usersFile },
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      password: { stdin: process.stdin, tty: process.stderr, fromStdin: false },
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^unlocked oscar:/);
    expect((await attempt('oscar', 'oscar-password-1')).status).toBe(200);
    const unknown = await runUsersCli(['unlock', 'nobody'], {
      env: { USERS_FILE: t.config.usersFile },
      out: () => undefined,
      err: (l) => out.push(l),
      password: { stdin: process.stdin, tty: process.stderr, fromStdin: false },
    });
    expect(unknown).toBe(2);
    expect(out.at(-2)).toMatch(/no user nobody/);
  });
});
