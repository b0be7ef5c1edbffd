import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Router } from 'express';
import supertest from 'supertest';
import { loadConfig, type BffConfig } from '../src/config';
import { SqliteAuditStore } from '../src/audit/sqlite-audit-store';
import { hashPassword } from '../src/auth/passwords';
import type { Role, TenantGrant } from '../src/auth/roles';
import { createUserDirectory } from '../src/auth/user-directory';
import { writeUsersFile, type StoredUser } from '../src/auth/users-file';
import type { CounterStore, LoginLimits } from '../src/auth/login-limiter';
import type { SessionStore } from '../src/auth/sessions/session-store';
import { ManualClock } from '../src/http/clock';
import type { AppContext } from '../src/http/context';
import { createLogger } from '../src/http/logger';
import { createApp } from '../src/server';

/** Headers every browser mutation of the console sends (CSRF check). */
export const MUTATION = { 'Content-Type': 'application/json', 'X-Console-Request': '1' } as const;

/** Cheap scrypt cost for test users: the format and the check are the same, only faster. */
const TEST_COST = { N: 1024, r: 8, p: 1 };

export interface TestUser {
  name: string;
  role: Role;
  password: string;
  tenants?: TenantGrant[];
}

export const USERS: TestUser[] = [
  { name: 'alice', role: 'admin', password: 'alice-password-1' },
  { name: 'oscar', role: 'operator', password: 'oscar-password-1' },
  { name: 'vera', role: 'viewer', password: 'vera-password-12' },
  {
    name: 'tina',
    role: 'tenant',
    password: 'tina-password-12',
    tenants: [{ instance_id: 'inst-1', pdb_id: 'pdb-1' }],
  },
];

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bff-test-'));
}

export async function writeUsers(file: string, users: readonly TestUser[]): Promise<void> {
  const now = new Date().toISOString();
  const stored: StoredUser[] = [];
  for (const u of users) {
    stored.push({
      name: u.name,
      role: u.role,
      tenants: u.tenants ?? [],
      password_hash: await hashPassword(u.password, TEST_COST),
      created_at: now,
      updated_at: now,
    });
  }
  writeUsersFile(file, stored);
}

/** Captures pino's output line by line. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface TestAppOptions {
  env?: Record<string, string>;
  users?: readonly TestUser[];
  clock?: ManualClock;
  sessionStore?: SessionStore;
  counterStore?: CounterStore;
  loginLimits?: LoginLimits;
  logs?: LogCapture;
  extendApi?: (api: Router, ctx: AppContext) => void;
  dir?: string;
}

export interface TestApp {
  request: ReturnType<typeof supertest>;
  ctx: AppContext;
  config: BffConfig;
  clock: ManualClock;
  audit: SqliteAuditStore;
  dir: string;
  close(): Promise<void>;
}

export async function makeApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = options.dir ?? tempDir();
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'info', ...options.env }, { baseDir: dir });
  // A second app on the same folder (shared-store tests) keeps the first one's users file.
  if (options.users || !fs.existsSync(config.usersFile))
    await writeUsers(config.usersFile, options.users ?? USERS);
  const clock = options.clock ?? new ManualClock();
  const audit = new SqliteAuditStore(path.join(dir, 'audit.db'));
  const users = await createUserDirectory({ usersFile: config.usersFile });
  const { app, ctx } = createApp({
    config,
    users,
    audit,
    clock,
    logger: createLogger('info', options.logs ?? new LogCapture()),
    ...(options.sessionStore ? { sessionStore: options.sessionStore } : {}),
    ...(options.counterStore ? { counterStore: options.counterStore } : {}),
    ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
    ...(options.extendApi ? { extendApi: options.extendApi } : {}),
  });
  return {
    request: supertest(app),
    ctx,
    config,
    clock,
    audit,
    dir,
    async close() {
      await audit.close();
    },
  };
}

/** Signs in and returns the `name=value` cookie pair to send back. */
export async function signIn(t: TestApp, name: string, password: string): Promise<string> {
  const res = await t.request.post('/api/v1/session').set(MUTATION).send({ username: name, password });
  if (res.status !== 200)
    throw new Error(`sign-in of ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return cookiePair(res.headers['set-cookie']);
}

export function cookiePair(setCookie: unknown): string {
  const list = Array.isArray(setCookie)
    ? (setCookie as string[])
    : typeof setCookie === 'string'
      ? [setCookie]
      : [];
  const first = list[0];
  if (!first) throw new Error('no Set-Cookie');
  return first.split(';')[0] as string;
}

export function userNamed(name: string): TestUser {
  const u = USERS.find((x) => x.name === name);
  if (!u) throw new Error(name);
  return u;
}
