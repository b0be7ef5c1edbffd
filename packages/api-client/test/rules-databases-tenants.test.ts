// Request rules of 4.9 (databases, users, schemas) and 4.10 (tenants): for each validated field a request the
// contract accepts and one it refuses, with the field named in the message and the DBS code the emulator returns.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { databaseOperations } from '../src/operations/databases';
import { tenantOperations } from '../src/operations/tenants';
import { operations } from '../src/operations/index';
import type { OperationDescriptor } from '../src/operations/define';
import { dbsCodeForPath } from '../src/schema/error-codes';

type Part = 'body' | 'query';
interface Case {
  title: string;
  op: OperationDescriptor;
  part?: Part;
  input: unknown;
  /** Omitted: the input is valid. */
  field?: string;
  code?: string;
}

const db = databaseOperations;
const t = tenantOperations;

const user = { name: 'app_user', password: 'Secret#2024x' };
const tenant = {
  pdb_name: 'sales',
  pdb_pd_in_db: 'Tenant-2024x',
  cpu: 1,
  mem: 4,
  disk: '20',
  configuration_id: 'e27188b737f0f79a5ba70e3c0c0732adpr14',
};
const schemas = (name: string, owner = 'app_user') => ({ db_name: 'appdb', schemas: [{ name, owner }] });
const grant = (u: Record<string, unknown>) => ({
  db_name: 'appdb',
  users: [{ name: 'app_user', readonly: true, schema_name: 'sales', ...u }],
});
const tgrant = (u: Record<string, unknown>) => ({
  users: [{ name: 'app_user', readonly: false, schema_name: 'sales', ...u }],
});

