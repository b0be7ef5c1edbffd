import type { ConsoleUserView, TenantGrantInput } from '@gaussdb-console/api-client';
import type { Clock } from '../http/clock';
import { hashPassword } from './passwords';
import type { Role, TenantGrant } from './roles';
import type { ConsoleUser, UserDirectory } from './user-directory';
import { readUsersFile, writeUsersFile, type StoredUser } from './users-file';

/**
 * Console-user administration for the users page: the same file, rules and checks as the users CLI
 * (`npm run users`, users-cli.ts), applied by an admin through the BFF. Plain functions over the users file;
 * the routes (user-admin-routes.ts) map them to HTTP and the audit trail.
 *
 * Beyond the CLI's rules, two that only a running console needs: an admin cannot remove themselves or change
 * their own role (the console would lose the hand that made the change), and the last admin stays an admin.
 * The built-in demo logins (embedded demo only) live in memory, not in the file: they are listed, never changed.
 */

export class UserAdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field the refusal concerns. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserAdminError';
  }
}

export function userView(u: ConsoleUser): ConsoleUserView {
  return {
    name: u.name,
    role: u.role,
    tenants: u.tenants.map((t) => ({ instance_id: t.instance_id, pdb_id: t.pdb_id })),
    demo: u.demo,
    created_at: u.createdAt ?? null,
    updated_at: u.updatedAt ?? null,
    unlocked_at: u.unlockedAt === undefined ? null : new Date(u.unlockedAt).toISOString(),
  };
}

const sameGrant = (a: TenantGrant, b: TenantGrant) =>
  a.instance_id === b.instance_id && a.pdb_id === b.pdb_id;

export interface UserAdminDeps {
  usersFile: string;
  directory: UserDirectory;
  clock: Clock;
}

export class UserAdmin {
  /** Changes are applied one after the other: two admins' clicks never lose each other's change. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: UserAdminDeps) {}

  list(): ConsoleUserView[] {
    return this.deps.directory.list().map(userView);
  }

  /** The user as the console sees it now (file or demo), or USER_NOT_FOUND. */
  get(name: string): ConsoleUser {
    const user = this.deps.directory.find(name);
    if (!user) throw new UserAdminError(404, 'USER_NOT_FOUND', `There is no console user named "${name}".`);
    return user;
  }

  add(input: {
    name: string;
    role: Role;
    password: string;
    tenants: TenantGrantInput[];
  }): Promise<ConsoleUserView> {
    return this.changeUser((users, now) => {
      if (users.some((u) => u.name === input.name) || this.deps.directory.find(input.name)) {
        throw new UserAdminError(
          409,
          'USER_EXISTS',
          `A console user named "${input.name}" already exists.`,
          'name',
        );
      }
      return hashPassword(input.password).then((hash) => {
        const user: StoredUser = {
          name: input.name,
          role: input.role,
          tenants: dedupe(input.tenants),
          password_hash: hash,
          created_at: now,
          updated_at: now,
        };
        return { users: [...users, user], result: user };
      });
    });
  }

  remove(actor: string, name: string): Promise<void> {
    return this.change((users) => {
      const user = this.stored(users, name);
      if (name === actor)
        throw new UserAdminError(409, 'OWN_ACCOUNT', 'You cannot remove the account you are signed in with.');
      this.keepAnAdmin(users, user, undefined);
      return { users: users.filter((u) => u.name !== name), result: undefined };
    });
  }

  changeRole(
    actor: string,
    name: string,
    role: Role,
    tenants: TenantGrantInput[] | undefined,
  ): Promise<ConsoleUserView> {
    return this.changeUser((users, now) => {
      const user = this.stored(users, name);
      if (name === actor && role !== user.role) {
        throw new UserAdminError(
          409,
          'OWN_ACCOUNT',
          'You cannot change the role of the account you are signed in with.',
          'role',
        );
      }
      this.keepAnAdmin(users, user, role);
      // A tenant owner keeps the tenants they hold unless new ones are given; other roles hold none.
      const next = role === 'tenant' ? dedupe(tenants ?? user.tenants) : [];
      if (role === 'tenant' && next.length === 0) {
        throw new UserAdminError(
          400,
          'VALIDATION_FAILED',
          'tenants: a tenant owner needs at least one tenant',
          'tenants',
        );
      }
      const changed: StoredUser = { ...user, role, tenants: next, updated_at: now };
      return { users: replace(users, changed), result: changed };
    });
  }

