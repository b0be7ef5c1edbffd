// Redis mode end to end: two BFF processes (`src/main.ts`, as `npm start` runs it) with the same REDIS_URL
// and the same upstream (one emulator, admin API on, manual clock) share sessions, the upstream token and
// the events; one of them polls; when it dies the other takes over; Last-Event-ID resumes on either.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { startEmulator, type RunningEmulator } from '@gaussdb-console/emulator';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startBffProcess as startReplica, until, type BffProcess as Replica } from './bff-process';
import { MUTATION, tempDir, writeUsers, type TestUser } from './helpers';

const POLL_MS = 200;
/** The leader lease (src/events/leader.ts LEASE_MS): a dead leader is replaced within it. */
const LEASE_MS = 10_000;

const USERS: TestUser[] = [
  { name: 'alice', role: 'admin', password: 'alice-password-1' },
  { name: 'oscar', role: 'operator', password: 'oscar-password-1' },
  { name: 'vera', role: 'viewer', password: 'vera-password-12' },
];

interface SseEvent {
  id?: number;
  event: string;
  data: Record<string, unknown>;
}

interface SseStream {
  status: number;
  events: SseEvent[];
  waitFor(match: (e: SseEvent) => boolean, what: string, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** Reads an event stream as EventSource would. */
async function openStream(url: string, cookie: string, lastEventId?: number): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: {
      Cookie: cookie,
      Accept: 'text/event-stream',
      ...(lastEventId === undefined ? {} : { 'Last-Event-ID': String(lastEventId) }),
    },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  if (res.body && res.status === 200) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const fields: Record<string, string> = {};
            for (const line of buffer.slice(0, cut).split('\n')) {
              if (!line.startsWith(':') && line.includes(':'))
                fields[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1).trim();
            }
            buffer = buffer.slice(cut + 2);
            if (fields.data !== undefined) {
              events.push({
                ...(fields.id ? { id: Number(fields.id) } : {}),
                event: fields.event ?? 'message',
                data: JSON.parse(fields.data) as Record<string, unknown>,
              });
            }
          }
        }
      } catch {
        // Aborted by close(), or the replica died.
      }
    })();
  }
  return {
    status: res.status,
    events,
    waitFor: (match, what, timeoutMs) => until(() => events.find(match), what, timeoutMs),
    close: () => abort.abort(),
  };
}

let redisServer: ChildProcess;
let redis: Redis;
let emu: RunningEmulator;
let a: Replica;
let b: Replica;
const streams: SseStream[] = [];