const cases: Case[] = [
  // 4.9.1 createDatabase
  {
    title: 'a database with every option',
    op: db.createDatabase,
    input: {
      name: 'gaussdb_test',
      owner: 'root',
      template: 'template0',
      character_set: 'UTF8',
      lc_collate: 'en_US.UTF-8',
      lc_ctype: 'C',
    },
  },
  {
    title: 'a database name starting with a digit',
    op: db.createDatabase,
    input: { name: '1db' },
    field: 'name',
    code: 'DBS.280631',
  },
  {
    title: 'a database name starting with pg (any case)',
    op: db.createDatabase,
    input: { name: 'PG_sales' },
    field: 'name',
    code: 'DBS.280631',
  },
  {
    title: 'a template database name',
    op: db.createDatabase,
    input: { name: 'template1' },
    field: 'name',
    code: 'DBS.280631',
  },
  {
    title: 'a hyphen in a database name',
    op: db.createDatabase,
    input: { name: 'rds-test' },
    field: 'name',
    code: 'DBS.280631',
  },
  {
    title: 'a 64-character database name',
    op: db.createDatabase,
    input: { name: 'd'.repeat(64) },
    field: 'name',
    code: 'DBS.280631',
  },
  { title: 'no database name', op: db.createDatabase, input: {}, field: 'name', code: 'DBS.280631' },
  {
    title: 'a system user as owner',
    op: db.createDatabase,
    input: { name: 'appdb', owner: 'rdsAdmin' },
    field: 'owner',
    code: 'DBS.200062',
  },
  {
    title: 'template1 as template',
    op: db.createDatabase,
    input: { name: 'appdb', template: 'template1' },
    field: 'template',
    code: 'DBS.280653',
  },
  {
    title: 'a character set with spaces',
    op: db.createDatabase,
    input: { name: 'appdb', character_set: 'UTF 8' },
    field: 'character_set',
    code: 'DBS.200001',
  },
  {
    title: 'a collation with a quote',
    op: db.createDatabase,
    input: { name: 'appdb', lc_collate: "C'" },
    field: 'lc_collate',
    code: 'DBS.200001',
  },
  {
    title: 'a ctype that is not a string',
    op: db.createDatabase,
    input: { name: 'appdb', lc_ctype: 1 },
    field: 'lc_ctype',
    code: 'DBS.200001',
  },

  // 4.9.2 createDbUser
  { title: 'a user with a strong password', op: db.createDbUser, input: user },
  {
    title: 'root as a new user',
    op: db.createDbUser,
    input: { ...user, name: 'root' },
    field: 'name',
    code: 'DBS.200062',
  },
  {
    title: 'a system user as a new user',
    op: db.createDbUser,
    input: { ...user, name: 'rdsRepl' },
    field: 'name',
    code: 'DBS.200062',
  },
  {
    title: 'a password of two classes',
    op: db.createDbUser,
    input: { ...user, password: 'abcdefgh12' },
    field: 'password',
    code: 'DBS.200029',
  },
  {
    title: 'a password with "$" (not in 4.9.2\'s set)',
    op: db.createDbUser,
    input: { ...user, password: 'Secret$2024' },
    field: 'password',
    code: 'DBS.200029',
  },
  {
    title: 'a 7-character password',
    op: db.createDbUser,
    input: { ...user, password: 'Ab1#xyz' },
    field: 'password',
    code: 'DBS.200029',
  },
  {
    title: 'a password equal to the name',
    op: db.createDbUser,
    input: { name: 'Admin_2024x', password: 'Admin_2024x' },
    field: 'password',
    code: 'DBS.200029',
  },
  {
    title: 'a password equal to the name reversed, other case',
    op: db.createDbUser,
    input: { name: 'Abc_1234', password: '4321_CBA' },
    field: 'password',
    code: 'DBS.200029',
  },
  {
    title: 'no password',
    op: db.createDbUser,
    input: { name: 'app_user' },
    field: 'password',
    code: 'DBS.200029',
  },

  // 4.9.3 createSchema
  {
    title: 'two schemas',
    op: db.createSchema,
    input: {
      db_name: 'appdb',
      schemas: [
        { name: 'rds', owner: 'root' },
        { name: 'rds001', owner: 'teste123' },
      ],
    },
  },
  {
    title: 'a template database as db_name',
    op: db.createSchema,
    input: { ...schemas('s1'), db_name: 'postgres' },
    field: 'db_name',
    code: 'DBS.280631',
  },
  {
    title: 'public as a schema name',
    op: db.createSchema,
    input: schemas('public'),
    field: 'schemas[].name',
    code: 'DBS.280632',
  },
  {
    title: 'a schema name with a dot',
    op: db.createSchema,
    input: schemas('a.b'),
    field: 'schemas[].name',
    code: 'DBS.280632',
  },
  {
    title: 'a system user as schema owner',
    op: db.createSchema,
    input: schemas('s1', 'rdsBackup'),
    field: 'schemas[].owner',
    code: 'DBS.200062',
  },
  {
    title: 'no schemas',
    op: db.createSchema,
    input: { db_name: 'appdb', schemas: [] },
    field: 'schemas',
    code: 'DBS.200001',
  },
  {
    title: '21 schemas',
    op: db.createSchema,
    input: {
      db_name: 'appdb',
      schemas: Array.from({ length: 21 }, (_, i) => ({ name: `s${i}`, owner: 'u' })),
    },
    field: 'schemas',
    code: 'DBS.200001',
  },

  // 4.9.4 grantDbPrivilege
  { title: 'a read-only grant', op: db.grantDbPrivilege, input: grant({}) },
  {
    title: 'a grant to root',
    op: db.grantDbPrivilege,
    input: grant({ name: 'root' }),
    field: 'users[].name',
    code: 'DBS.200062',
  },
  {
    title: 'a grant without readonly',
    op: db.grantDbPrivilege,
    input: grant({ readonly: undefined }),
    field: 'users[].readonly',
    code: 'DBS.200001',
  },
  {
    title: 'readonly as a string',
    op: db.grantDbPrivilege,
    input: grant({ readonly: 'true' }),
    field: 'users[].readonly',
    code: 'DBS.200001',
  },
  {
    title: 'a grant on information_schema',
    op: db.grantDbPrivilege,
    input: grant({ schema_name: 'information_schema' }),
    field: 'users[].schema_name',
    code: 'DBS.280632',
  },
  {
    title: 'a grant in template0',
    op: db.grantDbPrivilege,
    input: { ...grant({}), db_name: 'template0' },
    field: 'db_name',
    code: 'DBS.280631',
  },
  {
    title: '51 users in one grant',
    op: db.grantDbPrivilege,
    input: {
      db_name: 'appdb',
      users: Array.from({ length: 51 }, (_, i) => ({ name: `u${i}`, readonly: true, schema_name: 's' })),
    },
    field: 'users',
    code: 'DBS.200001',
  },

  // 4.9.5 resetDbUserPassword
  {
    title: 'a reset of root with "/" (in 4.9.5\'s set)',
    op: db.resetDbUserPassword,
    input: { name: 'root', password: 'Root/2024pw' },
  },
  {
    title: 'a reset with "-" (not in 4.9.5\'s set)',
    op: db.resetDbUserPassword,
    input: { name: 'root', password: 'Root-2024pw' },
    field: 'password',
    code: 'DBS.200029',
  },
  {
    title: 'a reset of a system user',
    op: db.resetDbUserPassword,
    input: { name: 'rdsMetric', password: 'Root/2024pw' },
    field: 'name',
    code: 'DBS.200062',
  },
  {
    title: 'a reset to the reversed name',
    op: db.resetDbUserPassword,
    input: { name: 'Pass_word1', password: '1drow_ssaP' },
    field: 'password',
    code: 'DBS.200029',
  },

  // 4.9.6–4.9.8 lists (page paging)
  { title: 'a page of databases', op: db.listDatabases, part: 'query', input: { offset: '1', limit: '100' } },
  {
    title: 'a negative page',
    op: db.listDatabases,
    part: 'query',
    input: { offset: '-1' },
    field: 'offset',
    code: 'DBS.280440',
  },
  {
    title: 'a page of 101 users',
    op: db.listDbUsers,
    part: 'query',
    input: { limit: '101' },
    field: 'limit',
    code: 'DBS.280439',
  },
  { title: 'schemas of a database', op: db.listSchemas, part: 'query', input: { db_name: 'appdb' } },
  {
    title: 'schemas without db_name',
    op: db.listSchemas,
    part: 'query',
    input: {},
    field: 'db_name',
    code: 'DBS.280631',
  },
  {
    title: 'schemas of template1',
    op: db.listSchemas,
    part: 'query',
    input: { db_name: 'template1' },
    field: 'db_name',
    code: 'DBS.280631',
  },

  // 4.9.9 startDatabase
  { title: 'start the whole instance', op: db.startDatabase, input: { node_ids: [] } },
  { title: 'start with node_ids null', op: db.startDatabase, input: { node_ids: null }, field: 'node_ids' },

  // 4.10.1 createTenant
  {
    title: 'a tenant with every option',
    op: t.createTenant,
    input: { ...tenant, encoding: 'GBK', lc_collate: 'C', lc_ctype: 'C' },
  },
  { title: 'a tenant disk sent as a number', op: t.createTenant, input: { ...tenant, disk: 20 } },
  {
    title: 'templatem as tenant name',
    op: t.createTenant,
    input: { ...tenant, pdb_name: 'templatem' },
    field: 'pdb_name',
    code: 'DBS.280631',
  },
  {
    title: 'a tenant name starting with pg',
    op: t.createTenant,
    input: { ...tenant, pdb_name: 'pgsales' },
    field: 'pdb_name',
    code: 'DBS.280631',
  },
  {
    title: 'a tenant root password of two classes',
    op: t.createTenant,
    input: { ...tenant, pdb_pd_in_db: 'tenantpass' },
    field: 'pdb_pd_in_db',
    code: 'DBS.200052',
  },
  {
    title: 'a tenant root password with "/"',
    op: t.createTenant,
    input: { ...tenant, pdb_pd_in_db: 'Tenant/2024' },
    field: 'pdb_pd_in_db',
    code: 'DBS.200052',
  },
  {
    title: 'a tenant root password equal to the reversed name',
    op: t.createTenant,
    input: { ...tenant, pdb_name: 'Sales_2024x', pdb_pd_in_db: 'x4202_selaS' },
    field: 'pdb_pd_in_db',
    code: 'DBS.200052',
  },
  { title: 'zero CPUs', op: t.createTenant, input: { ...tenant, cpu: 0 }, field: 'cpu', code: 'DBS.200054' },
  {
    title: 'memory as a string',
    op: t.createTenant,
    input: { ...tenant, mem: '4' },
    field: 'mem',
    code: 'DBS.200054',
  },
  {
    title: 'a fractional disk',
    op: t.createTenant,
    input: { ...tenant, disk: '20.5' },
    field: 'disk',
    code: 'DBS.200023',
  },
  {
    title: 'a zero disk',
    op: t.createTenant,
    input: { ...tenant, disk: '0' },
    field: 'disk',
    code: 'DBS.200023',
  },
  {
    title: 'a lower-case encoding',
    op: t.createTenant,
    input: { ...tenant, encoding: 'utf8' },
    field: 'encoding',
    code: 'DBS.200001',
  },
  {
    title: 'a collation other than C',
    op: t.createTenant,
    input: { ...tenant, lc_collate: 'en_US.UTF-8' },
    field: 'lc_collate',
    code: 'DBS.200001',
  },
  {
    title: 'a ctype other than C',
    op: t.createTenant,
    input: { ...tenant, lc_ctype: 'POSIX' },
    field: 'lc_ctype',
    code: 'DBS.200001',
  },
  {
    title: 'a tenant without configuration_id',
    op: t.createTenant,
    input: { ...tenant, configuration_id: '' },
    field: 'configuration_id',
    code: 'DBS.200057',
  },

  // 4.10.2–4.10.4
  { title: 'delete a tenant', op: t.deleteTenant, input: { pdb_id: 'cc6fd964d93f4003851dfc29d57d30a5po14' } },
  {
    title: 'delete with a blank pdb_id',
    op: t.deleteTenant,
    input: { pdb_id: ' ' },
    field: 'pdb_id',
    code: 'DBS.280404',
  },
  { title: 'resize a tenant', op: t.resizeTenant, input: { pdb_id: 'p1po14', cpu: 2, mem: 8 } },
  {
    title: 'resize to 1.5 CPUs',
    op: t.resizeTenant,
    input: { pdb_id: 'p1po14', cpu: 1.5, mem: 8 },
    field: 'cpu',
    code: 'DBS.200054',
  },
  {
    title: 'resize without memory',
    op: t.resizeTenant,
    input: { pdb_id: 'p1po14', cpu: 2 },
    field: 'mem',
    code: 'DBS.200054',
  },
  { title: 'enlarge a disk to an integer', op: t.enlargeTenantDisk, input: { pdb_id: 'p1po14', disk: 40 } },
  {
    title: 'enlarge a disk given as a numeric string',
    op: t.enlargeTenantDisk,
    input: { pdb_id: 'p1po14', disk: '40' },
  },
  {
    title: 'enlarge a disk to a negative size',
    op: t.enlargeTenantDisk,
    input: { pdb_id: 'p1po14', disk: -10 },
    field: 'disk',
    code: 'DBS.200023',
  },
  {
    title: 'enlarge a disk to text',
    op: t.enlargeTenantDisk,
    input: { pdb_id: 'p1po14', disk: 'ten' },
    field: 'disk',
    code: 'DBS.200023',
  },

  // 4.10.5 listTenants (paging in the body)
  { title: 'the first page of tenants (no body)', op: t.listTenants, input: undefined },
  {
    title: 'a filtered page of tenants',
    op: t.listTenants,
    input: { name: 'gauss_234', offset: 2, limit: 20 },
  },
  {
    title: 'a page of 101 tenants',
    op: t.listTenants,
    input: { limit: 101 },
    field: 'limit',
    code: 'DBS.280439',
  },
  {
    title: 'a negative tenant page',
    op: t.listTenants,
    input: { offset: -1 },
    field: 'offset',
    code: 'DBS.280440',
  },
  {
    title: 'a tenant name filter of 64 characters',
    op: t.listTenants,
    input: { name: 'n'.repeat(64) },
    field: 'name',
    code: 'DBS.200001',
  },

  // 4.10.6 modifyTenantParameters
  {
    title: 'one tenant parameter',
    op: t.modifyTenantParameters,
    input: { values: { 'dn:audit_system_object': '67121160' } },
  },
  {
    title: 'no tenant parameters',
    op: t.modifyTenantParameters,
    input: { values: {} },
    field: 'values',
    code: 'DBS.212017',
  },
  {
    title: 'a tenant parameter value as a number',
    op: t.modifyTenantParameters,
    input: { values: { 'dn:work_mem': 64 } },
    field: 'values',
    code: 'DBS.212017',
  },

  // 4.10.10 createTenantDbUser
  { title: 'a login-only tenant user', op: t.createTenantDbUser, input: { ...user, is_login_only: true } },
  {
    title: 'root as a new tenant user',
    op: t.createTenantDbUser,
    input: { ...user, name: 'root' },
    field: 'name',
    code: 'DBS.200062',
  },
  {
    title: 'a tenant user password with "&"',
    op: t.createTenantDbUser,
    input: { ...user, password: 'Secret&2024' },
    field: 'password',
    code: 'DBS.200029',
  },
  {
    title: 'is_login_only as a string',
    op: t.createTenantDbUser,
    input: { ...user, is_login_only: 'yes' },
    field: 'is_login_only',
    code: 'DBS.200001',
  },

  // 4.10.11 createTenantSchema
  {
    title: 'tenant schemas',
    op: t.createTenantSchema,
    input: { schemas: [{ name: 'rds', owner: 'teste123' }] },
  },
  {
    title: 'template_pdb as a tenant schema',
    op: t.createTenantSchema,
    input: { schemas: [{ name: 'template_pdb', owner: 'u1' }] },
    field: 'schemas[].name',
    code: 'DBS.280632',
  },
  {
    title: 'a tenant schema owner with a hyphen',
    op: t.createTenantSchema,
    input: { schemas: [{ name: 's1', owner: 'u-1' }] },
    field: 'schemas[].owner',
    code: 'DBS.200062',
  },
  {
    title: 'a db_name in a tenant schema call',
    op: t.createTenantSchema,
    input: { db_name: 'appdb', schemas: [{ name: 's1', owner: 'u1' }] },
    field: 'db_name',
  },

  // 4.10.12/4.10.13 lists
  {
    title: 'a page of tenant users',
    op: t.listTenantDbUsers,
    part: 'query',
    input: { offset: '0', limit: '10' },
  },
  {
    title: 'a page of 0 tenant schemas',
    op: t.listTenantSchemas,
    part: 'query',
    input: { limit: '0' },
    field: 'limit',
    code: 'DBS.280439',
  },

  // 4.10.14 resetTenantDbUserPassword
  {
    title: 'a tenant root reset with "-"',
    op: t.resetTenantDbUserPassword,
    input: { name: 'root', password: 'Root-2024pw' },
  },
  {
    title: 'a tenant reset with "/" (not in 4.10.14\'s set)',
    op: t.resetTenantDbUserPassword,
    input: { name: 'root', password: 'Root/2024pw' },
    field: 'password',
    code: 'DBS.200029',
  },
  {
    title: 'a tenant reset of a system user',
    op: t.resetTenantDbUserPassword,
    input: { name: 'rdsAdmin', password: 'Root-2024pw' },
    field: 'name',
    code: 'DBS.200062',
  },

  // 4.10.15 grantTenantDbPrivilege
  { title: 'a tenant grant', op: t.grantTenantDbPrivilege, input: tgrant({}) },
  {
    title: 'a tenant grant on templatea',
    op: t.grantTenantDbPrivilege,
    input: tgrant({ schema_name: 'templatea' }),
    field: 'users[].schema_name',
    code: 'DBS.280632',
  },
  {
    title: 'a tenant grant to rdsAdmin',
    op: t.grantTenantDbPrivilege,
    input: tgrant({ name: 'rdsAdmin' }),
    field: 'users[].name',
    code: 'DBS.200062',
  },
  {
    title: 'a tenant grant with readonly missing',
    op: t.grantTenantDbPrivilege,
    input: tgrant({ readonly: undefined }),
    field: 'users[].readonly',
    code: 'DBS.200001',
  },
];

