import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../http/clock';

/**
 * Caps on open event streams (issue #14, item 6: one session opened 1,500 streams, about 38 KB each). Per
 * BFF process: every stream holds memory and a socket here, so the count is this process's own. Per
 * session: in memory for one process; with Redis, across every replica (a sorted set per session whose
 * members expire unless their stream's heartbeat refreshes them, so a replica that dies leaks nothing).
 */

export interface StreamLimits {
  perSession: number;
  perServer: number;
}

export interface StreamSlot {
  /** Called on every heartbeat: the slot stays taken while its stream is alive. */
  refresh(): void;
  release(): void;
}

export interface SlotRefusal {
  scope: 'session' | 'server';
  limit: number;
  retryAfterSeconds: number;
}

export interface StreamSlots {
  /** Takes a slot for one more stream of this session (its store key, never the cookie), or says why not. */
  acquire(sessionKey: string): Promise<StreamSlot | SlotRefusal>;
  /** Streams open in this process. */
  readonly open: number;
}

export const isRefusal = (s: StreamSlot | SlotRefusal): s is SlotRefusal => 'scope' in s;

/** Streams end when a tab closes; a full server frees slots more slowly. */
const RETRY_SESSION_S = 10;
const RETRY_SERVER_S = 30;

abstract class ServerCount {
  #open = 0;
  constructor(protected readonly limits: StreamLimits) {}

  get open(): number {
    return this.#open;
  }

  protected serverFull(): SlotRefusal | undefined {
    return this.#open >= this.limits.perServer
      ? { scope: 'server', limit: this.limits.perServer, retryAfterSeconds: RETRY_SERVER_S }
      : undefined;
  }

  protected sessionFull(): SlotRefusal {
    return { scope: 'session', limit: this.limits.perSession, retryAfterSeconds: RETRY_SESSION_S };
  }

  /** Counts the stream in this process; the returned function uncounts it once. */
  protected taken(onRelease: () => void): () => void {
    this.#open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#open -= 1;
      onRelease();
    };
  }
}

export class MemoryStreamSlots extends ServerCount implements StreamSlots {
  readonly #bySession = new Map<string, number>();

  async acquire(sessionKey: string): Promise<StreamSlot | SlotRefusal> {
    const full = this.serverFull();
    if (full) return full;
    const n = this.#bySession.get(sessionKey) ?? 0;
    if (n >= this.limits.perSession) return this.sessionFull();
    this.#bySession.set(sessionKey, n + 1);
    const release = this.taken(() => {
      const left = (this.#bySession.get(sessionKey) ?? 1) - 1;
      if (left > 0) this.#bySession.set(sessionKey, left);
      else this.#bySession.delete(sessionKey);
    });
    return { refresh: () => undefined, release };
  }
}

export class RedisStreamSlots extends ServerCount implements StreamSlots {
  constructor(
    private readonly redis: Redis,
    limits: StreamLimits,
    private readonly clock: Clock,
    /** A member not refreshed for this long belongs to a stream (or replica) that is gone. */
    private readonly ttlMs = 45_000,
    private readonly prefix = 'gdc:sse:',
  ) {
    super(limits);
  }

  async acquire(sessionKey: string): Promise<StreamSlot | SlotRefusal> {
    const full = this.serverFull();
    if (full) return full;
    const key = this.prefix + sessionKey;
    const member = randomUUID();
    const now = this.clock.now();
    // Drop expired members, add ours, count: one round trip, atomic.
    const res = await this.redis
      .multi()
      .zremrangebyscore(key, '-inf', now)
      .zadd(key, now + this.ttlMs, member)
      .zcard(key)
      .pexpire(key, this.ttlMs)
      .exec();
    const count = Number(res?.[2]?.[1] ?? 0);
    if (count > this.limits.perSession) {
      await this.redis.zrem(key, member);
      return this.sessionFull();
    }
    const release = this.taken(() => void this.redis.zrem(key, member).catch(() => undefined));
    return {
      refresh: () =>
        void this.redis
          .multi()
          .zadd(key, 'XX', this.clock.now() + this.ttlMs, member)
          .pexpire(key, this.ttlMs)
          .exec()
          .catch(() => undefined),
      release,
    };
  }
}
