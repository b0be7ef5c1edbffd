import { z } from 'zod';
import { defineOperation } from './define';
import { nodeIdsBody } from './instance-ops';
import { bool, int, list, obj, opt, str } from '../schema/tolerant';
import { limitParam, offsetParam, pathId, SPECIAL_CHARS, SYSTEM_USERS } from '../schema/rules';
import { withCode } from '../schema/error-codes';
import {
  boundedList,
  databaseName,
  DB_CODES,
  dbSetting,
  dbUserName,
  dbUserPassword,
  passwordNotName,
  requiredBoolean,
  RESERVED_SCHEMA_NAMES,
  schemaName,
  SYSTEM_USERS_AND_ROOT,
} from '../schema/rules-databases';

// Section 4.9 of the reference: databases, users, schemas and privileges inside one instance (L6538–L7264).

const instancePath = z.strictObject({ instance_id: pathId('instance_id') });

/** An asynchronous call's answer: the job to follow with getJob (4.12.1). */
export const jobStarted = () => obj({ job_id: str() });

/** The calls that answer 200 with no body ("无"): tolerate an empty object or nothing at all. */
export const noContent = () => opt(obj({}));

/**
 * Page-based paging (D.39): `offset` counts pages, so offset=1&limit=10 returns items 11–20.
 * Defaults from the reference: offset 0, limit 10 (max 100).
 */
export const pageQuery = () => ({
  offset: offsetParam().default(0),
  limit: limitParam(100).default(10),
});

// ---- response entities --------------------------------------------------------------------------

export const databaseSchema = obj({
  name: str(),
  owner: opt(str()),
  character_set: opt(str()),
  collate_set: opt(str()),
  /** Declared String; the example sends a number (D.13). */
  size: opt(str()),
});
export type Database = z.output<typeof databaseSchema>;

const roleAttributesShape = obj({
  rolsuper: opt(bool()),
  rolinherit: opt(bool()),
  /** The wire's spelling (pg_roles); the reference's tables say `rolcreatorole` (PUBLIC_API_NOTES). */
  rolcreaterole: opt(bool()),
  rolcreatorole: opt(bool()),
  rolcreatedb: opt(bool()),
  rolcanlogin: opt(bool()),
  /** -1 = no limit. The wire's `rolconnlimit`; the reference's tables say `rolconlimit`. */
  rolconnlimit: opt(int()),
  rolconlimit: opt(int()),
  rolreplication: opt(bool()),
  rolbypassrls: opt(bool()),
});

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fills each spelling pair from the other, so a reader may use either (DB-7). */
export const roleAttributesSchema = z.preprocess((v) => {
  if (!isRecord(v)) return v;
  return {
    ...v,
    rolcreaterole: v.rolcreaterole ?? v.rolcreatorole,
    rolcreatorole: v.rolcreatorole ?? v.rolcreaterole,
    rolconnlimit: v.rolconnlimit ?? v.rolconlimit,
    rolconlimit: v.rolconlimit ?? v.rolconnlimit,
  };
}, roleAttributesShape);
export type DbUserAttributes = z.output<typeof roleAttributesSchema>;

/** A database user; `attributes` is filled from `attribute` when only that spelling arrives (DB-7, PDB-10). */
export const dbUserSchema = z.preprocess(
  (v) => {
    if (!isRecord(v)) return v;
    const { attribute, ...rest } = v;
    return { ...rest, attributes: v.attributes ?? attribute };
  },
  obj({
    name: str(),
    attributes: opt(roleAttributesSchema),
    /** e.g. "{gs_role_copy_files,gs_role_signal_backend}" */
    memberof: opt(str()),
    /** Tenant users only (4.10.12). */
    lock_status: opt(bool()),
  }),
);
export type DbUser = z.output<typeof dbUserSchema>;

/**
 * The 4.9.7 example puts `{ "total_count": 1 }` inside the `users` array (L7095–7097, D.15): lift such an
 * element out to the top-level `total_count` before parsing.
 */
