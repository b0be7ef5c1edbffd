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
  /** The current window without counting a hit (undefined when none is open). */
  peek(key: string): Promise<{ count: number; resetAt: number } | undefined>;
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

  async peek(key: string): Promise<{ count: number; resetAt: number } | undefined> {
    const w = this.windows.get(key);
    return w && w.resetAt > this.clock.now() ? { ...w } : undefined;
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

  async peek(key: string): Promise<{ count: number; resetAt: number } | undefined> {
    const k = this.prefix + key;
    const res = await this.redis.multi().get(k).pttl(k).exec();
    const raw = res?.[0]?.[1];
    const pttl = Number(res?.[1]?.[1] ?? -2);
    if (raw === null || raw === undefined || pttl <= 0) return undefined;
    return { count: Number(raw), resetAt: this.clock.now() + pttl };
  }
}

export interface LoginLimits {
  /** Window of the per-name limit, and how long an admin's unlock lifts the per-address one for that name. */
  windowMs: number;
  /** Failed attempts per client address and user name. */
  perIpAndName: number;
  /**
   * Failed attempts per client address whatever the name (spraying many names), in growing windows: a
   * burst costs everyone behind that address a minute, only a sustained spray the longer window.
   */
  perAddress: readonly { windowMs: number; max: number }[];
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * 60_000,
  perIpAndName: 10,
  perAddress: [
    { windowMs: 60_000, max: 30 },
    { windowMs: 15 * 60_000, max: 200 },
  ],
};

export type LoginAttempt =
  { allowed: true; succeeded: () => Promise<void> } | { allowed: false; retryAfterSeconds: number };

const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 24);

/**
 * Counts a login attempt before the password is checked (so parallel guesses cannot slip past the
 * check), and takes it back when the login succeeds: only failures use up the budget. An attempt refused
 * by a limit already reached is not counted again, so hammering a blocked address does not stretch a
 * one-minute block into the longer window.
 *
 * An admin can lift a name's lock (`unlock`, or `unlocked_at` in the users file through the users CLI):
 * the name's per-address counters start afresh, and for one window the name is exempt from the per-address
 * limits (the per-name limit still holds), so one user locked out by someone else's spray gets in.
 */
export class LoginLimiter {
  constructor(
    private readonly counters: CounterStore,
    private readonly clock: Clock,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Lifts the lock on a user name, for every address; shared by replicas when the counters are in Redis. */
  async unlock(userName: string): Promise<void> {
    await this.counters.hit(this.unlockKey(userName), this.limits.windowMs);
  }

  /** `unlockedAt`: the users file's `unlocked_at` for this name (epoch ms), if any. */
  async attempt(ip: string, userName: string, unlockedAt?: number): Promise<LoginAttempt> {
    const now = this.clock.now();
    const generation = (await this.counters.peek(this.unlockKey(userName)))?.count ?? 0;
    const fileUnlock = unlockedAt !== undefined && now - unlockedAt < this.limits.windowMs;
    const exempt = generation > 0 || fileUnlock;
    // Names are hashed: attacker-chosen text never becomes a raw store key, and keys stay short.
    const pairKey = `ipn:${digest(`${ip}\u0000${userName.toLowerCase()}\u0000${generation}\u0000${unlockedAt ?? 0}`)}`;
    const addressKeys = this.limits.perAddress.map((tier) => ({
      tier,
      key: `ip:${tier.windowMs}:${digest(ip)}`,
    }));
    const checks = [
      { key: pairKey, windowMs: this.limits.windowMs, max: this.limits.perIpAndName },
      ...(exempt ? [] : addressKeys.map(({ tier, key }) => ({ key, ...tier }))),
    ];

    const refuse = (
      windows: ({ count: number; resetAt: number } | undefined)[],
    ): LoginAttempt | undefined => {
      const until = windows
        .map((w, i) => (w && w.count > (checks[i]?.max ?? Infinity) ? w.resetAt : 0))
        .filter((t) => t > 0);
      return until.length > 0
        ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Math.max(...until) - now) / 1000)) }
        : undefined;
    };
    // Already over a limit: refused without counting. Else count, and refuse a guess that raced past.
    const before = await Promise.all(checks.map((c) => this.counters.peek(c.key)));
    const early = refuse(before.map((w) => (w ? { ...w, count: w.count + 1 } : undefined)));
    if (early) return early;
    const counted = [pairKey, ...addressKeys.map((a) => a.key)];
    const hits = await Promise.all([
      this.counters.hit(pairKey, this.limits.windowMs),
      ...addressKeys.map(({ tier, key }) => this.counters.hit(key, tier.windowMs)),
    ]);
    const raced = refuse(hits.slice(0, checks.length));
    if (raced) return raced;
    return {
      allowed: true,
      succeeded: async () => {
        await Promise.all(counted.map((k) => this.counters.undo(k)));
      },
    };
  }

  private unlockKey(userName: string): string {
    return `unlock:${digest(userName.toLowerCase())}`;
  }
}
