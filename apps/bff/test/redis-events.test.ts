// The Redis event transport, leader lease and token store against a real redis-server (started here on a
// random port), and two event hubs (two replicas in one process) against the emulator.
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { getOperation, type OperationDescriptor } from '@gaussdb-console/api-client';
import { startEmulator, type RunningEmulator } from '@gaussdb-console/emulator';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../src/auth/secret';
import { EventHub } from '../src/events/event-hub';
import type { NumberedEvent } from '../src/events/event-types';
import { RedisEventTransport } from '../src/events/redis-event-bus';
import { createLogger } from '../src/http/logger';
import { RedisTokenStore } from '../src/upstream/redis-token-store';
import { Upstream } from '../src/upstream/upstream';
import { LogCapture } from './helpers';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let server: ChildProcess;
let port: number;
const clients: Redis[] = [];
const cleanups: (() => Promise<void>)[] = [];

const client = () => {
  const r = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 50 });
  // Refused connections while redis-server boots are expected; ioredis retries them.
  r.on('error', () => undefined);
  clients.push(r);
  return r;
};

let prefixes = 0;
/** Each test's keys under a prefix of their own, so tests never see each other's events or leases. */
const freshPrefix = () => `gdc:test${++prefixes}:`;

const transport = (
  replicaId: string,
  prefix: string,
  extra: { presenceMs?: number; leaseMs?: number } = {},
) => {
  const t = new RedisEventTransport(client(), {
    presenceMs: extra.presenceMs ?? 5_000,
    replicaId,
    prefix,
    ...(extra.leaseMs ? { leaseMs: extra.leaseMs } : {}),
  });
  cleanups.push(() => t.close());
  return t;
};

/** Waits for a condition that another process (redis-server, the emulator, a timer) makes true. */
async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 8_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const job = (id: string, status = 'Running') => ({
  type: 'job' as const,
  data: { id, name: 'RestartInstance', status },
});

beforeAll(async () => {
  port = await freePort();
  server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await client().ping();
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  for (const c of clients) c.disconnect();
  server?.kill('SIGTERM');
});

