import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { JobEvent, NumberedEvent, StreamEvent } from './event-types';
import { REPLAY_BUFFER, replayAfter, type EventTransport, type ProjectTransport } from './event-transport';
import { LEASE_MS, newReplicaId, RedisLease } from './leader';

// Number, keep and fan out in one atomic step, so the buffer and the channel never disagree on an id.
// KEYS: seq counter, replay list. ARGV: event JSON, buffer size, channel.
const PUBLISH = `
local seq = redis.call('INCR', KEYS[1])
local msg = '{"seq":' .. string.format('%d', seq) .. ',"event":' .. ARGV[1] .. '}'
redis.call('LPUSH', KEYS[2], msg)
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1)
redis.call('PUBLISH', ARGV[3], msg)
return seq`;

// Presence uses the server's clock, so replicas with skewed clocks agree on what is fresh.
const NOW_MS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS: listeners sorted set. ARGV: replica id, presence ms.
const TOUCH = `${NOW_MS}
redis.call('ZADD', KEYS[1], string.format('%d', now), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

// KEYS: listeners sorted set. ARGV: presence ms. Drops replicas not seen for that long, counts the rest.
const COUNT = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now - tonumber(ARGV[1])))
return redis.call('ZCARD', KEYS[1])`;

/** Kept long: a replica taking over after a crash reports the ends of the jobs the dead leader saw. */
const RUNNING_TTL_MS = 24 * 3_600_000;
/** A poll request outlives a leader change (the lease) with room to spare. */
const POLL_REQUEST_TTL_MS = 6 * LEASE_MS;

export interface RedisEventOptions {
  /** How long a replica's "I have listeners" counts without a refresh; a few poll intervals. */
  presenceMs: number;
  replicaId?: string;
  leaseMs?: number;
  prefix?: string;
  logger?: Logger;
}

function parseNumbered(raw: string): NumberedEvent | undefined {
  try {
    const v = JSON.parse(raw) as Partial<NumberedEvent>;
    if (typeof v.seq === 'number' && v.event && typeof v.event.type === 'string') return v as NumberedEvent;
  } catch {
    // Not ours: ignored.
  }
  return undefined;
}

function parseJobs(raw: string | null): JobEvent[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? (v as JobEvent[]).filter((j) => j && typeof j.id === 'string') : [];
  } catch {
    return [];
  }
}

/** One project's keys (all under one hash tag, so a Redis Cluster keeps them on one node). */
class RedisProjectTransport implements ProjectTransport {
  private readonly base: string;
  private readonly channel: string;
  private readonly lease: RedisLease;
  private present = false;

  constructor(
    private readonly bus: RedisEventTransport,
    private readonly redis: Redis,
    project: string,
    private readonly options: RedisEventOptions & { replicaId: string; prefix: string },
  ) {
    this.base = `${options.prefix}{${project}}`;
    this.channel = this.base;
    this.lease = new RedisLease(redis, `${this.base}:leader`, options.replicaId, options.leaseMs ?? LEASE_MS);
  }

  private key(name: string): string {
    return `${this.base}:${name}`;
  }

  async listen(deliver: (e: NumberedEvent) => void): Promise<void> {
    await this.bus.subscribe(this.channel, (raw) => {
      const e = parseNumbered(raw);
      if (e) deliver(e);
    });
  }

  async publish(event: StreamEvent): Promise<void> {
    await this.redis.eval(
      PUBLISH,
      2,
      this.key('seq'),
      this.key('buffer'),
      JSON.stringify(event),
      String(REPLAY_BUFFER),
      this.channel,
    );
  }

  async since(seq: number): Promise<NumberedEvent[] | undefined> {
    const [last, raw] = await Promise.all([
      this.redis.get(this.key('seq')),
      this.redis.lrange(this.key('buffer'), 0, -1),
    ]);
    // LPUSH keeps the newest first; replay wants the oldest first.
    const buffer = raw
      .map(parseNumbered)
      .filter((e): e is NumberedEvent => e !== undefined)
      .reverse();
    return replayAfter(seq, Number(last ?? 0), buffer);
  }

