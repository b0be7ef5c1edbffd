import { ApiError } from '../../http/errors';
import type { EmulatorRuntime } from '../../runtime';
import { stableInt } from '../ids';
import {
  createdUserAttributes,
  isBuiltinAccountName,
  isSystemAccount,
  passwordDigest,
  virtualRoot,
} from './builtins';
import { SERVER_CODES } from './codes';
import type { BodyOf } from '../../http/handlers';
import {
  databaseId,
  databasesCollection,
  dbUsersCollection,
  schemaId,
  schemasCollection,
  scopeKey,
  userId,
  type DatabaseDoc,
  type DbScope,
  type DbUserDoc,
  type SchemaDoc,
} from './model';

/**
 * The SQL-level behaviour: what `CREATE DATABASE`, `CREATE USER`, `CREATE SCHEMA`, `GRANT` and `ALTER USER …
 * PASSWORD` would do, on plain arguments. The contract already checked names and passwords; these functions
 * check what only the server knows (existence, duplicates, built-in accounts). Handlers check the instance's
 * state; seeds call these directly, so demo data obeys the same rules.
 */

const dbs = (rt: EmulatorRuntime) => rt.store.collection(databasesCollection);
const users = (rt: EmulatorRuntime) => rt.store.collection(dbUsersCollection);
const schemas = (rt: EmulatorRuntime) => rt.store.collection(schemasCollection);

const bad = (code: string, detail: string, field?: string) => new ApiError(400, code, detail, field);

/** A user of the scope: a stored one, or root before it was ever changed. System accounts are never "found". */
export function findUser(rt: EmulatorRuntime, scope: DbScope, name: string): DbUserDoc | undefined {
  const stored = users(rt).get(scope.projectId, userId(scope, name));
  if (stored) return stored;
  if (name === 'root' && scope.pdbId === '') return virtualRoot(scope, 0);
  return undefined;
}

export function findDatabase(rt: EmulatorRuntime, scope: DbScope, name: string): DatabaseDoc | undefined {
  return dbs(rt).get(scope.projectId, databaseId(scope, name));
}

function requireUser(rt: EmulatorRuntime, scope: DbScope, name: string, field: string): DbUserDoc {
  const user = findUser(rt, scope, name);
  if (!user)
    throw bad(SERVER_CODES.userMissing, `${field}: the database user "${name}" does not exist`, field);
  return user;
}

function requireDatabase(rt: EmulatorRuntime, scope: DbScope, name: string, field: string): DatabaseDoc {
  const db = findDatabase(rt, scope, name);
  if (!db) throw bad(SERVER_CODES.databaseMissing, `${field}: the database "${name}" does not exist`, field);
  return db;
}

/** 4.9.1's body as the contract validated it. */
export type NewDatabase = BodyOf<'createDatabase'>;

/** 4.9.1: owner defaults to root and must exist; the name must be new. */
export function createDatabase(
  rt: EmulatorRuntime,
  scope: DbScope,
  input: NewDatabase,
  now: number,
): DatabaseDoc {
  const id = databaseId(scope, input.name);
  if (dbs(rt).get(scope.projectId, id)) {
    throw new ApiError(
      409,
      SERVER_CODES.databaseExists,
      `name: the database "${input.name}" already exists`,
      'name',
    );
  }
  const owner = input.owner ?? 'root';
  requireUser(rt, scope, owner, 'owner');
  const doc: DatabaseDoc = {
    id,
    project_id: scope.projectId,
    instance_id: scope.instanceId,
    pdb_id: scope.pdbId,
    name: input.name,
    owner,
    character_set: input.character_set ?? 'UTF8',
    lc_collate: input.lc_collate ?? 'C',
    lc_ctype: input.lc_ctype ?? 'C',
    // An empty openGauss database takes about 7.4 MB; vary it a little per name so lists look real.
    size_bytes: 7_725_863 + stableInt(`${scopeKey(scope)}/${input.name}`, 3_000_000),
    created_at: now,
  };
  return dbs(rt).put(doc);
}