describe('Redis event transport', () => {
  it('numbers a project’s events once across replicas and delivers each to every replica, and no other project', async () => {
    const prefix = freshPrefix();
    const a = transport('a', prefix);
    const b = transport('b', prefix);
    const onA: NumberedEvent[] = [];
    const onB: NumberedEvent[] = [];
    const onOther: NumberedEvent[] = [];
    await a.project('prod').listen((e) => onA.push(e));
    await b.project('prod').listen((e) => onB.push(e));
    await b.project('dr').listen((e) => onOther.push(e));

    await a.project('prod').publish(job('j1'));
    await b.project('prod').publish(job('j1', 'Completed'));
    await until(() => onA.length === 2 && onB.length === 2, 'both events on both replicas');
    expect(onA).toEqual([
      { seq: 1, event: job('j1') },
      { seq: 2, event: job('j1', 'Completed') },
    ]);
    expect(onB).toEqual(onA);

    await a.project('dr').publish(job('d1'));
    await until(() => onOther.length === 1, 'the dr event');
    expect(onOther).toEqual([{ seq: 1, event: job('d1') }]);
    expect(onA).toHaveLength(2);
  });

  it('replays after a Last-Event-ID from the shared buffer of the last 500, and refuses ids too old or never issued', async () => {
    const prefix = freshPrefix();
    const a = transport('a', prefix).project('prod');
    const b = transport('b', prefix).project('prod');
    for (let i = 1; i <= 510; i++) await a.publish(job(`j${i}`));

    const tail = await b.since(505);
    expect(tail?.map((e) => e.seq)).toEqual([506, 507, 508, 509, 510]);
    expect(tail?.[0]?.event).toEqual(job('j506'));
    expect((await b.since(10))?.map((e) => e.seq)).toEqual(Array.from({ length: 500 }, (_, i) => 11 + i));
    expect(await b.since(9)).toBeUndefined();
    expect(await b.since(511)).toBeUndefined();
    expect(await b.since(510)).toEqual([]);
    expect(await client().llen(`${prefix}{prod}:buffer`)).toBe(500);
  });

  it('lets one replica at a time hold the poll lease, renews it while held, and hands it on when released', async () => {
    const prefix = freshPrefix();
    const a = transport('a', prefix, { leaseMs: 300 }).project('prod');
    const b = transport('b', prefix, { leaseMs: 300 }).project('prod');
    expect(await a.lead()).toBe(true);
    expect(await b.lead()).toBe(false);
    expect(await a.lead()).toBe(true);
    expect(await client().get(`${prefix}{prod}:leader`)).toBe('a');

    // Three lease lengths later the holder still has it: it renews on its own between its ticks.
    const since = Date.now();
    await until(() => Date.now() - since > 900, 'three lease lengths');
    expect(await b.lead()).toBe(false);

    await a.resign();
    expect(await b.lead()).toBe(true);
    expect(await a.lead()).toBe(false);
  });

  it('lets a follower take the lease once a dead leader’s claim lapses', async () => {
    const prefix = freshPrefix();
    // A leader that died holding the lease: nobody renews its key.
    await client().set(`${prefix}{prod}:leader`, 'dead-replica', 'PX', 300);
    const b = transport('b', prefix).project('prod');
    expect(await b.lead()).toBe(false);
    await until(() => b.lead(), 'the lapsed lease');
    expect(await client().get(`${prefix}{prod}:leader`)).toBe('b');
  });

  it('knows whether any replica has listeners, until they leave or stop refreshing their presence', async () => {
    const prefix = freshPrefix();
    const a = transport('a', prefix, { presenceMs: 300 }).project('prod');
    const b = transport('b', prefix, { presenceMs: 300 }).project('prod');
    expect(await b.anyListening()).toBe(false);
    await a.setListening(true);
    expect(await b.anyListening()).toBe(true);
    await a.setListening(false);
    expect(await b.anyListening()).toBe(false);

    await a.setListening(true);
    await until(async () => !(await b.anyListening()), 'the presence to lapse');
  });

  it('passes a poll request to whichever replica polls next, and shares the running jobs the last poll saw', async () => {
    const prefix = freshPrefix();
    const a = transport('a', prefix).project('prod');
    const b = transport('b', prefix).project('prod');
    await a.requestPoll();
    expect(await b.pollRequested()).toBe(true);
    expect(await b.takePollRequest()).toBe(true);
    expect(await a.takePollRequest()).toBe(false);
    expect(await a.pollRequested()).toBe(false);

    expect(await b.loadRunning()).toEqual([]);
    await a.saveRunning([job('j1').data]);
    expect(await b.loadRunning()).toEqual([job('j1').data]);
  });
});

