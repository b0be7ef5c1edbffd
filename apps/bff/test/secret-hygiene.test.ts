import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Secret } from '../src/auth/secret';
import { createLogger } from '../src/http/logger';
import { LogCapture, makeApp, MUTATION, signIn, type TestApp } from './helpers';

const IAM_PASSWORD = 'IAM-very-secret-Pa55word';
const SK = 'sk-EXAMPLE-9f8e7d6c5b4a';
const env = {
  GAUSSDB_ENDPOINT: 'https://gaussdb.example.com',
  IAM_ENDPOINT: 'https://iam.example.com',
  IAM_USER: 'svc',
  IAM_PASSWORD,
  IAM_DOMAIN: 'acme',
  GAUSSDB_PROJECTS: 'prod:cn-north-4:0483b6b16e954cb88930a360d2c4e663',
  LOG_LEVEL: 'trace',
};

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe('secret hygiene', () => {
  it('never shows the IAM password, a console password or a session id in any response or log line', async () => {
    const logs = new LogCapture();
    t = await makeApp({ env, logs });
    const bodies: string[] = [];
    const keep = (r: { status: number; text: string; headers: Record<string, unknown> }) => {
      bodies.push(`${r.status} ${r.text} ${JSON.stringify(r.headers)}`);
      return r;
    };
    // The context, the config and errors are the likeliest places for a secret to slip out.
    t.ctx.logger.info({ config: t.config }, 'configuration loaded');
    t.ctx.logger.error(
      { err: new Error('upstream said no'), auth: t.config.upstreamAuth },
      'upstream failure',
    );

    keep(
      await t.request
        .post('/api/v1/session')
        .set(MUTATION)
        .send({ username: 'alice', password: 'wrong-password-1' }),
    );
    const login = keep(
      await t.request
        .post('/api/v1/session')
        .set(MUTATION)
        .send({ username: 'alice', password: 'alice-password-1' }),
    );
    const cookie = String((login.headers['set-cookie'] as string[])[0]).split(';')[0] as string;
    const sessionId = cookie.split('=')[1] as string;
    keep(
      await t.request
        .get('/api/v1/session')
        .set('Cookie', cookie)
        .set('Authorization', `Bearer ${IAM_PASSWORD}`)
        .set('X-Auth-Token', IAM_PASSWORD),
    );
    keep(await t.request.get('/api/v1/info').set('Cookie', cookie));
    keep(await t.request.get('/api/v1/policy').set('Cookie', cookie));
    keep(await t.request.get('/api/v1/audit').set('Cookie', cookie));
    keep(await t.request.get('/readyz'));
    keep(await t.request.get('/metrics'));
    keep(await t.request.get('/api/v1/nothing-here').set('Cookie', cookie));
    keep(await t.request.post('/api/v1/session').set(MUTATION).send(`{"password":"${IAM_PASSWORD}"`));
    keep(await t.request.delete('/api/v1/session').set('Cookie', cookie).set('X-Console-Request', '1'));

    expect(logs.lines.length).toBeGreaterThan(5);
    for (const line of logs.lines) JSON.parse(line); // every line is JSON
    for (const text of [...bodies, logs.text]) {
      expect(text).not.toContain(IAM_PASSWORD);
      expect(text).not.toContain('alice-password-1');
      expect(text).not.toContain('wrong-password-1');
    }
    expect(logs.text).not.toContain(sessionId);
    expect(logs.text).toContain('[redacted]');
  });

  it('prints a Secret as *** whichever way it is turned into text', () => {
    const s = new Secret(SK);
    expect(String(s)).toBe('***');
    expect(`${s}`).toBe('***');
    expect(JSON.stringify({ s })).toBe('{"s":"***"}');
    expect(inspect({ s })).not.toContain(SK);
    const logs = new LogCapture();
    createLogger('info', logs).info({ s, nested: { sk: SK, password: SK, token: SK } }, 'x');
    expect(logs.text).not.toContain(SK);
  });

  it('answers errors with a request id and no internals', async () => {
    t = await makeApp({ env });
    const cookie = await signIn(t, 'alice', 'alice-password-1');
    const res = await t.request.get('/api/v1/nothing-here').set('Cookie', cookie);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        status: 404,
        code: 'NOT_FOUND',
        message: 'No API route GET /api/v1/nothing-here.',
        requestId: res.headers['x-request-id'],
      },
    });
  });
});
