import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { AuditConfigError } from '../src/audit/create-audit-store';
import { DEMO_USERS } from '../src/auth/demo-users';
import { createLogger } from '../src/http/logger';
import { startBff, StartupError } from '../src/server';
import { LogCapture, MUTATION, tempDir, USERS, writeUsers } from './helpers';

const upstreamEnv = {
  GAUSSDB_ENDPOINT: 'http://127.0.0.1:9',
  IAM_ENDPOINT: 'http://127.0.0.1:9',
  IAM_USER: 'svc',
  IAM_PASSWORD: 'svc-password-123',
  IAM_DOMAIN: 'acme',
  GAUSSDB_PROJECTS: 'walk:region-1:0483b6b16e954cb88930a360d2c4e663',
};

describe('startBff', () => {
  it('starts the embedded demo on a random port with the demo users', async () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir, PORT: '0' }, { baseDir: dir });
    const bff = await startBff({
      config,
      logger: createLogger('info', new LogCapture()),
      demoTenantGrants: [{ instance_id: 'demo-in14', pdb_id: 'demo-po14' }],
    });
    try {
      const info = (await (await fetch(`${bff.url}/api/v1/info`)).json()) as { demo_users: unknown };
      expect(info.demo_users).toEqual(
        DEMO_USERS.map((u) => ({ name: u.name, role: u.role, password: u.password })),
      );
      const tenant = DEMO_USERS.find((u) => u.role === 'tenant');
      const res = await fetch(`${bff.url}/api/v1/session`, {
        method: 'POST',
        headers: MUTATION,
        body: JSON.stringify({ username: tenant?.name, password: tenant?.password }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        role: 'tenant',
        demo: true,
        tenants: [{ instance_id: 'demo-in14', pdb_id: 'demo-po14' }],
      });
    } finally {
      await bff.close();
    }
  });

  it('refuses to start outside the demo with no users, saying how to add one', async () => {
    const dir = tempDir();
    const config = loadConfig({ ...upstreamEnv, DATA_DIR: dir, PORT: '0' }, { baseDir: dir });
    const start = startBff({ config, logger: createLogger('silent') });
    await expect(start).rejects.toThrow(StartupError);
    await expect(startBff({ config, logger: createLogger('silent') })).rejects.toThrow(
      /npm run users -- add NAME --role admin/,
    );
  });

  it('says at start which weakening setting the operator opted into', async () => {
    const dir = tempDir();
    const config = loadConfig(
      {
        ...upstreamEnv,
        GAUSSDB_ENDPOINT: 'http://192.0.2.10:9',
        ALLOW_INSECURE_UPSTREAM: 'true',
        DATA_DIR: dir,
        PORT: '0',
      },
      { baseDir: dir },
    );
    await writeUsers(config.usersFile, USERS.slice(0, 1));
    const logs = new LogCapture();
    const bff = await startBff({ config, logger: createLogger('info', logs) });
    try {
      const warning = logs.lines
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .find((l) => l.msg.startsWith('GAUSSDB_ENDPOINT is plain http://'));
      expect(warning?.level).toBe(40);
      expect(warning?.msg).toContain('ALLOW_INSECURE_UPSTREAM=true');
    } finally {
      await bff.close();
    }
  });

  it('refuses to start when the audit database is unreachable', async () => {
    const dir = tempDir();
    const config = loadConfig(
      { DATA_DIR: dir, PORT: '0', AUDIT_DATABASE_URL: 'postgres://audit@db/audit' },
      { baseDir: dir },
    );
    await expect(startBff({ config, logger: createLogger('silent') })).rejects.toThrow(AuditConfigError);
  });
});
