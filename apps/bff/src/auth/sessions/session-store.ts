import { z } from 'zod';
import type { Clock } from '../../http/clock';

/** What the server keeps per session. The cookie holds only a random id; the store key is its hash. */
export const sessionRecordSchema = z.object({
  user: z.string(),
  /** The user's password stamp at login: a password change or removal ends the session. */
  stamp: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
});
export type SessionRecord = z.output<typeof sessionRecordSchema>;

/**
 * Session storage. One memory implementation (single process, the embedded default) and one Redis
 * implementation (replicas share sessions); both expire keys after `ttlMs` on their own, and the session
 * service also checks idle/absolute limits against its clock, so expiry never depends on the store alone.
 */
export interface SessionStore {
  get(key: string): Promise<SessionRecord | undefined>;
  /** Stores a new session. */
  set(key: string, record: SessionRecord, ttlMs: number): Promise<void>;
  /**
   * Refreshes a session only if it still exists: a request in flight never brings back a session that was
   * ended meanwhile (logout, an admin ending the user's sessions).
   */
  touch(key: string, record: SessionRecord, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Ends every session of one console user; answers how many there were. */
  deleteUser(user: string): Promise<number>;
  /** Throws when the store cannot serve (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class MemorySessionStore implements SessionStore {
  private readonly entries = new Map<string, { record: SessionRecord; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  async get(key: string): Promise<SessionRecord | undefined> {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return { ...e.record };
  }

  async set(key: string, record: SessionRecord, ttlMs: number): Promise<void> {
    // Sweep lazily (no timers to clean up): abandoned sessions are dropped as new ones arrive.
    if (this.entries.size > 0 && this.entries.size % 256 === 0) this.sweep();
    this.entries.set(key, { record: { ...record }, expiresAt: this.clock.now() + ttlMs });
  }

  async touch(key: string, record: SessionRecord, ttlMs: number): Promise<void> {
    if (this.entries.has(key))
      this.entries.set(key, { record: { ...record }, expiresAt: this.clock.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async deleteUser(user: string): Promise<number> {
    const now = this.clock.now();
    let ended = 0;
    for (const [k, e] of this.entries) {
      if (e.record.user !== user) continue;
      this.entries.delete(k);
      if (e.expiresAt > now) ended++;
    }
    return ended;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
  }
}
