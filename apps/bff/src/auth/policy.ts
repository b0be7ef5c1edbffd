import type { OperationDescriptor } from '@gaussdb-console/api-client';
import { operationList, type TenantScopeName } from '@gaussdb-console/api-client';
import { ROLES, type Role } from './roles';

/**
 * Who may call which operation. Pure data and functions over operation descriptors, so the BFF enforces
 * it, the web reads it (GET /api/v1/policy) to hide what a user cannot do, and tests read it as a table.
 */

/** The parts of a descriptor the policy looks at. */
export type PolicySubject = Pick<OperationDescriptor, 'id' | 'method' | 'destructive'>;

/** Operators may not run these even when the descriptor does not mark them destructive. */
export const OPERATOR_DENIED: ReadonlySet<string> = new Set([
  'deleteInstance',
  'deleteManualBackup',
  'deleteParameterTemplate',
  'deleteTenant',
  'stopNodes',
  'restoreToNewInstance',
  'restoreToExistingInstance',
  'switchToLoggerReplica',
  'switchToStandbyReplica',
  'upgradeInstance',
]);

/**
 * Reads the API performs with POST (a body carries the filter or the values to check). They change
 * nothing, so viewers may run them like a GET.
 */
export const READS_BY_POST: ReadonlySet<string> = new Set([
  'listTenants',
  'compareParameterTemplates',
  'checkWeakPassword',
]);

/**
 * How far a tenant user's access reaches per operation:
 * - `own-tenant`: the request's instance_id + pdb_id must be one of the user's grants;
 * - `own-tenants-list`: allowed on a granted instance, and the route must drop every other tenant from the result;
 * - `own-instance-name-status`: the route must return only the granted instances, with name and status only;
 * - `own-instance-remaining-disk`: allowed on a granted instance, and the route must answer only the disk the
 *   instance has left for tenants (the owner's disk gauge), nothing of the flavors offered to new tenants.
 */
export type TenantScope = TenantScopeName;

export const TENANT_OPERATIONS: Readonly<Record<string, TenantScope>> = {
  listTenants: 'own-tenants-list',
  getTenantParameters: 'own-tenant',
  modifyTenantParameters: 'own-tenant',
  listTenantDbUsers: 'own-tenant',
  createTenantDbUser: 'own-tenant',
  resetTenantDbUserPassword: 'own-tenant',
  listTenantSchemas: 'own-tenant',
  createTenantSchema: 'own-tenant',
  grantTenantDbPrivilege: 'own-tenant',
  listInstances: 'own-instance-name-status',
  listTenantFlavors: 'own-instance-remaining-disk',
};

export function isReadOnly(op: PolicySubject): boolean {
  return op.method === 'GET' || READS_BY_POST.has(op.id);
}

export function canPerform(role: Role, op: PolicySubject): boolean {
  switch (role) {
    case 'admin':
      return true;
    case 'operator':
      return !op.destructive && !OPERATOR_DENIED.has(op.id);
    case 'viewer':
      return isReadOnly(op);
    case 'tenant':
      return Object.hasOwn(TENANT_OPERATIONS, op.id);
    default:
      return false;
  }
}

/** The scope rule a tenant user's call of this operation is subject to (undefined: not allowed at all). */
export function tenantScopeOf(opId: string): TenantScope | undefined {
  return Object.hasOwn(TENANT_OPERATIONS, opId) ? TENANT_OPERATIONS[opId] : undefined;
}

/** Per operation id, the roles allowed to call it. */
export function policyTable(ops: readonly PolicySubject[] = operationList): Record<string, Role[]> {
  const table: Record<string, Role[]> = {};
  for (const op of ops) table[op.id] = ROLES.filter((r) => canPerform(r, op));
  return table;
}