export interface NewUser {
  name: string;
  password: string;
  /** Tenant users (4.10.10): true = login only; false or absent = login + create users/schemas. */
  loginOnly?: boolean;
  /** Built-in accounts are created by the platform (a tenant's root), never through the user API. */
  builtin?: boolean;
}

/** 4.9.2 / 4.10.10: a new, non-built-in user name. */
export function createUser(rt: EmulatorRuntime, scope: DbScope, input: NewUser, now: number): DbUserDoc {
  if (!input.builtin && isBuiltinAccountName(input.name)) {
    throw new ApiError(
      409,
      SERVER_CODES.builtinAccount,
      `name: "${input.name}" is a built-in database account and cannot be created`,
      'name',
    );
  }
  const id = userId(scope, input.name);
  if (findUser(rt, scope, input.name)) {
    throw new ApiError(
      409,
      SERVER_CODES.userExists,
      `name: the database user "${input.name}" already exists`,
      'name',
    );
  }
  const mayCreate = scope.pdbId !== '' && input.loginOnly !== true;
  const doc: DbUserDoc = {
    id,
    project_id: scope.projectId,
    instance_id: scope.instanceId,
    pdb_id: scope.pdbId,
    name: input.name,
    password_hash: passwordDigest(id, input.password),
    builtin: input.builtin ?? false,
    attributes: input.builtin ? virtualRoot(scope, now).attributes : createdUserAttributes({ mayCreate }),
    memberof: input.builtin ? virtualRoot(scope, now).memberof : [],
    locked: false,
    grants: [],
    created_at: now,
    updated_at: now,
  };
  return users(rt).put(doc);
}

export interface NewSchema {
  name: string;
  owner: string;
}

/**
 * 4.9.3 / 4.10.11: all schemas of one call are created or none is: a name that already exists in the database
 * (or twice in the call) fails the whole call with "Failed to create all DB schemas".
 */
export function createSchemas(
  rt: EmulatorRuntime,
  scope: DbScope,
  dbName: string,
  list: readonly NewSchema[],
  now: number,
): SchemaDoc[] {
  if (scope.pdbId === '') requireDatabase(rt, scope, dbName, 'db_name');
  const seen = new Set<string>();
  const taken: string[] = [];
  list.forEach((s, i) => {
    if (isSystemAccount(s.owner)) {
      throw new ApiError(
        409,
        SERVER_CODES.builtinAccount,
        `schemas[${i}].owner: "${s.owner}" is a built-in account of the platform`,
        `schemas[${i}].owner`,
      );
    }
    requireUser(rt, scope, s.owner, `schemas[${i}].owner`);
    if (seen.has(s.name) || schemas(rt).get(scope.projectId, schemaId(scope, dbName, s.name)))
      taken.push(s.name);
    seen.add(s.name);
  });
  if (taken.length > 0) {
    const where = scope.pdbId === '' ? `database "${dbName}"` : 'the tenant';
    throw bad(
      SERVER_CODES.schemasFailed,
      `schemas: ${taken.map((n) => `"${n}"`).join(', ')} already exist(s) in ${where} (or appear twice); nothing was created`,
      'schemas',
    );
  }
  const docs = list.map((s): SchemaDoc => ({
    id: schemaId(scope, dbName, s.name),
    project_id: scope.projectId,
    instance_id: scope.instanceId,
    pdb_id: scope.pdbId,
    db_name: dbName,
    name: s.name,
    owner: s.owner,
    created_at: now,
  }));
  for (const d of docs) schemas(rt).put(d);
  return docs;
}

export interface Grant {
  name: string;
  readonly: boolean;
  schema_name: string;
}

/**
 * 4.9.4 / 4.10.15: every user and schema must exist; granting again replaces the user's mode on that schema.
 * Root cannot be stored here by the contract; a stored root is only its password.
 */
