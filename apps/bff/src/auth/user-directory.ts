import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { Role, TenantGrant } from './roles';
import { readUsersFile, type StoredUser } from './users-file';
import { hashPassword } from './passwords';
import { DEMO_USERS, type DemoTenantGrants } from './demo-users';

/** A console user as the running BFF sees it. */
export interface ConsoleUser {
  name: string;
  role: Role;
  tenants: readonly TenantGrant[];
  passwordHash: string;
  /** Changes whenever the password changes: sessions carry it, so `users passwd` ends old sessions. */
  stamp: string;
  demo: boolean;
  /** When an admin last lifted this user's sign-in lock with the users CLI (epoch ms). */
  unlockedAt?: number;
  /** As the users file has them (ISO 8601); absent for the built-in demo logins. */
  createdAt?: string;
  updatedAt?: string;
}

export interface UserDirectory {
  find(name: string): ConsoleUser | undefined;
  count(): number;
  /** Every user: the file's, then the demo logins the file does not override, by name. */
  list(): ConsoleUser[];
}

const stampOf = (hash: string) => createHash('sha256').update(hash).digest('base64url').slice(0, 22);

function toConsoleUser(u: StoredUser, demo: boolean): ConsoleUser {
  const unlockedAt = u.unlocked_at ? Date.parse(u.unlocked_at) : Number.NaN;
  return {
    name: u.name,
    role: u.role,
    tenants: u.tenants,
    passwordHash: u.password_hash,
    stamp: stampOf(u.password_hash),
    demo,
    ...(Number.isFinite(unlockedAt) ? { unlockedAt } : {}),
    ...(demo ? {} : { createdAt: u.created_at, updatedAt: u.updated_at }),
  };
}

export interface UserDirectoryOptions {
  usersFile: string;
  /** Embedded demo mode: add the DEMO_USERS (a file user of the same name wins). */
  demo?: { tenantGrants: DemoTenantGrants };
}

/**
 * The users file, re-read when its size or mtime changes, so `npm run users -- add|passwd|remove` take
 * effect on the running BFF (a removed user's or changed password's sessions stop working at once).
 */
export async function createUserDirectory(options: UserDirectoryOptions): Promise<UserDirectory> {
  const demoUsers = new Map<string, ConsoleUser>();
  if (options.demo) {
    const now = new Date(0).toISOString();
    for (const d of DEMO_USERS) {
      const stored: StoredUser = {
        name: d.name,
        role: d.role,
        tenants: d.role === 'tenant' ? [...options.demo.tenantGrants] : [],
        password_hash: await hashPassword(d.password),
        created_at: now,
        updated_at: now,
      };
      demoUsers.set(d.name, toConsoleUser(stored, true));
    }
  }

  let signature = '';
  let fileUsers = new Map<string, ConsoleUser>();
  // A file half-edited by hand must not lock everyone out: keep the last good list and retry next time.
  const refresh = (initial = false) => {
    let sig = 'absent';
    try {
      const st = fs.statSync(options.usersFile);
      sig = `${st.size}:${st.mtimeMs}:${st.ino}`;
    } catch {
      sig = 'absent';
    }
    if (sig === signature) return;
    try {
      fileUsers = new Map(readUsersFile(options.usersFile).map((u) => [u.name, toConsoleUser(u, false)]));
      signature = sig;
    } catch (err) {
      if (initial) throw err;
    }
  };
  refresh(true);

  return {
    find(name) {
      refresh();
      return fileUsers.get(name) ?? demoUsers.get(name);
    },
    count() {
      refresh();
      return new Set([...fileUsers.keys(), ...demoUsers.keys()]).size;
    },
    list() {
      refresh();
      const demo = [...demoUsers.values()].filter((u) => !fileUsers.has(u.name));
      return [...fileUsers.values(), ...demo].sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
