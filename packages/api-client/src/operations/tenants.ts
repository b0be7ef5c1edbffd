import { z } from 'zod';
import { defineOperation } from './define';
import { int, list, obj, opt, str } from '../schema/tolerant';
import { pathId, SPECIAL_CHARS, SYSTEM_USERS } from '../schema/rules';
import { withCode } from '../schema/error-codes';
import {
  boundedList,
  DB_CODES,
  dbUserName,
  dbUserPassword,
  passwordNotName,
  requiredBoolean,
  RESERVED_TENANT_SCHEMA_NAMES,
  schemaName,
  SYSTEM_USERS_AND_ROOT,
} from '../schema/rules-databases';
import {
  onlyC,
  TENANT_CODES,
  tenantDiskOnCreate,
  tenantDiskOnEnlarge,
  tenantEncoding,
  tenantFlavorValue,
  tenantName,
  tenantParameterValues,
} from '../schema/rules-tenants';
import { dbUserListSchema, jobStarted, noContent, pageQuery, schemaListSchema } from './databases';
import {
  tenantSchema,
  tenantParameterSchema,
  tenantParameterTemplateSchema,
  tenantFlavorSchema,
} from '../schema/tenant-schemas';
export * from '../schema/tenant-schemas';

// Section 4.10 of the reference: tenants (pluggable databases, PDBs) of a multi-tenant instance (L7261–L8556).

const instancePath = z.strictObject({ instance_id: pathId('instance_id') });
const tenantPath = z.strictObject({ instance_id: pathId('instance_id'), pdb_id: pathId('pdb_id') });

/**
 * Per-tenant resources: the client sends `/pdbs/{pdb_id}/` (every request example does); the URI formats
 * also spell the segment `/pdb/`, `/pdbc/` and `/pddb/` (D.1, PDB-1), which the emulator accepts too.
 */
function tenantRoute(version: 'v3' | 'v3.1', rest: string) {
  const at = (segment: string) =>
    `/${version}/{project_id}/instances/{instance_id}/${segment}/{pdb_id}/${rest}`;
  return { path: at('pdbs'), aliases: [at('pdb'), at('pdbc'), at('pddb')] };
}

// ---- request bodies -------------------------------------------------------------------------------

const tenantId = () => pathId('pdb_id');

const createTenantBody = z
  .strictObject({
    pdb_name: tenantName('pdb_name'),
    pdb_pd_in_db: dbUserPassword('pdb_pd_in_db', SPECIAL_CHARS.tenantRoot, TENANT_CODES.rootPassword),
    cpu: tenantFlavorValue('cpu', 'vCPUs'),
    mem: tenantFlavorValue('mem', 'GB'),
    disk: tenantDiskOnCreate(),
    encoding: tenantEncoding().optional(),
    lc_collate: onlyC('lc_collate').optional(),
    lc_ctype: onlyC('lc_ctype').optional(),
    configuration_id: withCode(pathId('configuration_id'), TENANT_CODES.configurationId),
  })
  .superRefine(passwordNotName('pdb_name', 'pdb_pd_in_db'));

const deleteTenantBody = z.strictObject({ pdb_id: tenantId() });

const resizeTenantBody = z.strictObject({
  pdb_id: tenantId(),
  cpu: tenantFlavorValue('cpu', 'vCPUs'),
  mem: tenantFlavorValue('mem', 'GB'),
});

const enlargeTenantDiskBody = z.strictObject({ pdb_id: tenantId(), disk: tenantDiskOnEnlarge() });

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** 4.10.3 and 4.10.4 share `PUT …/pdb` (D.8): cpu/mem means resize, disk means enlarge; both is neither. */
const isResizeBody = (b: unknown) => isRecord(b) && ('cpu' in b || 'mem' in b) && !('disk' in b);
const isEnlargeBody = (b: unknown) => isRecord(b) && 'disk' in b && !('cpu' in b) && !('mem' in b);

