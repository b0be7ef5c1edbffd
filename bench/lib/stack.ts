// Processes the benchmarks and the soak drive: the compiled emulator and console (as production runs them,
// `node` on the build output), the peers in bench/peers, each in a process of its own so that none shares an
// event loop with the load generator. Everything binds 127.0.0.1 and stops when the caller stops it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CONSOLE_MAIN = path.join(ROOT, 'apps/bff/dist/server/main.js');
const USERS_CLI = path.join(ROOT, 'apps/bff/dist/server/users-cli.js');
const EMULATOR_CLI = path.join(ROOT, 'apps/emulator/dist/server/cli.js');

export function requireBuild(): void {
  for (const f of [CONSOLE_MAIN, USERS_CLI, EMULATOR_CLI]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run npm run build first`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function until<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<Proc>();
process.on('exit', () => {
  for (const p of running) p.child.kill('SIGKILL');
});

export function startProc(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Proc {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const proc: Proc = {
    name,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        running.delete(proc);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill(signal);
      }),
  };
  running.add(proc);
  return proc;
}

/** Starts a process that prints `listening on ...` and waits for it. */
export async function startServer(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<Proc> {
  const proc = startProc(name, cmd, args, env);
  await until(
    () =>
      /listening on/.test(proc.output()) ||
      (proc.child.exitCode !== null ? Promise.reject(new Error('exited')) : false),
    `${name} to listen (${proc.output()})`,
  );
  return proc;
}

export interface EmulatorState {
  endpoint: string;
  projectId: string;
  region: string;
  iam: { endpoint: string; user: string; password: string; domain: string };
}

export async function startEmulator(options: {
  seed: string;
  speed?: number;
  dir: string;
  memory?: boolean;
}): Promise<{ proc: Proc; state: EmulatorState }> {
  const stateFile = path.join(options.dir, `emulator-${Date.now()}.json`);
  const store = options.memory === false ? ['--data', path.join(options.dir, 'emulator-data')] : ['--memory'];
  const proc = startProc('emulator', process.execPath, [
    EMULATOR_CLI,
    '--port',
    '0',
    ...store,
    '--seed',
    options.seed,
    '--admin',
    '--speed',
    String(options.speed ?? 1),
    '--state-file',
    stateFile,
  ]);
  const state = await until(
    () => fs.existsSync(stateFile) && (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as EmulatorState),
    `the emulator (${proc.output()})`,
    60_000,
  );
  return { proc, state };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const BENCH_USER = { username: 'bench', password: 'bench-password-12' };

/** A console users file with one admin, written by the compiled users CLI (as an operator would). */
export function usersFile(dir: string): string {
  const file = path.join(dir, 'users.json');
  if (!fs.existsSync(file)) {
    execFileSync(
      process.execPath,
      [USERS_CLI, 'add', BENCH_USER.username, '--role', 'admin', '--password-stdin'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, USERS_FILE: file },
        input: `${BENCH_USER.password}\n`,
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    );
  }
  return file;
}

export interface ConsoleProc extends Proc {
  url: string;
  port: number;
}

/** The compiled console in upstream mode against `upstream` (IAM on the same endpoint). */
export async function startConsole(options: {
  dir: string;
  upstream: EmulatorState;
  env?: Record<string, string>;
  nodeArgs?: string[];
  name?: string;
  /** Default: one admin (BENCH_USER) written by the compiled users CLI. */
  usersFile?: string;
  /** Another build of the console to run (default: apps/bff/dist/server/main.js). */
  main?: string;
}): Promise<ConsoleProc> {
  const port = await freePort();
  const dataDir = path.join(options.dir, `console-${port}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const { upstream } = options;
  const proc = await startServer(
    options.name ?? 'console',
    process.execPath,
    [...(options.nodeArgs ?? []), options.main ?? CONSOLE_MAIN],
    {
      GAUSSDB_ENDPOINT: upstream.endpoint,
      IAM_ENDPOINT: upstream.iam.endpoint,
      IAM_USER: upstream.iam.user,
      IAM_PASSWORD: upstream.iam.password,
      IAM_DOMAIN: upstream.iam.domain,
      GAUSSDB_PROJECTS: `prod:${upstream.region}:${upstream.projectId}`,
      USERS_FILE: options.usersFile ?? usersFile(options.dir),
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...options.env,
    },
  );
  return Object.assign(proc, { port, url: `http://127.0.0.1:${port}` });
}

/** Signs in and returns the cookie header value. */
export async function signIn(consoleUrl: string, user = BENCH_USER): Promise<string> {
  const res = await fetch(`${consoleUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-console-request': '1' },
    body: JSON.stringify(user),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
}

export async function emulatorToken(state: EmulatorState): Promise<string> {
  const res = await fetch(`${state.iam.endpoint}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: state.iam.user, password: state.iam.password, domain: { name: state.iam.domain } },
          },
        },
        scope: { project: { id: state.projectId } },
      },
    }),
  });
  const token = res.headers.get('x-subject-token');
  if (!token) throw new Error(`no token from the emulator: ${res.status}`);
  return token;
}

/** A Prometheus sample from a console's /metrics. */
export async function metric(consoleUrl: string, name: string): Promise<number> {
  return (await metrics(consoleUrl, [name]))[0] as number;
}

/**
 * Several samples from one scrape. One scrape, because a scrape resets the event-loop delay histogram: two at once
 * would leave the second one empty.
 */
export async function metrics(consoleUrl: string, names: readonly string[]): Promise<number[]> {
  const text = await (await fetch(`${consoleUrl}/metrics`)).text();
  return names.map((name) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
    return line ? Number(line.split(' ').pop()) : Number.NaN;
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