export const dbUserListSchema = z.preprocess(
  (v) => {
    if (!isRecord(v) || !Array.isArray(v.users)) return v;
    const strays = v.users.filter((u) => isRecord(u) && !('name' in u) && 'total_count' in u) as Record<
      string,
      unknown
    >[];
    if (strays.length === 0) return v;
    return {
      ...v,
      users: v.users.filter((u) => !strays.includes(u as Record<string, unknown>)),
      total_count: v.total_count ?? strays[0]?.total_count,
    };
  },
  obj({ users: list(dbUserSchema), total_count: opt(int()) }),
);

export const schemaSchema = obj({ schema_name: str(), owner: opt(str()) });
export type Schema = z.output<typeof schemaSchema>;
export type DbSchema = Schema;

export const schemaListSchema = obj({ database_schemas: list(schemaSchema), total_count: opt(int()) });

// ---- request bodies -------------------------------------------------------------------------------

const createDatabaseBody = z.strictObject({
  name: databaseName('name'),
  character_set: dbSetting(
    'character_set',
    /^[A-Za-z0-9_-]{1,32}$/,
    '1–32 letters, digits, "_" or "-" (e.g. UTF8)',
  ).optional(),
  /** root allowed; the system users are not (L6580, D.31). */
  owner: dbUserName('owner', SYSTEM_USERS).optional(),
  template: withCode(
    z.literal('template0', { error: 'template: only "template0" is supported' }),
    DB_CODES.template,
  ).optional(),
  lc_collate: dbSetting(
    'lc_collate',
    /^[A-Za-z0-9_.@-]{1,64}$/,
    'a collation from pg_collation, e.g. C or en_US.UTF-8',
  ).optional(),
  lc_ctype: dbSetting(
    'lc_ctype',
    /^[A-Za-z0-9_.@-]{1,64}$/,
    'a character classification, e.g. C or en_US.UTF-8',
  ).optional(),
});

const createDbUserBody = z
  .strictObject({
    name: dbUserName('name', SYSTEM_USERS_AND_ROOT),
    password: dbUserPassword('password', SPECIAL_CHARS.dbUser),
  })
  .superRefine(passwordNotName('name', 'password'));

/** Schema names: the name rule, not a template database, not a built-in schema (L6725, L6808). */
const schemaNameRule = (label: string) => schemaName(label, RESERVED_SCHEMA_NAMES);

const createSchemaBody = z.strictObject({
  db_name: databaseName('db_name'),
  schemas: boundedList(
    'schemas',
    z.strictObject({
      name: schemaNameRule('schemas[].name'),
      /** Schema owners: system users refused, root allowed (L6726). */
      owner: dbUserName('schemas[].owner', SYSTEM_USERS),
    }),
    20,
  ),
});

const grantDbPrivilegeBody = z.strictObject({
  db_name: databaseName('db_name'),
  users: boundedList(
    'users',
    z.strictObject({
      name: dbUserName('users[].name', SYSTEM_USERS_AND_ROOT),
      readonly: requiredBoolean('users[].readonly'),
      schema_name: schemaNameRule('users[].schema_name'),
    }),
    50,
  ),
});

const resetDbUserPasswordBody = z
  .strictObject({
    /** root may be reset (the example does, L6899); the system users may not (D.31). */
    name: dbUserName('name', SYSTEM_USERS),
    password: dbUserPassword('password', SPECIAL_CHARS.resetDbUser),
  })
  .superRefine(passwordNotName('name', 'password'));

// 4.9.9 and 4.4.18 are one route (D.8): the body schema is 4.4.18's, so both validate alike (DB-9).
const isStartBody = (body: unknown) => isRecord(body) && 'node_ids' in body;

// ---- operations -------------------------------------------------------------------------------------

