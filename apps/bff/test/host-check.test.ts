// DNS rebinding: a page on evil.example rebinds its name to the console's address, so the browser sends
// `Host: evil.example` with a matching `Origin`. The console must refuse that before any route.
import { afterEach, describe, expect, it } from 'vitest';
import { authorize } from '../src/auth/require-session';
import { hostNameOf } from '../src/http/allowed-hosts';
import { makeApp, MUTATION, signIn, type TestApp } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const login = { username: 'alice', password: 'alice-password-1' };
const addTags = { id: 'addInstanceTags', method: 'POST' as const, destructive: false };

/** A stand-in mutation route that counts what reaches it. */
function withTagRoute(): {
  calls: number[];
  extendApi: NonNullable<Parameters<typeof makeApp>[0]>['extendApi'];
} {
  const calls: number[] = [];
  return {
    calls,
    extendApi: (api) => {
      api.post('/projects/:project/instances/:instance_id/tags', authorize(addTags), (_req, res) => {
        calls.push(1);
        res.json({});
      });
    },
  };
}

describe('Host allow-list (DNS rebinding)', () => {
  it('refuses a rebound host name with 421 before the sign-in, a mutation, the API or the page', async () => {
    const route = withTagRoute();
    t = await makeApp({ extendApi: route.extendApi });
    const cookie = await signIn(t, 'alice', 'alice-password-1');
    const evil = 'evil.example:8080';

    const signInThere = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Host', evil)
      .set('Origin', `http://${evil}`)
      .send(login);
    expect(signInThere.status).toBe(421);
    expect(signInThere.body.error.code).toBe('HOST_NOT_ALLOWED');
    expect(signInThere.body.error.message).toContain('"evil.example"');
    expect(signInThere.headers['set-cookie']).toBeUndefined();

    const mutation = await t.request
      .post('/api/v1/projects/prod/instances/inst-1/tags')
      .set(MUTATION)
      .set('Cookie', cookie)
      .set('Host', evil)
      .set('Origin', `http://${evil}`)
      .send({ tags: [{ key: 'pwned', value: 'yes' }] });
    expect(mutation.status).toBe(421);
    expect(route.calls).toHaveLength(0);

    for (const path of ['/api/v1/info', '/', '/readyz']) {
      expect((await t.request.get(path).set('Host', evil)).status, path).toBe(421);
    }
    // The same mutation on the console's own address goes through.
    const own = await t.request
      .post('/api/v1/projects/prod/instances/inst-1/tags')
      .set(MUTATION)
      .set('Cookie', cookie)
      .send({ tags: [] });
    expect(own.status).toBe(200);
    expect(route.calls).toHaveLength(1);
  });

  it('answers to loopback names, IP addresses and, without PUBLIC_URL, nothing else', async () => {
    t = await makeApp();
    for (const host of [
      '127.0.0.1:8080',
      'localhost:8080',
      'LOCALHOST',
      '[::1]:8080',
      'console.localhost:8080',
      '10.0.0.5:8080',
      '[fd00::5]',
    ]) {
      expect((await t.request.get('/api/v1/info').set('Host', host)).status, host).toBe(200);
    }
    for (const host of ['console.example.com', 'localhost.evil.example', '127.0.0.1.nip.io:8080']) {
      expect((await t.request.get('/api/v1/info').set('Host', host)).status, host).toBe(421);
    }
  });

  it('answers to PUBLIC_URL’s host and ALLOWED_HOSTS, and refuses other names', async () => {
    t = await makeApp({ env: { PUBLIC_URL: 'https://console.example.com', ALLOWED_HOSTS: 'bff.internal' } });
    expect(
      (
        await t.request
          .post('/api/v1/session')
          .set(MUTATION)
          .set('Host', 'console.example.com')
          .set('Origin', 'https://console.example.com')
          .send(login)
      ).status,
    ).toBe(200);
    expect((await t.request.get('/api/v1/info').set('Host', 'bff.internal:8080')).status).toBe(200);
    expect((await t.request.get('/api/v1/info').set('Host', '127.0.0.1:8080')).status).toBe(200);
    const other = await t.request.get('/api/v1/info').set('Host', 'console.example.org');
    expect(other.status).toBe(421);
    expect(other.body.error.message).toContain('https://console.example.com');
  });

  it('reads the host name out of a Host value', () => {
    expect(hostNameOf('Example.COM:8080')).toBe('example.com');
    expect(hostNameOf('[::1]:8080')).toBe('::1');
    expect(hostNameOf('example.com.')).toBe('example.com');
  });
});
