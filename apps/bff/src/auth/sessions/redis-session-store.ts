import type { Redis } from 'ioredis';
import { sessionRecordSchema, type SessionRecord, type SessionStore } from './session-store';

/** Sessions in Redis (shared by every BFF replica): one key per session, JSON value, PX expiry. */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'gdc:sess:',
  ) {}

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
    await this.redis.set(this.prefix + key, JSON.stringify(record), 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    // The Redis connection is shared (rate limits, later the event fan-out): its owner closes it.
  }
}
