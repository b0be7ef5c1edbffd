import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../http/clock';
import type { ConsoleUser, UserDirectory } from '../user-directory';
import type { SessionRecord, SessionStore } from './session-store';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export interface ActiveSession {
  /** Store key (hash of the cookie value); never sent to the browser. */
  key: string;
  record: SessionRecord;
  user: ConsoleUser;
  /** When the session ends at the latest (absolute limit), epoch ms. */
  expiresAt: number;
}

const ID_RE = /^[A-Za-z0-9_-]{43}$/;

/** The store never sees the cookie value: a leaked store dump (Redis, memory) holds no usable session. */
const keyOf = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * Session life cycle: a new random id at every login (no fixation), idle and absolute expiry checked
 * against the injected clock on every use, server-side deletion at logout, and the user re-read on every
 * request so removed users, changed passwords and changed roles take effect at once.
 */
export class SessionService {
  constructor(
    private readonly store: SessionStore,
    private readonly users: UserDirectory,
    private readonly clock: Clock,
    readonly limits: SessionLimits,
  ) {}

  async create(user: ConsoleUser): Promise<{ id: string; session: ActiveSession }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const record: SessionRecord = { user: user.name, stamp: user.stamp, createdAt: now, lastSeenAt: now };
    await this.store.set(keyOf(id), record, this.ttl(record, now));
    return { id, session: { key: keyOf(id), record, user, expiresAt: now + this.limits.absoluteMs } };
  }

  /** The live session for a cookie value, refreshed (idle timer restarts), or undefined. */
  async resolve(id: string | undefined): Promise<ActiveSession | undefined> {
    if (!id || !ID_RE.test(id)) return undefined;
    const key = keyOf(id);
    const record = await this.store.get(key);
    if (!record) return undefined;
    const now = this.clock.now();
    const user = this.users.find(record.user);
    const expired =
      now - record.lastSeenAt >= this.limits.idleMs || now - record.createdAt >= this.limits.absoluteMs;
    if (expired || !user || user.stamp !== record.stamp) {
      await this.store.delete(key);
      return undefined;
    }
    const touched = { ...record, lastSeenAt: now };
    await this.store.touch(key, touched, this.ttl(touched, now));
    return { key, record: touched, user, expiresAt: record.createdAt + this.limits.absoluteMs };
  }

  async destroy(key: string): Promise<void> {
    await this.store.delete(key);
  }

  /** Ends every session of a console user, on every replica sharing the store; answers how many. */
  async destroyAllOf(user: string): Promise<number> {
    return this.store.deleteUser(user);
  }

  /** Store expiry: whichever of the idle and absolute limits comes first. */
  private ttl(record: SessionRecord, now: number): number {
    return Math.max(1, Math.min(this.limits.idleMs, record.createdAt + this.limits.absoluteMs - now));
  }
}