export const databaseOperations = {
  createDatabase: defineOperation({
    id: 'createDatabase',
    section: '4.9.1',
    title: 'Create database',
    titleZh: '创建数据库',
    area: 'databases',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/database',
    pathParams: instancePath,
    body: createDatabaseBody,
    response: noContent(),
    successStatus: 200,
    defaultErrorCode: DB_CODES.parameter,
    notes: 'One database per call. Refused while the instance is being created, resized, frozen or abnormal.',
  }),
  createDbUser: defineOperation({
    id: 'createDbUser',
    section: '4.9.2',
    title: 'Create database user',
    titleZh: '创建数据库用户',
    area: 'databases',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/db-user',
    pathParams: instancePath,
    body: createDbUserBody,
    response: noContent(),
    successStatus: 200,
    defaultErrorCode: DB_CODES.parameter,
    notes: 'One user per call. Refused while the instance is being created, resized, frozen or abnormal.',
  }),
  createSchema: defineOperation({
    id: 'createSchema',
    section: '4.9.3',
    title: 'Create schemas',
    titleZh: '创建数据库 SCHEMA',
    area: 'databases',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/schema',
    pathParams: instancePath,
    body: createSchemaBody,
    response: noContent(),
    successStatus: 200,
    defaultErrorCode: DB_CODES.parameter,
    notes:
      'Up to 20 schemas in one database per call. Refused while the instance is being created, resized, frozen or abnormal.',
  }),
  grantDbPrivilege: defineOperation({
    id: 'grantDbPrivilege',
    section: '4.9.4',
    title: 'Grant database privileges',
    titleZh: '授权数据库账号',
    area: 'databases',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/db-privilege',
    pathParams: instancePath,
    body: grantDbPrivilegeBody,
    response: noContent(),
    successStatus: 200,
    defaultErrorCode: DB_CODES.parameter,
    notes:
      'Up to 50 users per call; one schema cannot be granted by two calls at once. Refused while the instance is being created, resized, frozen or abnormal.',
  }),
  resetDbUserPassword: defineOperation({
    id: 'resetDbUserPassword',
    section: '4.9.5',
    title: 'Reset database user password',
    titleZh: '重置数据库账号密码',
    area: 'databases',
    method: 'PUT',
    path: '/v3/{project_id}/instances/{instance_id}/db-user/password',
    pathParams: instancePath,
    body: resetDbUserPasswordBody,
    response: noContent(),
    successStatus: 200,
    idempotent: true,
    defaultErrorCode: DB_CODES.parameter,
    notes: 'One user per call. Refused while the instance is being created, resized, frozen or abnormal.',
  }),
  listDatabases: defineOperation({
    id: 'listDatabases',
    section: '4.9.6',
    title: 'List databases',
    titleZh: '查询数据库列表',
    area: 'databases',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/databases',
    pathParams: instancePath,
    query: z.strictObject(pageQuery()),
    response: obj({ databases: list(databaseSchema), total_count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'page', itemsKey: 'databases', totalKey: 'total_count', maxLimit: 100 },
  }),
  listDbUsers: defineOperation({
    id: 'listDbUsers',
    section: '4.9.7',
    title: 'List database users',
    titleZh: '查询数据库用户列表',
    area: 'databases',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/db-users',
    pathParams: instancePath,
    query: z.strictObject(pageQuery()),
    response: dbUserListSchema,
    successStatus: 200,
    paging: { kind: 'page', itemsKey: 'users', totalKey: 'total_count', maxLimit: 100 },
  }),
  listSchemas: defineOperation({
    id: 'listSchemas',
    section: '4.9.8',
    title: 'List schemas',
    titleZh: '查询数据库 SCHEMA 列表',
    area: 'databases',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/schemas',
    pathParams: instancePath,
    query: z.strictObject({ db_name: databaseName('db_name'), ...pageQuery() }),
    response: schemaListSchema,
    successStatus: 200,
    paging: { kind: 'page', itemsKey: 'database_schemas', totalKey: 'total_count', maxLimit: 100 },
    notes: 'Refused while the instance is abnormal or frozen.',
  }),
  startDatabase: defineOperation({
    id: 'startDatabase',
    section: '4.9.9',
    title: 'Start database service',
    titleZh: '启动数据库服务',
    area: 'databases',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/db-startup',
    pathParams: instancePath,
    body: nodeIdsBody,
    response: jobStarted(),
    successStatus: 202,
    job: { names: ['StartGaussDBV5Nodes'], nameIsExtension: true },
    matchesBody: isStartBody,
    sharesRouteWith: '4.4.18',
    defaultErrorCode: DB_CODES.parameter,
    notes: 'Same method, path and body as 4.4.18 startNodes (D.8): one operation with two sections.',
  }),
} as const;
