import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCounterStore } from '../src/auth/login-limiter';
import { RedisSessionStore } from '../src/auth/sessions/redis-session-store';
import { isRefusal, RedisStreamSlots } from '../src/events/stream-slots';
import { ManualClock } from '../src/http/clock';
import { makeApp, MUTATION, signIn, tempDir, type TestApp } from './helpers';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let server: ChildProcess;
let port: number;
const clients: Redis[] = [];
const apps: TestApp[] = [];

const client = () => {
  const r = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 50 });
  // Refused connections while redis-server boots are expected; ioredis retries them.
  r.on('error', () => undefined);
  clients.push(r);
  return r;
};

beforeAll(async () => {
  port = await freePort();
  server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  // ioredis retries the connection until the server accepts it; the first PING resolves once it does.
  await client().ping();
});

afterAll(async () => {
  for (const a of apps) await a.close();
  for (const c of clients) c.disconnect();
  server?.kill('SIGTERM');
});

describe('Redis session store', () => {
  it('lets two BFF instances share a session, and a logout on one ends it on both', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const a = await makeApp({
      dir,
      clock,
      sessionStore: new RedisSessionStore(client()),
      counterStore: new RedisCounterStore(client(), clock),
    });
    const b = await makeApp({
      dir,
      clock,
      sessionStore: new RedisSessionStore(client()),
      counterStore: new RedisCounterStore(client(), clock),
    });
    apps.push(a, b);

    const cookie = await signIn(a, 'alice', 'alice-password-1');
    const onB = await b.request.get('/api/v1/session').set('Cookie', cookie);
    expect(onB.status).toBe(200);
    expect(onB.body.user).toBe('alice');

    // The store holds a hash of the id with an expiry, never the cookie value itself.
    const id = cookie.split('=')[1] as string;
    const key = `gdc:sess:${createHash('sha256').update(id).digest('base64url')}`;
    const redis = client();
    expect(await redis.exists(`gdc:sess:${id}`)).toBe(0);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000);

    expect(
      (await b.request.delete('/api/v1/session').set('Cookie', cookie).set('X-Console-Request', '1')).status,
    ).toBe(204);
    expect((await a.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
    expect(await redis.exists(key)).toBe(0);
  });

  it("lets an admin on one instance end every session of a user on every instance, and only that user's", async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const prefix = `gdc:sess:${port}-end:`;
    const a = await makeApp({ dir, clock, sessionStore: new RedisSessionStore(client(), prefix) });
    const b = await makeApp({ dir, clock, sessionStore: new RedisSessionStore(client(), prefix) });
    apps.push(a, b);
    const veraOnA = await signIn(a, 'vera', 'vera-password-12');
    const veraOnB = await signIn(b, 'vera', 'vera-password-12');
    const oscar = await signIn(b, 'oscar', 'oscar-password-1');
    const admin = await signIn(a, 'alice', 'alice-password-1');
    const ended = await a.request
      .delete('/api/v1/users/vera/sessions')
      .set('X-Console-Request', '1')
      .set('Cookie', admin);
    expect(ended.body).toEqual({ user: 'vera', ended: 2 });
    for (const [app, cookie] of [
      [a, veraOnA],
      [b, veraOnB],
      [a, veraOnB],
    ] as const) {
      expect((await app.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
    }
    expect((await a.request.get('/api/v1/session').set('Cookie', oscar)).status).toBe(200);
    // A refresh racing the end (read before, written after) does not bring the session back.
    const store = new RedisSessionStore(client(), prefix);
    const id = veraOnA.split('=')[1] as string;
    const key = createHash('sha256').update(id).digest('base64url');
    await store.touch(
      key,
      { user: 'vera', stamp: 'x', createdAt: clock.now(), lastSeenAt: clock.now() },
      60_000,
    );
    expect(await store.get(key)).toBeUndefined();
  });

  it('applies idle expiry from the clock even while Redis still holds the key', async () => {
    const clock = new ManualClock();
    const a = await makeApp({ clock, sessionStore: new RedisSessionStore(client()) });
    apps.push(a);
    const cookie = await signIn(a, 'vera', 'vera-password-12');
    clock.advance(30 * 60_000);
    expect((await a.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(401);
  });

  it('shares login rate limits between instances', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const a = await makeApp({
      dir,
      clock,
      counterStore: new RedisCounterStore(client(), clock, `rl-${port}-a:`),
    });
    const b = await makeApp({
      dir,
      clock,
      counterStore: new RedisCounterStore(client(), clock, `rl-${port}-a:`),
    });
    apps.push(a, b);
    for (let i = 0; i < 10; i++) {
      const app = i % 2 === 0 ? a : b;
      expect(
        (
          await app.request
            .post('/api/v1/session')
            .set(MUTATION)
            .send({ username: 'oscar', password: 'wrong-password-x' })
        ).status,
      ).toBe(401);
    }
    const blocked = await b.request
      .post('/api/v1/session')
      .set(MUTATION)
      .send({ username: 'oscar', password: 'oscar-password-1' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);

    // An admin's unlock on A lifts the lock on B.
    const admin = await signIn(a, 'alice', 'alice-password-1');
    expect(
      (await a.request.post('/api/v1/users/oscar/unlock').set(MUTATION).set('Cookie', admin).send({})).status,
    ).toBe(200);
    expect(
      (
        await b.request
          .post('/api/v1/session')
          .set(MUTATION)
          .send({ username: 'oscar', password: 'oscar-password-1' })
      ).status,
    ).toBe(200);
  });

  it('reports Redis in /readyz', async () => {
    const a = await makeApp({ sessionStore: new RedisSessionStore(client()) });
    apps.push(a);
    const res = await a.request.get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.checks).toContainEqual({ name: 'sessions', ok: true });
  });
});

describe('Redis event-stream slots', () => {
  it('hold one session to its cap across replicas, count the server cap per replica, and free a dead stream’s slot', async () => {
    const clock = new ManualClock();
    const limits = { perSession: 2, perServer: 3 };
    const a = new RedisStreamSlots(client(), limits, clock);
    const b = new RedisStreamSlots(client(), limits, clock);
    const session = createHash('sha256').update('session-1').digest('base64url');

    const onA = await a.acquire(session);
    const onB = await b.acquire(session);
    expect([isRefusal(onA), isRefusal(onB)]).toEqual([false, false]);
    expect(await a.acquire(session)).toMatchObject({ scope: 'session', limit: 2 });
    // Released on B, the slot is free for A.
    if (!isRefusal(onB)) onB.release();
    expect(isRefusal(await a.acquire(session))).toBe(false);

    // The server cap is each replica's own.
    expect(isRefusal(await a.acquire('other-session'))).toBe(false);
    expect(a.open).toBe(3);
    expect(await a.acquire('third-session')).toMatchObject({ scope: 'server', limit: 3 });
    expect(isRefusal(await b.acquire('third-session'))).toBe(false);

    // A replica that died without releasing: its members expire unless refreshed.
    const c = new RedisStreamSlots(client(), limits, clock);
    expect(await c.acquire(session)).toMatchObject({ scope: 'session' });
    clock.advance(46_000);
    expect(isRefusal(await c.acquire(session))).toBe(false);
  });
});