export function grantPrivileges(
  rt: EmulatorRuntime,
  scope: DbScope,
  dbName: string,
  grants: readonly Grant[],
  now: number,
): void {
  if (scope.pdbId === '') requireDatabase(rt, scope, dbName, 'db_name');
  const checked = grants.map((g, i) => {
    const user = requireUser(rt, scope, g.name, `users[${i}].name`);
    if (user.builtin)
      throw new ApiError(
        409,
        SERVER_CODES.builtinAccount,
        `users[${i}].name: "${g.name}" is a built-in account; its privileges cannot be changed`,
        `users[${i}].name`,
      );
    if (!schemas(rt).get(scope.projectId, schemaId(scope, dbName, g.schema_name))) {
      const where = scope.pdbId === '' ? `database "${dbName}"` : 'the tenant';
      throw bad(
        SERVER_CODES.schemaInvalid,
        `users[${i}].schema_name: the schema "${g.schema_name}" does not exist in ${where}`,
        `users[${i}].schema_name`,
      );
    }
    return g;
  });
  for (const g of checked) {
    const user = users(rt).get(scope.projectId, userId(scope, g.name))!;
    const others = user.grants.filter((x) => !(x.db_name === dbName && x.schema_name === g.schema_name));
    users(rt).put({
      ...user,
      grants: [...others, { db_name: dbName, schema_name: g.schema_name, readonly: g.readonly }],
      updated_at: now,
    });
  }
}

/** 4.9.5 / 4.10.14: the user must exist; `forbidReuse` refuses the current password (4.10.14, PDB-9). */
export function resetPassword(
  rt: EmulatorRuntime,
  scope: DbScope,
  name: string,
  password: string,
  now: number,
  options: { forbidReuse: boolean },
): DbUserDoc {
  const user = requireUser(rt, scope, name, 'name');
  const digest = passwordDigest(user.id, password);
  if (options.forbidReuse && user.password_hash === digest) {
    throw bad(
      SERVER_CODES.passwordReuse,
      'password: the new password must differ from the current one',
      'password',
    );
  }
  return users(rt).put({ ...user, password_hash: digest, updated_at: now, created_at: user.created_at });
}

/** Page-based paging (D.39): `offset` counts pages of `limit`. */
export function pageOf<T>(items: readonly T[], offset: number, limit: number): T[] {
  return items.slice(offset * limit, offset * limit + limit);
}

export function listDatabases(rt: EmulatorRuntime, scope: DbScope): DatabaseDoc[] {
  return dbs(rt).all({
    projectId: scope.projectId,
    where: [{ col: 'scope', op: '=', value: scopeKey(scope) }],
    orderBy: [{ col: 'created_at' }],
  });
}

/** root first (as the examples show), then the users in creation order; the platform's accounts stay hidden. */
export function listUsers(rt: EmulatorRuntime, scope: DbScope): DbUserDoc[] {
  const stored = users(rt).all({
    projectId: scope.projectId,
    where: [{ col: 'scope', op: '=', value: scopeKey(scope) }],
    orderBy: [{ col: 'created_at' }],
  });
  const root =
    stored.find((u) => u.name === 'root') ?? (scope.pdbId === '' ? virtualRoot(scope, 0) : undefined);
  return [...(root ? [root] : []), ...stored.filter((u) => u.name !== 'root' && !isSystemAccount(u.name))];
}

export function listSchemas(rt: EmulatorRuntime, scope: DbScope, dbName: string): SchemaDoc[] {
  if (scope.pdbId === '') requireDatabase(rt, scope, dbName, 'db_name');
  return schemas(rt).all({
    projectId: scope.projectId,
    where: [{ col: 'scope_db', op: '=', value: `${scopeKey(scope)}/${dbName}` }],
    orderBy: [{ col: 'created_at' }],
  });
}

/** Drops everything stored for an instance (all scopes) or for one tenant of it. */
export function dropScope(rt: EmulatorRuntime, projectId: string, instanceId: string, pdbId?: string): void {
  for (const col of [dbs(rt), users(rt), schemas(rt)] as const) {
    const docs: { id: string; pdb_id: string }[] = col.all({
      projectId,
      where: [{ col: 'instance_id', op: '=', value: instanceId }],
    });
    for (const d of docs) if (pdbId === undefined || d.pdb_id === pdbId) col.delete(projectId, d.id);
  }
}
