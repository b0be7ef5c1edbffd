// The production deployment of docs/deploy.md, on this machine with the real parts: the compiled console
// (`node apps/bff/dist/server/main.js`, built by `npm run build`) in two processes, redis-server, PostgreSQL
// for the audit, the compiled emulator as the GaussDB endpoint, and Debian's nginx running the site file of
// docs/deploy/ with a self-signed certificate made here. Everything binds 127.0.0.1 and lives in one temp folder.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '../../apps/bff/test/postgres-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONSOLE_MAIN = path.join(ROOT, 'apps/bff/dist/server/main.js');
const USERS_CLI = path.join(ROOT, 'apps/bff/dist/server/users-cli.js');
const EMULATOR_CLI = path.join(ROOT, 'apps/emulator/dist/server/cli.js');
export const NGINX_SITE = path.join(ROOT, 'docs/deploy/nginx-gaussdb-console.conf');
export const HOSTNAME = 'console.localhost';

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

/** Polls until `probe` gives a value; the deadline is a safety net, not a measurement. */
export async function until<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Proc {
  name: string;
  child: ChildProcess;
  output: () => string;
  alive: () => boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function startProc(name: string, cmd: string, args: string[], env: Record<string, string>, cwd = ROOT): Proc {
  const child = spawn(cmd, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    output: () => output,
    alive,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (!alive()) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export interface Replica extends Proc {
  port: number;
  url: string;
}

export interface Deployment {
  /** https://console.localhost:PORT, through nginx. */
  publicUrl: string;
  nginxPort: number;
  replicas: Replica[];
  emulatorUrl: string;
  redisPort: number;
  /** Lines nginx logged: `METHOD URI STATUS UPSTREAM_ADDR`. */
  accessLog(): string[];
  emulatorAdmin(method: string, rel: string, body?: unknown): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** The docs' site file with this run's ports, host name and certificate; nothing else changed. */
export function siteConfig(
  site: string,
  o: { listen: number; replicas: number[]; cert: string; key: string },
): string {
  let conf = site
    .replace(
      /server 127\.0\.0\.1:8081([^;]*);\n\s*server 127\.0\.0\.1:8082([^;]*);/,
      o.replicas.map((p) => `server 127.0.0.1:${p}$1;`).join('\n    '),
    )
    .replaceAll('console.example.com;', `${HOSTNAME};`)
    .replace('/etc/ssl/certs/console.example.com.pem', o.cert)
    .replace('/etc/ssl/private/console.example.com.key', o.key)
    .replace(
      /listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;/,
      `listen 127.0.0.1:${o.listen} ssl http2;`,
    );
  // The plain-http redirect server: not needed on a test port.
  conf = conf.replace(/server \{\n\s*listen 80;[\s\S]*?\n\}\n/, '');
  for (const must of [String(o.listen), o.cert, ...o.replicas.map(String)]) {
    if (!conf.includes(must)) throw new Error(`the site file changed shape: could not put ${must} in it`);
  }
  return conf;
}

function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'console.pem');
  const key = path.join(dir, 'console.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${HOSTNAME}`,
      '-addext',
      `subjectAltName=DNS:${HOSTNAME},IP:127.0.0.1`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

function startNginx(dir: string, site: string): Proc {
  const nginxDir = path.join(dir, 'nginx');
  for (const sub of ['', 'tmp', 'logs']) fs.mkdirSync(path.join(nginxDir, sub), { recursive: true });
  // Workers run as nobody when started by root: they write proxy buffers under tmp/.
  fs.chmodSync(path.join(nginxDir, 'tmp'), 0o777);
  fs.writeFileSync(path.join(nginxDir, 'site.conf'), site);
  const tmp = path.join(nginxDir, 'tmp');
  fs.writeFileSync(
    path.join(nginxDir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${nginxDir}/nginx.pid;`,
      `error_log ${nginxDir}/logs/error.log warn;`,
      'events { worker_connections 512; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      // Which replica served each request: how the test picks the one to kill.
      '  log_format upstream "$request_method $request_uri $status $upstream_addr";',
      `  access_log ${nginxDir}/logs/access.log upstream;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${tmp}/${t};`),
      `  include ${nginxDir}/site.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  execFileSync('nginx', ['-t', '-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf')], { stdio: 'pipe' });
  return startProc('nginx', 'nginx', ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf')], {});
}

async function startEmulator(
  dir: string,
  procs: Proc[],
): Promise<{
  proc: Proc;
  state: {
    endpoint: string;
    projectId: string;
    region: string;
    iam: { endpoint: string; user: string; password: string; domain: string };
  };
}> {
  const stateFile = path.join(dir, 'emulator.json');
  const proc = startProc(
    'emulator',
    process.execPath,
    [
      EMULATOR_CLI,
      '--port',
      '0',
      '--memory',
      '--seed',
      'demo',
      '--admin',
      '--speed',
      '20',
      '--state-file',
      stateFile,
    ],
    {},
  );
  // Stopped with the rest even if it never gets ready.
  procs.push(proc);
  const state = await until(
    () => fs.existsSync(stateFile) && JSON.parse(fs.readFileSync(stateFile, 'utf8')),
    'the emulator to start',
  );
  return { proc, state };
}

async function addUser(
  env: Record<string, string>,
  name: string,
  role: string,
  password: string,
): Promise<void> {
  execFileSync(process.execPath, [USERS_CLI, 'add', name, '--role', role, '--password-stdin'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    input: `${password}\n`,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

export const ADMIN = { username: 'dba', password: 'dba-deploy-pass-1' };

export async function startDeployment(options: { pollMs: number }): Promise<Deployment> {
  for (const file of [CONSOLE_MAIN, USERS_CLI, EMULATOR_CLI]) {
    if (!fs.existsSync(file))
      throw new Error(
        `${path.relative(ROOT, file)} is missing: run npm run build first (npm run test:e2e does)`,
      );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaussdb-deploy-e2e-'));
  const procs: Proc[] = [];
  let postgres: TestPostgres | undefined;
  const stop = async () => {
    for (const p of procs.reverse()) await p.kill('SIGTERM');
    await postgres?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const redisPort = await freePort();
    const redis = startProc(
      'redis',
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
    );
    procs.push(redis);
    postgres = await startPostgres();
    const auditUrl = await postgres.createDatabase('console_audit');
    const emulator = await startEmulator(dir, procs);
    const { cert, key } = makeCertificate(dir);
    const [nginxPort, portA, portB] = [await freePort(), await freePort(), await freePort()] as [
      number,
      number,
      number,
    ];
    const publicUrl = `https://${HOSTNAME}:${nginxPort}`;

    // As docs/deploy.md: one environment file for both replicas; each its port and data folder.
    const usersFile = path.join(dir, 'users.json');
    const shared: Record<string, string> = {
      GAUSSDB_ENDPOINT: emulator.state.endpoint,
      IAM_ENDPOINT: emulator.state.iam.endpoint,
      IAM_USER: emulator.state.iam.user,
      IAM_PASSWORD: emulator.state.iam.password,
      IAM_DOMAIN: emulator.state.iam.domain,
      GAUSSDB_PROJECTS: `prod:${emulator.state.region}:${emulator.state.projectId}`,
      PUBLIC_URL: publicUrl,
      TRUST_PROXY: 'loopback',
      REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
      AUDIT_DATABASE_URL: auditUrl,
      USERS_FILE: usersFile,
      HOST: '127.0.0.1',
      EVENTS_POLL_MS: String(options.pollMs),
      LOG_LEVEL: 'warn',
    };
    await addUser(shared, ADMIN.username, 'admin', ADMIN.password);
    const replicas: Replica[] = [];
    for (const [name, port] of [
      ['A', portA],
      ['B', portB],
    ] as const) {
      const dataDir = path.join(dir, `replica-${name}`);
      fs.mkdirSync(dataDir);
      const proc = startProc(`replica ${name}`, process.execPath, ['--enable-source-maps', CONSOLE_MAIN], {
        ...shared,
        PORT: String(port),
        DATA_DIR: dataDir,
      });
      procs.push(proc);
      replicas.push({ ...proc, port, url: `http://127.0.0.1:${port}` });
    }
    for (const r of replicas) {
      await until(
        async () => (await fetch(`${r.url}/readyz`)).status === 200,
        `${r.name} to be ready (${r.output()})`,
        30_000,
      );
    }
    const nginx = startNginx(
      dir,
      siteConfig(fs.readFileSync(NGINX_SITE, 'utf8'), {
        listen: nginxPort,
        replicas: [portA, portB],
        cert,
        key,
      }),
    );
    procs.push(nginx);
    await until(
      () =>
        new Promise<boolean>((resolve) =>
          net
            .connect(nginxPort, '127.0.0.1')
            .once('connect', function (this: net.Socket) {
              this.destroy();
              resolve(true);
            })
            .once('error', () => resolve(false)),
        ),
      'nginx to listen',
    );
    return {
      publicUrl,
      nginxPort,
      replicas,
      emulatorUrl: emulator.state.endpoint,
      redisPort,
      accessLog: () => {
        const file = path.join(dir, 'nginx/logs/access.log');
        return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
      },
      async emulatorAdmin(method, rel, body) {
        const res = await fetch(`${emulator.state.endpoint}/__emulator${rel}`, {
          method,
          headers: { 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return (await res.json()) as Record<string, unknown>;
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A Prometheus gauge or counter's value from a replica's own /metrics (not exposed through nginx). */
export async function metric(replica: Replica, name: string): Promise<number> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').pop()) : 0;
}
