/**
 * Rules of the databases/tenants area that the contract defines but does not re-export from its package entry
 * point (the rule files are imported by the descriptors only). One import site, so switching to the package
 * export later is a one-line change.
 */
export { DB_CODES } from '../../../../../packages/api-client/src/schema/rules-databases';
export { TENANT_CODES } from '../../../../../packages/api-client/src/schema/rules-tenants';
