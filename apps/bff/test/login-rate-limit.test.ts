import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, MUTATION, type TestApp } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const attempt = (name: string, password: string, ip = '127.0.0.1') =>
  t.request.post('/api/v1/session').set(MUTATION).set('X-Forwarded-For', ip).send({ username: name, password });

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

  it('limits one address to 50 failures whatever the names', async () => {
    t = await makeApp();
    for (let i = 0; i < 50; i++) expect((await attempt(`user${i}`, 'wrong-password-x')).status).toBe(401);
    expect((await attempt('alice', 'alice-password-1')).status).toBe(429);
  });

  it('does not count successful logins', async () => {
    t = await makeApp();
    for (let i = 0; i < 25; i++) expect((await attempt('alice', 'alice-password-1')).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attempt('alice', 'wrong-password-x')).status).toBe(401);
    expect((await attempt('alice', 'wrong-password-x')).status).toBe(429);
  });
});
