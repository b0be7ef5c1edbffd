import type { Redis } from 'ioredis';
import { sessionRecordSchema, type SessionRecord, type SessionStore } from './session-store';

/**
 * How long a user's index of session keys outlives the user's last activity. Every refresh of a session
 * renews it, so it lives as long as any of the user's sessions can (the idle timeout is far shorter).
 */
const USER_INDEX_TTL_MS = 24 * 3600_000;

/**
 * Sessions in Redis (shared by every BFF replica): one key per session, JSON value, PX expiry; and per
 * console user a set of their session keys, so an admin can end all of a user's sessions on every replica.
 * The set may keep keys of sessions that already expired: ending them deletes nothing.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'gdc:sess:',
  ) {}

  private userIndex(user: string): string {
    return `${this.prefix}user:${user}`;
  }

  async get(key: string): Promise<SessionRecord | undefined> {
    const raw = await this.redis.get(this.prefix + key);
    if (raw === null) return undefined;
    try {
      const parsed = sessionRecordSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, record: SessionRecord, ttlMs: number): Promise<void> {
    const index = this.userIndex(record.user);
    await this.redis
      .multi()
      .set(this.prefix + key, JSON.stringify(record), 'PX', Math.max(1, Math.ceil(ttlMs)))
      .sadd(index, key)
      .pexpire(index, USER_INDEX_TTL_MS)
      .exec();
  }

  async touch(key: string, record: SessionRecord, ttlMs: number): Promise<void> {
    // XX: only while the key exists, so a session ended by another replica stays ended.
    await this.redis
      .multi()
      .set(this.prefix + key, JSON.stringify(record), 'PX', Math.max(1, Math.ceil(ttlMs)), 'XX')
      .pexpire(this.userIndex(record.user), USER_INDEX_TTL_MS)
      .exec();
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async deleteUser(user: string): Promise<number> {
    const index = this.userIndex(user);
    const keys = await this.redis.smembers(index);
    if (keys.length === 0) return 0;
    const [[, ended]] = (await this.redis
      .multi()
      .del(...keys.map((k) => this.prefix + k))
      .del(index)
      .exec()) as [[Error | null, number], [Error | null, number]];
    return ended;
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    // The Redis connection is shared (rate limits, later the event fan-out): its owner closes it.
  }
}
