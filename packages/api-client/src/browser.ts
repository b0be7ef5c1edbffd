/**
 * The browser's entry of the contract: descriptors, schemas, rules, error codes, the console's routes and
 * the paging helper, without the transport's Node-only parts (the AK/SK signer and the IAM token provider
 * use node:crypto, and a browser never holds an upstream credential).
 */
export * from './operations/index';
export * from './schema/tolerant';
export * from './schema/rules';
export { RESERVED_TENANT_SCHEMA_NAMES, SYSTEM_USERS_AND_ROOT } from './schema/rules-databases';
export { TENANT_ENCODINGS } from './schema/rules-tenants';
export * from './schema/error-codes';
export * from './bff-routes';
export * from './console/index';
export { paginate, type PaginateOptions, type PageItem } from './helpers/paginate';
export type { GaussDbClientCore, OperationRegistry, CallOptions, ClientInput } from './client';
export * from './operations/instances';
export * from './operations/instance-ops';
export * from './operations/upgrade';
export * from './operations/flavors';
export * from './operations/storage';
export * from './operations/parameters';
export * from './operations/backups';
export * from './operations/logs';
export * from './operations/databases';
export * from './operations/tenants';
export * from './operations/tags';
export * from './operations/tasks';
export * from './operations/recycle-bin';
export * from './operations/legacy';