  grant(name: string, grant: TenantGrantInput): Promise<ConsoleUserView> {
    return this.changeUser((users, now) => {
      const user = this.stored(users, name);
      if (user.role !== 'tenant') {
        throw new UserAdminError(
          409,
          'NOT_A_TENANT_OWNER',
          `${name} is ${user.role === 'admin' ? 'an' : 'a'} ${user.role}: only a tenant owner holds tenants (change the role first).`,
        );
      }
      if (user.tenants.some((t) => sameGrant(t, grant))) {
        throw new UserAdminError(
          409,
          'GRANT_EXISTS',
          `${name} already holds the tenant ${grant.pdb_id} of instance ${grant.instance_id}.`,
        );
      }
      const changed: StoredUser = { ...user, tenants: [...user.tenants, grant], updated_at: now };
      return { users: replace(users, changed), result: changed };
    });
  }

  /**
   * A tenant owner may be left holding no tenant (between a hand-over and the next grant): they can still
   * sign in and see that nothing is theirs; the BFF refuses every tenant call they make.
   */
  revoke(name: string, grant: TenantGrant): Promise<ConsoleUserView> {
    return this.changeUser((users, now) => {
      const user = this.stored(users, name);
      if (!user.tenants.some((t) => sameGrant(t, grant))) {
        throw new UserAdminError(
          404,
          'GRANT_NOT_FOUND',
          `${name} does not hold the tenant ${grant.pdb_id} of instance ${grant.instance_id}.`,
        );
      }
      const changed: StoredUser = {
        ...user,
        tenants: user.tenants.filter((t) => !sameGrant(t, grant)),
        updated_at: now,
      };
      return { users: replace(users, changed), result: changed };
    });
  }

  /** A new password: the user's sessions end (their password stamp changes), as with `users passwd`. */
  resetPassword(name: string, password: string): Promise<ConsoleUserView> {
    return this.changeUser(async (users, now) => {
      const user = this.stored(users, name);
      const changed: StoredUser = { ...user, password_hash: await hashPassword(password), updated_at: now };
      return { users: replace(users, changed), result: changed };
    });
  }

  private changeUser(
    apply: (users: StoredUser[], now: string) => Change<StoredUser> | Promise<Change<StoredUser>>,
  ): Promise<ConsoleUserView> {
    return this.change(apply).then((u) => this.viewOf(u));
  }

  /** A user of the file; a demo login or an unknown name is refused with what the admin can do instead. */
  private stored(users: readonly StoredUser[], name: string): StoredUser {
    const user = users.find((u) => u.name === name);
    if (user) return user;
    if (this.deps.directory.find(name)?.demo) {
      throw new UserAdminError(
        409,
        'DEMO_USER',
        `${name} is a built-in demo login: it cannot be changed. Add a console user of your own instead.`,
      );
    }
    throw new UserAdminError(404, 'USER_NOT_FOUND', `There is no console user named "${name}".`);
  }

  /** Refuses a change that would leave no admin who can sign in with a password of the file. */
  private keepAnAdmin(users: readonly StoredUser[], user: StoredUser, newRole: Role | undefined): void {
    if (user.role !== 'admin' || newRole === 'admin') return;
    const others = users.filter((u) => u.role === 'admin' && u.name !== user.name);
    if (others.length === 0 && !this.deps.directory.list().some((u) => u.demo && u.role === 'admin')) {
      throw new UserAdminError(
        409,
        'LAST_ADMIN',
        `${user.name} is the last administrator: add another one first.`,
      );
    }
  }

  /** Reads the file, applies one change, writes it atomically; one change at a time. */
  private change<T>(apply: (users: StoredUser[], now: string) => Change<T> | Promise<Change<T>>): Promise<T> {
    const run = this.queue.then(async () => {
      const users = readUsersFile(this.deps.usersFile);
      const now = new Date(this.deps.clock.now()).toISOString();
      const { users: next, result } = await apply(users, now);
      writeUsersFile(this.deps.usersFile, next);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The stored user as the running console now sees it (the directory re-reads the file). */
  private viewOf(user: StoredUser): ConsoleUserView {
    const fresh = this.deps.directory.find(user.name);
    return userView(
      fresh && !fresh.demo
        ? fresh
        : {
            name: user.name,
            role: user.role,
            tenants: user.tenants,
            passwordHash: '',
            stamp: '',
            demo: false,
            createdAt: user.created_at,
            updatedAt: user.updated_at,
          },
    );
  }
}

interface Change<T> {
  users: StoredUser[];
  result: T;
}

function dedupe(list: readonly TenantGrant[]): TenantGrant[] {
  const out: TenantGrant[] = [];
  for (const g of list)
    if (!out.some((o) => sameGrant(o, g))) out.push({ instance_id: g.instance_id, pdb_id: g.pdb_id });
  return out;
}

const replace = (users: readonly StoredUser[], changed: StoredUser) =>
  users.map((u) => (u.name === changed.name ? changed : u));
