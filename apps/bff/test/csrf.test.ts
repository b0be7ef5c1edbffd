import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, MUTATION, signIn, type TestApp } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const login = { username: 'alice', password: 'alice-password-1' };

describe('CSRF check on mutations', () => {
  it('refuses a cross-origin Origin', async () => {
    t = await makeApp();
    const res = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Origin', 'https://evil.example')
      .send(login);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_REJECTED');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a request without X-Console-Request', async () => {
    t = await makeApp();
    const res = await t.request
      .post('/api/v1/session')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(login));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_REJECTED');
    expect(res.body.error.message).toMatch(/X-Console-Request/);
  });

  it('refuses a form-encoded or text body', async () => {
    t = await makeApp();
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await t.request
        .post('/api/v1/session')
        .set('X-Console-Request', '1')
        .set('Content-Type', type)
        .send('username=alice');
      expect(res.status, type).toBe(403);
      expect(res.body.error.code).toBe('CSRF_REJECTED');
    }
  });

  it('refuses Sec-Fetch-Site cross-site or same-site', async () => {
    t = await makeApp();
    for (const site of ['cross-site', 'same-site']) {
      const res = await t.request
        .post('/api/v1/session')
        .set(MUTATION)
        .set('Sec-Fetch-Site', site)
        .send(login);
      expect(res.status, site).toBe(403);
    }
  });

  it('accepts a same-origin Origin, Sec-Fetch-Site same-origin, and a non-browser client with neither', async () => {
    t = await makeApp();
    const host = '127.0.0.1:4321';
    const sameOrigin = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Host', host)
      .set('Origin', `http://${host}`)
      .send(login);
    expect(sameOrigin.status).toBe(200);
    const fetchMeta = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Sec-Fetch-Site', 'same-origin')
      .send(login);
    expect(fetchMeta.status).toBe(200);
    const script = await t.request.post('/api/v1/session').set(MUTATION).send(login);
    expect(script.status).toBe(200);
  });

  it('uses PUBLIC_URL as the expected origin when set', async () => {
    t = await makeApp({ env: { PUBLIC_URL: 'https://console.example.com' } });
    const wrong = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Origin', 'http://127.0.0.1')
      .send(login);
    expect(wrong.status).toBe(403);
    const right = await t.request
      .post('/api/v1/session')
      .set(MUTATION)
      .set('Origin', 'https://console.example.com')
      .send(login);
    expect(right.status).toBe(200);
  });

  it('lets DELETE go without a body or content type, but not without the header', async () => {
    t = await makeApp();
    const cookie = await signIn(t, 'alice', 'alice-password-1');
    const bare = await t.request.delete('/api/v1/session').set('Cookie', cookie);
    expect(bare.status).toBe(403);
    expect((await t.request.get('/api/v1/session').set('Cookie', cookie)).status).toBe(200);
    const ok = await t.request.delete('/api/v1/session').set('Cookie', cookie).set('X-Console-Request', '1');
    expect(ok.status).toBe(204);
  });

  it('refuses a DELETE with a non-JSON body', async () => {
    t = await makeApp();
    const cookie = await signIn(t, 'alice', 'alice-password-1');
    const res = await t.request
      .delete('/api/v1/session')
      .set('Cookie', cookie)
      .set('X-Console-Request', '1')
      .set('Content-Type', 'text/plain')
      .send('x');
    expect(res.status).toBe(403);
  });

  it('does not apply to reads', async () => {
    t = await makeApp();
    const res = await t.request.get('/api/v1/session').set('Origin', 'https://evil.example');
    expect(res.status).toBe(401);
  });
});
