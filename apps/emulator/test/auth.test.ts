import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordAuth, signRequest, startTestEmulator, type TestEmulator } from './helpers';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

const tokenRequest = (body: unknown) =>
  fetch(`${t.emu.url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('IAM tokens', () => {
  it('issues a token in X-Subject-Token with the project, roles and catalog in the body', async () => {
    const res = await tokenRequest(passwordAuth(t.emu, { name: 'region-1' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('x-subject-token')).toMatch(/^MII/);
    const body = (await res.json()) as {
      token: Record<string, unknown> & {
        project: { id: string; name: string };
        expires_at: string;
        issued_at: string;
      };
    };
    expect(body.token.project).toMatchObject({ id: t.pid, name: 'region-1' });
    expect(Date.parse(body.token.expires_at) - Date.parse(body.token.issued_at)).toBe(24 * 3600_000);
    expect(body.token).toHaveProperty('catalog');
    expect(body.token).toHaveProperty('roles');
  });

  it('scopes a token by project id as well as by name', async () => {
    const dr = t.emu.projects[1]!;
    const res = await tokenRequest(passwordAuth(t.emu, { id: dr.id }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { token: { project: { name: string } } }).token.project.name).toBe(
      'region-2',
    );
  });

  it('refuses a wrong password with 401 and a clear message', async () => {
    const res = await tokenRequest(passwordAuth(t.emu, { name: 'region-1' }, 'wrong-password'));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_msg: string }).error_msg).toMatch(/password/i);
  });

  it('lists projects for a valid token only', async () => {
    expect((await t.call('GET', '/v3/projects', { auth: false })).status).toBe(401);
    const ok = await t.call('GET', '/v3/projects');
    expect(ok.status).toBe(200);
    expect((ok.body.projects as { name: string }[]).map((p) => p.name)).toEqual(['region-1', 'region-2']);
  });
});

describe('GaussDB routes require a credential', () => {
  it('answers 401 without any credential', async () => {
    const res = await t.call('GET', `/v3.1/${t.pid}/instances`, { auth: false });
    expect(res.status).toBe(401);
    expect(res.body.error_code).toBeTruthy();
  });

  it('answers 403 DBS.280056 "Invalid token." for an unknown token', async () => {
    const res = await t.call('GET', `/v3.1/${t.pid}/instances`, { headers: { 'x-auth-token': 'MIIbogus' } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error_code: 'DBS.280056', error_msg: 'Invalid token.' });
  });

  it('answers 403 for a token of another project', async () => {
    const drToken = await t.token('region-2');
    const res = await t.call('GET', `/v3.1/${t.pid}/instances`, { headers: { 'x-auth-token': drToken } });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('DBS.280056');
  });

  it('refuses a token once it expires on the emulator clock', async () => {
    const res = await tokenRequest(passwordAuth(t.emu, { name: 'region-1' }));
    const token = res.headers.get('x-subject-token')!;
    expect(
      (await t.call('GET', `/v3/${t.pid}/datastores`, { headers: { 'x-auth-token': token } })).status,
    ).toBe(200);
    t.emu.clock.advance(24 * 3600_000 + 1);
    const late = await t.call('GET', `/v3/${t.pid}/datastores`, { headers: { 'x-auth-token': token } });
    expect(late.status).toBe(403);
    expect(late.body.error_code).toBe('DBS.280056');
  });

  it('refuses a token revoked through the admin API', async () => {
    const res = await tokenRequest(passwordAuth(t.emu, { name: 'region-1' }));
    const token = res.headers.get('x-subject-token')!;
    const listed = await t.call('GET', '/__emulator/tokens');
    expect((listed.body.tokens as { token: string }[]).some((x) => x.token === token)).toBe(true);
    await t.call('POST', '/__emulator/tokens/revoke', { body: { token } });
    const after = await t.call('GET', `/v3/${t.pid}/datastores`, { headers: { 'x-auth-token': token } });
    expect(after.status).toBe(403);
  });

  it('leaves the API version list open (no credential needed)', async () => {
    const res = await t.call('GET', '/', { auth: false });
    expect(res.status).toBe(200);
    expect((res.body.versions as { id: string }[]).map((v) => v.id)).toEqual(['v3', 'v3.1']);
  });
});

describe('AK/SK signing', () => {
  const signed = (path: string, date: Date, sk = t.emu.credentials.aksk.sk) =>
    signRequest({
      method: 'GET',
      url: `${t.emu.url}${path}`,
      ak: t.emu.credentials.aksk.ak,
      sk,
      date,
      projectId: t.pid,
    });

  it('accepts a correctly signed request (query included)', async () => {
    const path = `/v3.1/${t.pid}/instances?limit=5&name=*prod`;
    const res = await t.call('GET', path, { headers: signed(path, new Date()) });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong secret with 403 DBS.280056', async () => {
    const path = `/v3.1/${t.pid}/instances`;
    const res = await t.call('GET', path, { headers: signed(path, new Date(), 'not-the-secret') });
    expect(res.status).toBe(403);
    expect(res.body.error_code).toBe('DBS.280056');
  });

  it('refuses a signature dated more than 15 minutes off', async () => {
    const path = `/v3.1/${t.pid}/instances`;
    const res = await t.call('GET', path, { headers: signed(path, new Date(Date.now() - 16 * 60_000)) });
    expect(res.status).toBe(403);
    expect(res.body.error_msg).toMatch(/15 minutes/);
  });

  it('refuses a signature whose path was changed after signing', async () => {
    const headers = signed(`/v3/${t.pid}/datastores`, new Date());
    const res = await t.call('GET', `/v3/${t.pid}/datastore/versions`, { headers });
    expect(res.status).toBe(403);
  });
});