const signIn = async (replica: Replica, name: string): Promise<string> => {
  const user = USERS.find((u) => u.name === name) as TestUser;
  const res = await fetch(`${replica.url}/api/v1/session`, {
    method: 'POST',
    headers: MUTATION,
    body: JSON.stringify({ username: name, password: user.password }),
  });
  expect(res.status).toBe(200);
  return (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
};

const api = async (
  replica: Replica,
  cookie: string,
  method: string,
  rel: string,
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(`${replica.url}/api/v1/projects/prod${rel}`, {
    method,
    headers: { Cookie: cookie, ...(method === 'GET' ? {} : MUTATION) },
    ...(method === 'GET' ? {} : { body: '{}' }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const emulatorAdmin = async (
  method: string,
  rel: string,
  body?: unknown,
): Promise<Record<string, unknown>> => {
  const res = await fetch(`${emu.url}/__emulator${rel}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, unknown>;
};

const listTaskPolls = async (): Promise<number[]> => {
  const { requests } = (await emulatorAdmin('GET', '/requests?limit=500')) as {
    requests: { time: string; operation?: string }[];
  };
  return requests.filter((r) => r.operation === 'listTasks').map((r) => Date.parse(r.time));
};

const stream = async (replica: Replica, cookie: string, lastEventId?: number): Promise<SseStream> => {
  const s = await openStream(`${replica.url}/api/v1/projects/prod/events`, cookie, lastEventId);
  streams.push(s);
  expect(s.status).toBe(200);
  return s;
};

const isJob = (jobId: string, status?: string) => (e: SseEvent) =>
  e.event === 'job' && e.data.id === jobId && (status === undefined || e.data.status === status);

/** The replica holding the project's lease: its id starts with host:pid. */
const leaderPid = async (): Promise<number | undefined> => {
  const id = await redis.get('gdc:ev:{prod}:leader');
  return id ? Number(id.split(':')[1]) : undefined;
};

beforeAll(async () => {
  const redisPort = await freePort();
  redisServer = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  redis = new Redis({ host: '127.0.0.1', port: redisPort, maxRetriesPerRequest: 50 });
  redis.on('error', () => undefined);
  await redis.ping();

  emu = await startEmulator({
    memory: true,
    seed: 'demo',
    admin: true,
    clock: 'manual',
    log: { error: () => undefined },
  });
  const dir = tempDir();
  const usersFile = path.join(dir, 'users.json');
  await writeUsers(usersFile, USERS);
  const iam = emu.credentials.iam;
  const env = (name: string) => {
    const dataDir = path.join(dir, name);
    fs.mkdirSync(dataDir);
    return {
      GAUSSDB_ENDPOINT: emu.url,
      IAM_ENDPOINT: iam.endpoint,
      IAM_USER: iam.user,
      IAM_PASSWORD: iam.password,
      IAM_DOMAIN: iam.domain,
      GAUSSDB_PROJECTS: `prod:${emu.region}:${emu.projectId}`,
      DATA_DIR: dataDir,
      USERS_FILE: usersFile,
      HOST: '127.0.0.1',
      PORT: '0',
      REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
      EVENTS_POLL_MS: String(POLL_MS),
      LOG_LEVEL: 'warn',
    };
  };
  [a, b] = await Promise.all([startReplica('A', env('a')), startReplica('B', env('b'))]);
}, 40_000);

afterAll(async () => {
  for (const s of streams) s.close();
  const exits = [a, b]
    .filter((r): r is Replica => Boolean(r) && r.child.exitCode === null && r.child.signalCode === null)
    .map((r) => new Promise((resolve) => r.child.once('exit', resolve)).then(() => undefined));
  for (const r of [a, b])
    if (r && r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
  await Promise.all(exits);
  await emu?.close();
  redis?.disconnect();
  redisServer?.kill('SIGTERM');
});

describe('two BFF processes sharing one Redis', { timeout: 30_000 }, () => {
  it('share a session signed in on A, and B reuses the upstream token A obtained', async () => {
    const cookie = await signIn(a, 'alice');
    const onB = await fetch(`${b.url}/api/v1/session`, { headers: { Cookie: cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: string }).user).toBe('alice');

    expect((await api(a, cookie, 'GET', '/instances?limit=100')).status).toBe(200);
    expect((await api(b, cookie, 'GET', '/instances?limit=100')).status).toBe(200);
    const { tokens } = (await emulatorAdmin('GET', '/tokens')) as {
      tokens: { token: string; project: string }[];
    };
    expect(tokens.filter((t) => t.project === emu.projectId)).toHaveLength(1);
  });

  it('deliver a restart’s events to listeners on both, from one upstream poller, and resume on B from an id A sent', async () => {
    const cookie = await signIn(a, 'vera');
    const onA = await stream(a, cookie);
    const onB = await stream(b, cookie);
    await onA.waitFor((e) => e.event === 'snapshot', 'snapshot on A');
    await onB.waitFor((e) => e.event === 'snapshot', 'snapshot on B');

    const operator = await signIn(b, 'oscar');
    const { body } = await api(b, operator, 'GET', '/instances?limit=100');
    const target = (body.instances as { id: string; name: string }[]).find((i) => i.name === 'staging-app')
      ?.id as string;
    const started = await api(b, operator, 'POST', `/instances/${target}/restart`);
    expect(started.status).toBe(202);
    const jobId = started.body.job_id as string;
    const runningA = await onA.waitFor(isJob(jobId, 'Running'), 'running event on A');
    const runningB = await onB.waitFor(isJob(jobId, 'Running'), 'running event on B');
    expect(runningB).toEqual(runningA);

    // While both listen, the emulator sees one poll per interval, not one per replica.
    await emulatorAdmin('DELETE', '/requests');
    const from = Date.now();
    await until(() => Date.now() - from >= 10 * POLL_MS, 'ten poll intervals');
    const polls = await listTaskPolls();
    expect(polls.length).toBeGreaterThanOrEqual(5);
    expect(polls.length).toBeLessThanOrEqual(12);
    const gaps = polls.slice(1).map((t, i) => t - (polls[i] as number));
    expect(Math.min(...gaps), `gaps ${gaps.join(',')}`).toBeGreaterThanOrEqual(POLL_MS / 2);

    await emulatorAdmin('POST', '/clock/advance', { ms: 210_000 });
    const doneA = await onA.waitFor(isJob(jobId, 'Completed'), 'completion on A');
    const doneB = await onB.waitFor(isJob(jobId, 'Completed'), 'completion on B');
    expect(doneB).toEqual(doneA);
    const instanceA = await onA.waitFor(
      (e) => e.event === 'instance' && e.data.id === target,
      'instance event on A',
    );
    await onB.waitFor((e) => e.event === 'instance' && e.data.id === target, 'instance event on B');

    // A listener that saw A's stream up to the running event comes back on B: B replays the rest from Redis.
    const resumed = await stream(b, cookie, runningA.id);
    await resumed.waitFor((e) => e.id === instanceA.id, 'replayed instance event');
    const expected = onA.events.filter(
      (e) => e.id !== undefined && e.id > (runningA.id as number) && e.id <= (instanceA.id as number),
    );
    expect(resumed.events.filter((e) => e.id !== undefined && e.id <= (instanceA.id as number))).toEqual(
      expected,
    );
    expect(resumed.events.some((e) => e.event === 'snapshot')).toBe(false);
    expect(expected.length).toBeGreaterThanOrEqual(2);
  });

  it('hand polling to the other process when the leader dies', async () => {
    const pid = await leaderPid();
    const leader = [a, b].find((r) => r.child.pid === pid);
    const survivor = [a, b].find((r) => r.child.pid !== pid) as Replica;
    expect(leader, `leader pid ${pid}`).toBeDefined();
    const cookie = await signIn(survivor, 'vera');
    const listening = await stream(survivor, cookie);
    await listening.waitFor((e) => e.event === 'snapshot', 'snapshot on the survivor');

    // Killed outright: no graceful release; the survivor waits for the lease to lapse, then polls.
    const killedAt = Date.now();
    await new Promise<void>((resolve) => {
      leader?.child.once('exit', () => resolve());
      leader?.child.kill('SIGKILL');
    });
    await emulatorAdmin('DELETE', '/requests');
    await until(
      async () => (await leaderPid()) === survivor.child.pid,
      'the survivor to take the lease',
      LEASE_MS + 5_000,
    );
    await until(async () => (await listTaskPolls()).length >= 2, 'the survivor polling', 5_000);
    expect(Date.now() - killedAt).toBeLessThan(LEASE_MS + 5_000);

    // The survivor's listeners get a new job's events.
    const operator = await signIn(survivor, 'oscar');
    const { body } = await api(survivor, operator, 'GET', '/instances?limit=100');
    const target = (body.instances as { id: string; name: string }[]).find((i) => i.name === 'staging-app')
      ?.id as string;
    const started = await api(survivor, operator, 'POST', `/instances/${target}/restart`);
    expect(started.status).toBe(202);
    await listening.waitFor(isJob(started.body.job_id as string, 'Running'), 'running event on the survivor');
  });
});
