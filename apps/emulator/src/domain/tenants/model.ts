import { ApiError } from '../../http/errors';
import type { EmulatorRuntime } from '../../runtime';
import { defineCollection } from '../../store/collection';
import { SERVER_CODES } from '../databases/codes';
import type { InstanceDoc } from '../instance-model';

/**
 * Tenants (PDBs) of multi-tenant instances.
 *
 * Which instances are multi-tenant: a centralized instance becomes a container (CDB) when it is marked in the
 * `multi_tenancy` collection, by the demo seed or by `enableMultiTenancy` (the hook an "advanced feature" or an
 * admin call can use). Every tenant call on any other instance answers 400 DBS.06014011 ("The current edition
 * type does not support multitenancy"), which also tells a console which instances host tenants.
 *
 * Tenant statuses (the reference shows only `normal`): `creating`, `normal`, `modifying` (resize, disk,
 * parameters), `deleting`, `createfail`.
 */
export type TenantStatus = 'creating' | 'normal' | 'modifying' | 'deleting' | 'createfail';

export interface TenantDoc {
  id: string;
  project_id: string;
  instance_id: string;
  name: string;
  status: TenantStatus;
  cpu: number;
  /** GB */
  mem: number;
  /** GB */
  disk: number;
  /** Logical tenant id, 1–4095, unique in the instance. */
  oid: number;
  config_id: string;
  encoding: string;
  lc_collate: string;
  lc_ctype: string;
  /** Parameter values set on this tenant (4.10.6), by prefixed name; the rest keep the template's default. */
  parameters: Record<string, string>;
  created_at: number;
  updated_at: number;
  /** The tenant job in progress. */
  pending: { action: 'create' | 'delete' | 'resize' | 'enlarge' | 'parameters'; job_id: string } | null;
}

export const tenantsCollection = defineCollection<TenantDoc>({
  name: 'tenants',
  columns: {
    instance_id: { type: 'TEXT', get: (t) => t.instance_id },
    name: { type: 'TEXT', get: (t) => t.name },
    created_at: { type: 'INTEGER', get: (t) => t.created_at },
  },
});

/** A multi-tenant instance (id = the instance id). */
export interface TenancyDoc {
  id: string;
  project_id: string;
  enabled_at: number;
}

export const tenancyCollection = defineCollection<TenancyDoc>({ name: 'multi_tenancy', columns: {} });

export const tenants = (rt: EmulatorRuntime) => rt.store.collection(tenantsCollection);

export function isMultiTenant(rt: EmulatorRuntime, inst: InstanceDoc): boolean {
  return rt.store.collection(tenancyCollection).get(inst.project_id, inst.id) !== undefined;
}

/** Makes a centralized instance a tenant container. Distributed instances cannot host tenants. */
export function enableMultiTenancy(rt: EmulatorRuntime, inst: InstanceDoc, at: number): void {
  if (inst.mode !== 'centralization_standard') {
    throw new ApiError(
      400,
      SERVER_CODES.notMultiTenant,
      `Only centralized instances can host tenants; ${inst.name} is ${inst.mode}.`,
    );
  }
  rt.store.collection(tenancyCollection).put({ id: inst.id, project_id: inst.project_id, enabled_at: at });
}

export function requireMultiTenant(rt: EmulatorRuntime, inst: InstanceDoc): void {
  if (!isMultiTenant(rt, inst)) {
    throw new ApiError(
      400,
      SERVER_CODES.notMultiTenant,
      `The DB instance ${inst.name} is not a multi-tenant instance; it has no tenants.`,
    );
  }
}

export function tenantsOf(rt: EmulatorRuntime, inst: InstanceDoc): TenantDoc[] {
  return tenants(rt).all({
    projectId: inst.project_id,
    where: [{ col: 'instance_id', op: '=', value: inst.id }],
    orderBy: [{ col: 'created_at' }],
  });
}

export function getTenantOr404(rt: EmulatorRuntime, inst: InstanceDoc, pdbId: string): TenantDoc {
  const t = tenants(rt).get(inst.project_id, pdbId);
  if (!t || t.instance_id !== inst.id) {
    throw new ApiError(
      404,
      SERVER_CODES.objectMissing,
      `The tenant ${pdbId} does not exist in DB instance ${inst.id}.`,
    );
  }
  return t;
}

/** A tenant that is being created, changed or deleted refuses other work; a failed one only accepts deletion. */
export function assertTenantReady(t: TenantDoc, action: string): void {
  if (t.status === 'normal' && !t.pending) return;
  if (t.status === 'createfail')
    throw new ApiError(
      400,
      'DBS.200086',
      `The tenant ${t.name} failed to be created; ${action} is not allowed (delete it instead).`,
    );
  throw new ApiError(
    409,
    'DBS.200011',
    `The tenant ${t.name} is ${t.status} (another operation is in progress); ${action} is not possible now.`,
  );
}