const bodyInt = (label: string, min: number, max: number | undefined, code: string) => {
  const rule = `${label}: must be an integer ${max === undefined ? `≥ ${min}` : `${min}–${max}`}`;
  const base = z.number({ error: rule }).int({ message: rule }).min(min, { message: rule });
  return withCode(max === undefined ? base : base.max(max, { message: rule }), code);
};

/** 4.10.5 filters and pages in the body: `offset` is a page number (D.39), limit 1–100, default 10. */
const listTenantsBody = z
  .strictObject({
    id: pathId('id').optional(),
    name: withCode(
      z
        .string({ error: 'name: must be a string' })
        .min(1, { message: 'name: 1–63 characters' })
        .max(63, { message: 'name: 1–63 characters' }),
      DB_CODES.parameter,
    ).optional(),
    offset: bodyInt('offset', 0, undefined, 'DBS.280440').default(0),
    limit: bodyInt('limit', 1, 100, 'DBS.280439').default(10),
  })
  .prefault({});

const tenantSchemaName = (label: string) => schemaName(label, RESERVED_TENANT_SCHEMA_NAMES);

const createTenantDbUserBody = z
  .strictObject({
    name: dbUserName('name', SYSTEM_USERS_AND_ROOT),
    password: dbUserPassword('password', SPECIAL_CHARS.tenantUser),
    /** false or absent: login + create-user privilege; true: login only. */
    is_login_only: withCode(
      z.boolean({ error: 'is_login_only: true or false' }),
      DB_CODES.parameter,
    ).optional(),
  })
  .superRefine(passwordNotName('name', 'password'));

const createTenantSchemaBody = z.strictObject({
  schemas: boundedList(
    'schemas',
    z.strictObject({
      name: tenantSchemaName('schemas[].name'),
      /** An existing tenant DB user; the reference reserves no names here (L8164). */
      owner: dbUserName('schemas[].owner', []),
    }),
    20,
  ),
});

const resetTenantDbUserPasswordBody = z
  .strictObject({
    /** root may be reset (the example does, L8449); the system users may not. */
    name: dbUserName('name', SYSTEM_USERS),
    password: dbUserPassword('password', SPECIAL_CHARS.tenantUserReset),
  })
  .superRefine(passwordNotName('name', 'password'));

const grantTenantDbPrivilegeBody = z.strictObject({
  users: boundedList(
    'users',
    z.strictObject({
      name: dbUserName('users[].name', SYSTEM_USERS_AND_ROOT),
      readonly: requiredBoolean('users[].readonly'),
      schema_name: tenantSchemaName('users[].schema_name'),
    }),
    50,
  ),
});

// ---- operations -------------------------------------------------------------------------------------

const tenantHeaders = 'Headers: X-Auth-Token (required), X-Language (zh-cn | en-us, default en-us).';