const schemaOf = (c: Case): z.ZodType => (c.part === 'query' ? c.op.query : c.op.body);

describe('request rules of databases and tenants', () => {
  it.each(cases.filter((c) => !c.field).map((c) => [c.op.section, c.title, c] as const))(
    '%s accepts %s',
    (_s, _t, c) => {
      const r = schemaOf(c).safeParse(c.input);
      expect(r.success ? 'ok' : JSON.stringify(r.error.issues)).toBe('ok');
    },
  );

  it.each(cases.filter((c) => c.field).map((c) => [c.op.section, c.title, c] as const))(
    '%s refuses %s',
    (_s, _t, c) => {
      const schema = schemaOf(c);
      const r = schema.safeParse(c.input);
      expect(r.success).toBe(false);
      const issue = r.error?.issues[0];
      expect(issue?.message).toContain(c.field);
      if (c.code && issue) expect(dbsCodeForPath(schema, issue.path, 'DBS.200001')).toBe(c.code);
    },
  );
});

describe('password rules that compare fields', () => {
  it('accepts a password that merely contains the user name', () => {
    expect(db.createDbUser.body.safeParse({ name: 'app_user', password: 'app_user#X1' }).success).toBe(true);
  });
  it('reports a password equal to the name on the password field', () => {
    const r = db.createDbUser.body.safeParse({ name: 'Admin_2024x', password: 'ADMIN_2024X' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['password']);
  });
});

describe('defaults and wire forms', () => {
  it('fills page defaults offset 0 and limit 10', () => {
    expect(db.listDatabases.query.parse({})).toEqual({ offset: 0, limit: 10 });
    expect(t.listTenants.body.parse(undefined)).toEqual({ offset: 0, limit: 10 });
  });
  it('sends the create disk as the declared string and the enlarge disk as the declared integer', () => {
    expect(t.createTenant.body.parse({ ...tenant, disk: 30 }).disk).toBe('30');
    expect(t.enlargeTenantDisk.body.parse({ pdb_id: 'p1po14', disk: '30' }).disk).toBe(30);
  });
});

describe('shared routes', () => {
  const bodies = {
    resize: { pdb_id: 'p', cpu: 2, mem: 8 },
    enlarge: { pdb_id: 'p', disk: 40 },
    both: { pdb_id: 'p', cpu: 2, mem: 8, disk: 40 },
  };
  it('tells resize (cpu/mem) from disk enlarge (disk) on PUT …/pdb, and takes neither when both are sent', () => {
    expect([
      t.resizeTenant.matchesBody?.(bodies.resize),
      t.enlargeTenantDisk.matchesBody?.(bodies.resize),
    ]).toEqual([true, false]);
    expect([
      t.resizeTenant.matchesBody?.(bodies.enlarge),
      t.enlargeTenantDisk.matchesBody?.(bodies.enlarge),
    ]).toEqual([false, true]);
    expect([
      t.resizeTenant.matchesBody?.(bodies.both),
      t.enlargeTenantDisk.matchesBody?.(bodies.both),
    ]).toEqual([false, false]);
    expect(t.resizeTenant.sharesRouteWith).toBe('4.10.4');
    expect(t.enlargeTenantDisk.sharesRouteWith).toBe('4.10.3');
  });
  it('treats startDatabase as the same call as startNodes', () => {
    const start = operations.startNodes as OperationDescriptor;
    expect([db.startDatabase.method, db.startDatabase.path]).toEqual([start.method, start.path]);
    expect(db.startDatabase.sharesRouteWith).toBe('4.4.18');
    expect(db.startDatabase.job?.names).toEqual(start.job?.names);
  });
});

describe('tenant paths', () => {
  const perTenant = Object.values(t).filter((o) => o.path.includes('{pdb_id}'));
  it('sends /pdbs/{pdb_id}/ and accepts /pdb/, /pdbc/, /pddb/', () => {
    expect(perTenant.map((o) => o.section).sort()).toEqual([
      '4.10.10',
      '4.10.11',
      '4.10.12',
      '4.10.13',
      '4.10.14',
      '4.10.15',
      '4.10.6',
      '4.10.7',
    ]);
    for (const o of perTenant) {
      expect(o.path).toMatch(/\/pdbs\/\{pdb_id\}\//);
      expect(o.aliases.map((a) => a.split('/')[5]).sort()).toEqual(['pdb', 'pdbc', 'pddb']);
      expect(o.aliases.every((a) => a.replace(/\/(pdb|pdbc|pddb)\//, '/pdbs/') === o.path)).toBe(true);
    }
  });
  it('marks deleting a tenant destructive and never retries it', () => {
    expect([t.deleteTenant.destructive, t.deleteTenant.idempotent]).toEqual([true, false]);
  });
});

describe('database user lists', () => {
  const root = { name: 'root', memberof: '{}' };
  it('reads attribute or attributes and both spellings of the role flags', () => {
    const a = db.listDbUsers.response.parse({
      users: [{ ...root, attribute: { rolcreaterole: true, rolconnlimit: 5 } }],
      total_count: 1,
    });
    const b = t.listTenantDbUsers.response.parse({
      users: [{ ...root, attributes: { rolcreatorole: true, rolconlimit: 5 } }],
      total_count: 1,
    });
    for (const r of [a, b]) {
      const attrs = r.users[0]?.attributes;
      expect([attrs?.rolcreaterole, attrs?.rolcreatorole, attrs?.rolconnlimit, attrs?.rolconlimit]).toEqual([
        true,
        true,
        5,
        5,
      ]);
    }
  });
  it('lifts a total_count found inside the users array to the top level', () => {
    const r = db.listDbUsers.response.parse({ users: [root, { total_count: 7 }] });
    expect([r.users.length, r.total_count]).toEqual([1, 7]);
  });
  it('reads a tenant with numbers where the table declares strings', () => {
    const r = t.listTenants.response.parse({
      pdb_infos: [{ id: 'x', disk: 20, oid: 1111, created: 1715828072692 }],
      total_count: 1,
    });
    expect(r.pdb_infos[0]).toMatchObject({ disk: '20', oid: '1111', created: '1715828072692' });
  });
});