  async saveRunning(jobs: readonly JobEvent[]): Promise<void> {
    await this.redis.set(this.key('running'), JSON.stringify(jobs), 'PX', RUNNING_TTL_MS);
  }

  async loadRunning(): Promise<JobEvent[]> {
    return parseJobs(await this.redis.get(this.key('running')));
  }

  lead(): Promise<boolean> {
    return this.lease.acquire();
  }

  async resign(): Promise<void> {
    await this.lease.release();
  }

  async setListening(listening: boolean): Promise<void> {
    if (listening) {
      this.present = true;
      await this.redis.eval(
        TOUCH,
        1,
        this.key('listeners'),
        this.options.replicaId,
        String(this.options.presenceMs),
      );
    } else if (this.present) {
      this.present = false;
      await this.redis.zrem(this.key('listeners'), this.options.replicaId);
    }
  }

  async anyListening(): Promise<boolean> {
    return (
      Number(await this.redis.eval(COUNT, 1, this.key('listeners'), String(this.options.presenceMs))) > 0
    );
  }

  async requestPoll(): Promise<void> {
    await this.redis.set(this.key('poll'), '1', 'PX', POLL_REQUEST_TTL_MS);
  }

  async takePollRequest(): Promise<boolean> {
    return (await this.redis.getdel(this.key('poll'))) !== null;
  }

  async pollRequested(): Promise<boolean> {
    return (await this.redis.exists(this.key('poll'))) === 1;
  }

  async close(): Promise<void> {
    this.bus.unsubscribe(this.channel);
    await this.setListening(false);
    if (this.lease.held) await this.lease.release();
  }
}

/**
 * Events through Redis, for several BFF replicas: ids from INCR per project, the replay buffer a capped
 * list (LPUSH/LTRIM), fan-out by PUBLISH on a per-project channel that every replica subscribes to, a
 * leader lease per project (only the leader polls the upstream), and a sorted set of the replicas that
 * have listeners, so the leader keeps polling while anyone anywhere listens.
 */
export class RedisEventTransport implements EventTransport {
  readonly replicaId: string;
  private readonly projects = new Map<string, RedisProjectTransport>();
  private readonly handlers = new Map<string, (raw: string) => void>();
  private sub: Redis | undefined;
  private readonly options: RedisEventOptions & { replicaId: string; prefix: string };

  constructor(
    private readonly redis: Redis,
    options: RedisEventOptions,
  ) {
    this.replicaId = options.replicaId ?? newReplicaId();
    this.options = { ...options, replicaId: this.replicaId, prefix: options.prefix ?? 'gdc:ev:' };
  }

  project(name: string): ProjectTransport {
    let p = this.projects.get(name);
    if (!p) {
      p = new RedisProjectTransport(this, this.redis, name, this.options);
      this.projects.set(name, p);
    }
    return p;
  }

  /** One subscriber connection per replica (a subscribed connection can do nothing else). */
  async subscribe(channel: string, handler: (raw: string) => void): Promise<void> {
    if (!this.sub) {
      const sub = this.redis.duplicate({ enableAutoPipelining: false });
      sub.on('message', (ch: string, message: string) => this.handlers.get(ch)?.(message));
      sub.on('error', (err: Error) =>
        this.options.logger?.warn({ err: { message: err.message } }, 'redis event subscriber problem'),
      );
      this.sub = sub;
    }
    this.handlers.set(channel, handler);
    await this.sub.subscribe(channel);
  }

  unsubscribe(channel: string): void {
    this.handlers.delete(channel);
  }

  async close(): Promise<void> {
    for (const p of this.projects.values()) await p.close().catch(() => undefined);
    this.handlers.clear();
    await this.sub?.quit().catch(() => undefined);
    this.sub = undefined;
  }
}