export const tenantOperations = {
  createTenant: defineOperation({
    id: 'createTenant',
    section: '4.10.1',
    title: 'Create tenant',
    titleZh: '创建租户',
    area: 'tenants',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/pdb',
    pathParams: instancePath,
    body: createTenantBody,
    response: jobStarted(),
    successStatus: 202,
    job: { names: ['CreateGaussDBV5Tenant'], nameIsExtension: true },
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} One tenant per call; the instance must be a multi-tenant container and not being created, resized, abnormal or stopped. cpu/mem must be a pair from listTenantFlavors, disk at most its remaining_disk.`,
  }),
  deleteTenant: defineOperation({
    id: 'deleteTenant',
    section: '4.10.2',
    title: 'Delete tenant',
    titleZh: '删除租户',
    area: 'tenants',
    method: 'DELETE',
    path: '/v3/{project_id}/instances/{instance_id}/pdb',
    pathParams: instancePath,
    body: deleteTenantBody,
    response: jobStarted(),
    successStatus: 202,
    job: { names: ['DeleteGaussDBV5Tenant'], nameIsExtension: true },
    destructive: true,
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} DELETE with a JSON body {pdb_id}. Refused while the instance is abnormal.`,
  }),
  resizeTenant: defineOperation({
    id: 'resizeTenant',
    section: '4.10.3',
    title: 'Resize tenant',
    titleZh: '租户规格变更',
    area: 'tenants',
    method: 'PUT',
    path: '/v3/{project_id}/instances/{instance_id}/pdb',
    pathParams: instancePath,
    body: resizeTenantBody,
    response: jobStarted(),
    successStatus: 202,
    job: { names: ['ResizeGaussDBV5TenantFlavor'], nameIsExtension: true },
    matchesBody: isResizeBody,
    sharesRouteWith: '4.10.4',
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} Shares PUT …/pdb with 4.10.4: a body with cpu/mem and no disk. Refused while the instance is abnormal.`,
  }),
  enlargeTenantDisk: defineOperation({
    id: 'enlargeTenantDisk',
    section: '4.10.4',
    title: 'Enlarge tenant disk quota',
    titleZh: '租户磁盘扩容',
    area: 'tenants',
    method: 'PUT',
    path: '/v3/{project_id}/instances/{instance_id}/pdb',
    pathParams: instancePath,
    body: enlargeTenantDiskBody,
    response: jobStarted(),
    successStatus: 202,
    job: { names: ['EnlargeGaussDBV5TenantVolume'], nameIsExtension: true },
    matchesBody: isEnlargeBody,
    sharesRouteWith: '4.10.3',
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} Shares PUT …/pdb with 4.10.3: a body with disk and no cpu/mem. disk is the new total (never smaller). Refused while the instance is being created, resized or abnormal.`,
  }),
  listTenants: defineOperation({
    id: 'listTenants',
    section: '4.10.5',
    title: 'List tenants',
    titleZh: '查询租户列表',
    area: 'tenants',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/pdb-info',
    pathParams: instancePath,
    body: listTenantsBody,
    response: obj({ pdb_infos: list(tenantSchema), total_count: opt(int()) }),
    successStatus: 200,
    // A read with its filters in a POST body: safe to repeat.
    idempotent: true,
    paging: { kind: 'page', itemsKey: 'pdb_infos', totalKey: 'total_count', maxLimit: 100 },
    notes: `${tenantHeaders} A list sent as POST: offset (a page number) and limit travel in the JSON body, not the query.`,
  }),
  modifyTenantParameters: defineOperation({
    id: 'modifyTenantParameters',
    section: '4.10.6',
    title: 'Modify tenant parameters',
    titleZh: '修改租户的参数',
    area: 'tenants',
    method: 'PUT',
    ...tenantRoute('v3', 'configurations'),
    pathParams: tenantPath,
    body: z.strictObject({ values: tenantParameterValues() }),
    response: jobStarted(),
    successStatus: 202,
    job: { names: ['ModifyGaussDBV5TenantParameters'], nameIsExtension: true },
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} Asynchronous, unlike the instance-level 4.5.3. Refused while the instance is abnormal.`,
  }),
  getTenantParameters: defineOperation({
    id: 'getTenantParameters',
    section: '4.10.7',
    title: 'Get tenant parameters',
    titleZh: '查询租户的参数列表',
    area: 'tenants',
    method: 'GET',
    ...tenantRoute('v3.1', 'configurations'),
    pathParams: tenantPath,
    response: obj({
      created: opt(str()),
      updated: opt(str()),
      datastore_version: opt(str()),
      datastore_name: opt(str()),
      configuration_parameters: list(tenantParameterSchema),
    }),
    successStatus: 200,
    notes: tenantHeaders,
  }),
  listTenantParameterTemplates: defineOperation({
    id: 'listTenantParameterTemplates',
    section: '4.10.8',
    title: 'List tenant parameter templates',
    titleZh: '查询租户参数模板',
    area: 'tenants',
    method: 'GET',
    path: '/v3.1/{project_id}/instances/{instance_id}/pdb/configurations',
    pathParams: instancePath,
    response: obj({ configurations: list(tenantParameterTemplateSchema), count: opt(int()) }),
    successStatus: 200,
    notes: tenantHeaders,
  }),
  listTenantFlavors: defineOperation({
    id: 'listTenantFlavors',
    section: '4.10.9',
    title: 'List available tenant flavors',
    titleZh: '查询创建租户时的可用规格',
    area: 'tenants',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/pdb-flavors',
    pathParams: instancePath,
    response: obj({ pdb_flavors: list(tenantFlavorSchema), remaining_disk: opt(int()) }),
    successStatus: 200,
    notes: `${tenantHeaders} remaining_disk: GB still free for tenant disks.`,
  }),
  createTenantDbUser: defineOperation({
    id: 'createTenantDbUser',
    section: '4.10.10',
    title: 'Create tenant database user',
    titleZh: '为租户创建数据库用户',
    area: 'tenants',
    method: 'POST',
    ...tenantRoute('v3', 'db-user'),
    pathParams: tenantPath,
    body: createTenantDbUserBody,
    response: noContent(),
    successStatus: 200,
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} One user per call. Refused while the instance is being created, resized or abnormal.`,
  }),
  createTenantSchema: defineOperation({
    id: 'createTenantSchema',
    section: '4.10.11',
    title: 'Create tenant schemas',
    titleZh: '为租户创建数据库 SCHEMA',
    area: 'tenants',
    method: 'POST',
    ...tenantRoute('v3', 'schema'),
    pathParams: tenantPath,
    body: createTenantSchemaBody,
    response: noContent(),
    successStatus: 200,
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} Up to 20 schemas per call, owned by existing tenant users. Refused while the instance is being created, resized or abnormal.`,
  }),
  listTenantDbUsers: defineOperation({
    id: 'listTenantDbUsers',
    section: '4.10.12',
    title: 'List tenant database users',
    titleZh: '查询租户的数据库用户',
    area: 'tenants',
    method: 'GET',
    ...tenantRoute('v3', 'db-users'),
    pathParams: tenantPath,
    query: z.strictObject(pageQuery()),
    response: dbUserListSchema,
    successStatus: 200,
    paging: { kind: 'page', itemsKey: 'users', totalKey: 'total_count', maxLimit: 100 },
    notes: tenantHeaders,
  }),
  listTenantSchemas: defineOperation({
    id: 'listTenantSchemas',
    section: '4.10.13',
    title: 'List tenant schemas',
    titleZh: '查询租户的数据库 SCHEMA',
    area: 'tenants',
    method: 'GET',
    ...tenantRoute('v3', 'schemas'),
    pathParams: tenantPath,
    query: z.strictObject(pageQuery()),
    response: schemaListSchema,
    successStatus: 200,
    paging: { kind: 'page', itemsKey: 'database_schemas', totalKey: 'total_count', maxLimit: 100 },
    notes: `${tenantHeaders} Refused while the instance is abnormal.`,
  }),
  resetTenantDbUserPassword: defineOperation({
    id: 'resetTenantDbUserPassword',
    section: '4.10.14',
    title: 'Reset tenant database user password',
    titleZh: '重置租户的数据库用户密码',
    area: 'tenants',
    method: 'PUT',
    ...tenantRoute('v3', 'db-user/password'),
    pathParams: tenantPath,
    body: resetTenantDbUserPasswordBody,
    response: noContent(),
    successStatus: 200,
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} One user per call; the new password must differ from the old one (server-side check, ${DB_CODES.passwordReuse}). Refused while the instance is being created, resized or abnormal.`,
  }),
  grantTenantDbPrivilege: defineOperation({
    id: 'grantTenantDbPrivilege',
    section: '4.10.15',
    title: 'Grant tenant database user privileges',
    titleZh: '授权租户的数据库用户',
    area: 'tenants',
    method: 'POST',
    ...tenantRoute('v3', 'db-privilege'),
    pathParams: tenantPath,
    body: grantTenantDbPrivilegeBody,
    response: noContent(),
    successStatus: 200,
    defaultErrorCode: DB_CODES.parameter,
    notes: `${tenantHeaders} Up to 50 users per call; one schema cannot be granted by two calls at once. Refused while the instance is being created, resized or abnormal.`,
  }),
} as const;