describe('Redis token store', () => {
  it('keeps a token exactly until it expires and forgets it on request', async () => {
    const redis = client();
    const store = new RedisTokenStore(redis, 'gdc:test-token:');
    const expiresAt = Date.now() + 60_000;
    await store.set('k1', 'token-value', expiresAt);
    expect(await store.get('k1')).toEqual({ token: 'token-value', expiresAt });
    const ttl = await redis.pttl('gdc:test-token:k1');
    expect(ttl).toBeGreaterThan(55_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Another replica's store sees the same token.
    expect(await new RedisTokenStore(client(), 'gdc:test-token:').get('k1')).toEqual({
      token: 'token-value',
      expiresAt,
    });

    await store.delete('k1');
    expect(await store.get('k1')).toBeUndefined();
    await store.set('k2', 'stale', Date.now() - 1);
    expect(await redis.exists('gdc:test-token:k2')).toBe(0);
  });
});

describe('two replicas in one process against the emulator', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({
      memory: true,
      seed: 'demo',
      admin: true,
      clock: 'manual',
      log: { error: () => undefined },
    });
    cleanups.push(() => emu.close());
  });

  const op = (id: string): OperationDescriptor => {
    const d = getOperation(id);
    if (!d) throw new Error(`contract has no ${id}`);
    return d;
  };

  /** A replica: its own upstream (whose requests it counts), token store and event hub, sharing Redis. */
  const replica = (name: string, prefix: string) => {
    const calls: string[] = [];
    const counting: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      calls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
      return fetch(input, init);
    };
    const iam = emu.credentials.iam;
    const upstream = new Upstream({
      endpoint: emu.url,
      auth: {
        kind: 'iam',
        endpoint: iam.endpoint,
        user: iam.user,
        password: new Secret(iam.password),
        domain: iam.domain,
      },
      projects: [{ name: 'prod', region: emu.region, projectId: emu.projectId }],
      tokenStore: new RedisTokenStore(client(), `${prefix}token:`),
      fetch: counting,
    });
    const hub = new EventHub(upstream, createLogger('warn', new LogCapture()), 100, transport(name, prefix));
    cleanups.push(() => hub.close());
    const polls = () => calls.filter((c) => c.endsWith('/tasks')).length;
    return { name, calls, upstream, hub, polls };
  };

  const advance = async (ms: number) => {
    const res = await fetch(`${emu.url}/__emulator/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms }),
    });
    expect(res.status).toBe(200);
  };

  it('shares one token, watches a job a follower started with nobody listening to its end, and a closed leader hands polling over at once', async () => {
    const prefix = freshPrefix();
    const a = replica('a', prefix);
    const b = replica('b', prefix);

    // The token A obtained serves B: only A ever asks IAM.
    const list = (await a.upstream.call('prod', op('listInstances'), { query: { limit: 100 } })) as {
      instances: { id: string; name: string }[];
    };
    await b.upstream.call('prod', op('listInstances'), { query: { limit: 100 } });
    expect(a.calls.filter((c) => c.endsWith('/v3/auth/tokens'))).toHaveLength(1);
    expect(b.calls.filter((c) => c.endsWith('/v3/auth/tokens'))).toHaveLength(0);

    // An observer that receives every event without counting as a listener.
    const seen: NumberedEvent[] = [];
    await transport('observer', prefix)
      .project('prod')
      .listen((e) => seen.push(e));

    // A leads (it is asked first); then B starts a restart while nobody listens anywhere.
    a.hub.watcher('prod').jobStarted();
    await until(() => a.polls() > 0, 'A’s first poll');
    const target = list.instances.find((i) => i.name === 'staging-app')?.id as string;
    const started = (await b.upstream.call('prod', op('restartInstance'), {
      path: { instance_id: target },
    })) as { job_id: string };
    b.hub.watcher('prod').jobStarted();
    await until(
      () => seen.find((e) => e.event.type === 'job' && e.event.data.id === started.job_id),
      'the restart seen by the leader',
    );

    await advance(210_000);
    const done = await until(
      () =>
        seen.find(
          (e) =>
            e.event.type === 'job' &&
            e.event.data.id === started.job_id &&
            e.event.data.status === 'Completed',
        ),
      'the restart’s end',
    );
    expect(done.event.data).toMatchObject({ status: 'Completed', progress: 100 });
    await until(
      () => seen.find((e) => e.event.type === 'instance' && e.event.data.id === target),
      'the instance event',
    );
    expect(b.polls()).toBe(0);
    expect(seen.map((e) => e.seq)).toEqual(seen.map((_, i) => i + 1));

    // B listens; A shuts down gracefully: B polls from its next tick on, without waiting for the lease to lapse.
    const unsubscribe = b.hub.watcher('prod').subscribe(() => undefined);
    const closedAt = Date.now();
    await a.hub.close();
    const aPolls = a.polls();
    await until(() => b.polls() >= 2, 'B polling');
    expect(Date.now() - closedAt).toBeLessThan(2_000);
    expect(a.polls()).toBe(aPolls);
    unsubscribe();
  });
});
