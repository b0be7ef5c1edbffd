import { createHash } from 'node:crypto';
import type { DbScope, DbUserDoc, RoleAttributes } from './model';
import { userId } from './model';

/**
 * What every GaussDB instance (and every tenant) has from the start. These are not stored: they exist by
 * definition, so an instance created by any area already has them.
 * - databases `postgres`, `template0`, `template1` (tenants add `templatea`, `templatem`, `template_pdb`);
 * - the platform's accounts `rdsAdmin`, `rdsMetric`, `rdsBackup`, `rdsRepl`, hidden from the user list;
 * - `root`, the customer's administrator, listed first (4.9.7 example) and stored once its password is reset;
 * - schemas `public` and `information_schema` in every database, hidden from the schema list as the
 *   reference's examples show only user schemas.
 */
export const SYSTEM_ACCOUNTS = ['rdsAdmin', 'rdsMetric', 'rdsBackup', 'rdsRepl'] as const;
export const BUILTIN_SCHEMAS = ['public', 'information_schema'] as const;

/** root's role memberships as the 4.9.7 / 4.10.12 examples print them. */
export const ROOT_MEMBEROF = [
  'gs_role_copy_files',
  'gs_role_signal_backend',
  'gs_role_tablespace',
  'gs_role_replication',
  'gs_role_account_lock',
];
export const TENANT_ROOT_MEMBEROF = [...ROOT_MEMBEROF, 'gs_role_pldebugger'];

export const ROOT_ATTRIBUTES: RoleAttributes = {
  rolsuper: false,
  rolinherit: true,
  rolcreaterole: true,
  rolcreatedb: true,
  rolcanlogin: true,
  rolconnlimit: -1,
  rolreplication: false,
  rolbypassrls: false,
};

/** A user created through the API: may log in; a tenant user also may create roles and schemas unless login-only. */
export function createdUserAttributes(options: { mayCreate: boolean }): RoleAttributes {
  return { ...ROOT_ATTRIBUTES, rolcreaterole: options.mayCreate, rolcreatedb: options.mayCreate };
}

/** A name the platform owns, compared without regard to case so `ROOT` or `rdsadmin` cannot be created either. */
export function isBuiltinAccountName(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'root' || SYSTEM_ACCOUNTS.some((a) => a.toLowerCase() === n);
}

export function isSystemAccount(name: string): boolean {
  return (SYSTEM_ACCOUNTS as readonly string[]).includes(name);
}

/** The root account of a scope before anything was stored for it (its password is the instance's own). */
export function virtualRoot(scope: DbScope, createdAt: number): DbUserDoc {
  return {
    id: userId(scope, 'root'),
    project_id: scope.projectId,
    instance_id: scope.instanceId,
    pdb_id: scope.pdbId,
    name: 'root',
    password_hash: null,
    builtin: true,
    attributes: { ...ROOT_ATTRIBUTES },
    memberof: scope.pdbId ? [...TENANT_ROOT_MEMBEROF] : [...ROOT_MEMBEROF],
    locked: false,
    grants: [],
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** Passwords are kept only as a salted digest: enough to refuse "same as the old one" (PDB-9). */
export function passwordDigest(id: string, password: string): string {
  return createHash('sha256').update(`${id}\u0000${password}`).digest('hex');
}
