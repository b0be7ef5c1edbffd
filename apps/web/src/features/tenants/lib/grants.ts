import type { ConsoleSession } from '@gaussdb-console/api-client/browser';

/**
 * Whether the signed-in user may look at this tenant: every DBA role may; a tenant owner only at a tenant
 * they hold. Pages ask this before they fetch anything for the address.
 */
export function mayOpenTenant(
  session: ConsoleSession | null | undefined,
  instanceId: string,
  pdbId: string,
): boolean {
  if (!session) return false;
  if (session.role !== 'tenant') return true;
  return (session.tenants ?? []).some((g) => g.instance_id === instanceId && g.pdb_id === pdbId);
}

export const tenantPath = (project: string, instanceId: string, pdbId: string) =>
  `/p/${encodeURIComponent(project)}/tenants/${encodeURIComponent(instanceId)}/${encodeURIComponent(pdbId)}`;

export const myTenantsPath = (project: string) => `/p/${encodeURIComponent(project)}/my-tenants`;
