import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL server for tests: its own cluster in a temp folder, trust authentication, one
 * random 127.0.0.1 port, fsync off. The server binaries refuse to run as root, so under root (CI, the
 * sandbox) they run as the `postgres` OS user through runuser. Nothing here skips: a machine without the
 * binaries fails the tests with a message saying what to install.
 */
export interface TestPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  /** A new empty database (owned by the superuser) and its URL. */
  createDatabase(name: string): Promise<string>;
  /** URL of `database` as `user` (trust authentication: no password needed). */
  urlFor(database: string, user?: string): string;
  /** Runs SQL as the superuser in `database`. */
  sql(database: string, text: string): Promise<void>;
  stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';
const NEEDED = ['initdb', 'pg_ctl', 'postgres'];

function findBinDir(): string {
  const override = process.env.PG_BIN_DIR;
  const candidates = override
    ? [override]
    : (fs.existsSync(PG_ROOT) ? fs.readdirSync(PG_ROOT) : [])
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join(PG_ROOT, v, 'bin'));
  const found = candidates.find((dir) => NEEDED.every((b) => fs.existsSync(path.join(dir, b))));
  if (!found) {
    throw new Error(
      `PostgreSQL server binaries (${NEEDED.join(', ')}) not found in ${override ?? `${PG_ROOT}/<version>/bin`}. ` +
        'Install the Debian package "postgresql" (.ci/run does) or set PG_BIN_DIR; the PostgreSQL audit tests cannot run without them.',
    );
  }
  return found;
}

interface RunAs {
  /** Command and arguments that run `bin` as the cluster's owner. */
  wrap(bin: string, args: string[]): [string, string[]];
  chown(target: string): void;
}

function runAsOwner(): RunAs {
  if (process.getuid?.() !== 0) return { wrap: (bin, args) => [bin, args], chown: () => undefined };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error(
      'Running as root, but there is no "postgres" OS user to run the PostgreSQL server as (the Debian "postgresql" package creates it).',
    );
  }
  return {
    wrap: (bin, args) => ['runuser', ['-u', 'postgres', '--', bin, ...args]],
    chown: (target) => fs.chownSync(target, uid, gid),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const tail = (file: string) =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '(no server log)';

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findBinDir();
  const owner = runAsOwner();
  const exec = (name: string, args: string[]) => {
    const [cmd, argv] = owner.wrap(path.join(bin, name), args);
    return run(cmd, argv, { timeout: 60_000 });
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-pg-'));
  owner.chown(dir);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });

  try {
    await exec('initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
  } catch (err) {
    remove();
    throw new Error(`initdb failed: ${(err as { stderr?: string }).stderr ?? String(err)}`);
  }

  // The free port can be taken between the probe and the server's bind: try a few.
  let port = 0;
  let lastError = '';
  for (let attempt = 0; attempt < 3 && !port; attempt++) {
    const candidate = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${candidate} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    try {
      await exec('pg_ctl', ['start', '-w', '-t', '30', '-D', data, '-l', log, '-o', options]);
      port = candidate;
    } catch (err) {
      lastError = `${(err as { stderr?: string }).stderr ?? String(err)}\n${tail(log)}`;
    }
  }
  if (!port) {
    remove();
    throw new Error(`PostgreSQL did not start: ${lastError}`);
  }

  const [stopCmd, stopArgs] = owner.wrap(path.join(bin, 'pg_ctl'), [
    'stop',
    '-m',
    'immediate',
    '-w',
    '-D',
    data,
  ]);
  // A test run killed before afterAll must not leave a server behind.
  const onExit = () => {
    try {
      execFileSync(stopCmd, stopArgs, { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    remove();
  };
  process.once('exit', onExit);

  const urlFor = (database: string, user = 'postgres') => `postgres://${user}@127.0.0.1:${port}/${database}`;
  const sql = async (database: string, text: string) => {
    const client = new Client({ connectionString: urlFor(database) });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  return {
    url: urlFor('postgres'),
    urlFor,
    sql,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad test database name ${name}`);
      await sql('postgres', `CREATE DATABASE ${name}`);
      return urlFor(name);
    },
    async stop() {
      process.removeListener('exit', onExit);
      try {
        await run(stopCmd, stopArgs, { timeout: 30_000 });
      } finally {
        remove();
      }
    },
  };
}
