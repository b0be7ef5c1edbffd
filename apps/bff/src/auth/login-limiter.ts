import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../http/clock';

/** Fixed-window counters: memory for one process, Redis when replicas must share the limits. */
export interface CounterStore {
  /** Counts one hit; returns the count in the current window and when the window ends (epoch ms). */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /** Takes one hit back (a successful login does not count against the user). */
  undo(key: string): Promise<void>;
  /** Forgets the key's window altogether. */
  reset(key: string): Promise<void>;
}

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly clock: Clock) {}

  async hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const now = this.clock.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size > 10_000) this.sweep(now);
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    return { ...w };
  }

  async undo(key: string): Promise<void> {
    const w = this.windows.get(key);
    if (w && w.count > 0) w.count -= 1;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

export class RedisCounterStore implements CounterStore {
  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
    private readonly prefix = 'gdc:rl:',
  ) {}

  async hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const k = this.prefix + key;
    // INCR then set the expiry only if the key has none: atomic in one MULTI, one round trip.
    const res = await this.redis.multi().incr(k).pexpire(k, windowMs, 'NX').pttl(k).exec();
    const count = Number(res?.[0]?.[1] ?? 1);
    const pttl = Number(res?.[2]?.[1] ?? windowMs);
    return { count, resetAt: this.clock.now() + (pttl > 0 ? pttl : windowMs) };
  }

  async undo(key: string): Promise<void> {
    const k = this.prefix + key;
    const left = await this.redis.decr(k);
    if (left <= 0) await this.redis.del(k);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

export interface LoginLimits {
  windowMs: number;
  /** Attempts per client address and user name. */
  perIpAndName: number;
  /** Attempts per client address, whatever the name (spraying many names). */
  perIp: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60_000, perIpAndName: 10, perIp: 50 };

export type LoginAttempt = { allowed: true; succeeded: () => Promise<void> } | { allowed: false; retryAfterSeconds: number };

const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 24);

/**
 * Counts a login attempt before the password is checked (so parallel guesses cannot slip past the
 * check), and takes it back when the login succeeds: only failures use up the budget.
 */
export class LoginLimiter {
  constructor(
    private readonly counters: CounterStore,
    private readonly clock: Clock,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  async attempt(ip: string, userName: string): Promise<LoginAttempt> {
    // Names are hashed: attacker-chosen text never becomes a raw store key, and keys stay short.
    const ipKey = `ip:${digest(ip)}`;
    const pairKey = `ipn:${digest(`${ip}\u0000${userName.toLowerCase()}`)}`;
    const [pair, any] = await Promise.all([
      this.counters.hit(pairKey, this.limits.windowMs),
      this.counters.hit(ipKey, this.limits.windowMs),
    ]);
    const blocked = [
      pair.count > this.limits.perIpAndName ? pair.resetAt : 0,
      any.count > this.limits.perIp ? any.resetAt : 0,
    ].filter((t) => t > 0);
    if (blocked.length > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Math.max(...blocked) - this.clock.now()) / 1000));
      return { allowed: false, retryAfterSeconds };
    }
    return {
      allowed: true,
      succeeded: async () => {
        await Promise.all([this.counters.undo(pairKey), this.counters.undo(ipKey)]);
      },
    };
  }
}
