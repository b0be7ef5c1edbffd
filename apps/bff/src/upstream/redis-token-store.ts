import type { StoredToken, TokenStore } from '@gaussdb-console/api-client';
import type { Redis } from 'ioredis';

/**
 * The upstream IAM token in Redis, so every BFF replica uses the one token the first of them obtained
 * (and one refresh serves them all). The key lives exactly as long as the token; the client's key is
 * already a hash of who and which scope, never a user name or the password.
 */
export class RedisTokenStore implements TokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'gdc:token:',
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<StoredToken | undefined> {
    const raw = await this.redis.get(this.prefix + key);
    if (raw === null) return undefined;
    try {
      const v = JSON.parse(raw) as Partial<StoredToken>;
      if (typeof v.token === 'string' && typeof v.expiresAt === 'number')
        return { token: v.token, expiresAt: v.expiresAt };
    } catch {
      // Unreadable: treated as absent, and overwritten by the next token.
    }
    return undefined;
  }

  async set(key: string, token: string, expiresAt: number): Promise<void> {
    const ttl = Math.ceil(expiresAt - this.now());
    if (ttl <= 0) {
      await this.redis.del(this.prefix + key);
      return;
    }
    await this.redis.set(this.prefix + key, JSON.stringify({ token, expiresAt }), 'PX', ttl);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
