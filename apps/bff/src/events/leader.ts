import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** How long a leader's claim lasts without renewal: a dead leader is replaced within this time. */
export const LEASE_MS = 10_000;

/** Names this process among the replicas (host and pid help an operator find the leader). */
export function newReplicaId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

// Take the key when nobody holds it (SET NX PX), or extend it when we already do, in one atomic step.
const ACQUIRE = `
local cur = redis.call('GET', KEYS[1])
if cur == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not cur then
  redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
  return 1
end
return 0`;

// Delete the key only if it is still ours (a lapsed lease may already belong to another replica).
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * A leader lease in Redis: one key whose value is the holder's replica id, with a PX expiry renewed a few
 * times per lease while held (also between the holder's own attempts, which may be further apart than
 * the lease when the poll interval is long). A holder that dies stops renewing and the key lapses.
 */
export class RedisLease {
  private heldNow = false;
  private renewTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly redis: Redis,
    readonly key: string,
    readonly owner: string,
    private readonly ttlMs = LEASE_MS,
  ) {}

  get held(): boolean {
    return this.heldNow;
  }

  /** Takes the lease if free, renews it if ours; false while another replica holds it. */
  async acquire(): Promise<boolean> {
    let won = false;
    try {
      won = (await this.redis.eval(ACQUIRE, 1, this.key, this.owner, String(this.ttlMs))) === 1;
    } catch (e) {
      // Unsure whether we still hold it: act as a follower, so two replicas never both poll for long.
      this.setHeld(false);
      throw e;
    }
    this.setHeld(won);
    return won;
  }

  async release(): Promise<void> {
    this.setHeld(false);
    await this.redis.eval(RELEASE, 1, this.key, this.owner);
  }

  private setHeld(held: boolean): void {
    this.heldNow = held;
    if (held && !this.renewTimer) {
      this.renewTimer = setInterval(
        () => {
          this.acquire().catch(() => undefined);
        },
        Math.max(50, Math.floor(this.ttlMs / 3)),
      );
      this.renewTimer.unref?.();
    } else if (!held && this.renewTimer) {
      clearInterval(this.renewTimer);
      this.renewTimer = undefined;
    }
  }
}
