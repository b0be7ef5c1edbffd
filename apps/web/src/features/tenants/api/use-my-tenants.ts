import type { Tenant, TenantGrantView } from '@gaussdb-console/api-client/browser';
import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { useSession } from '../../../shared/api/session';
import { BffError } from '../../../shared/lib/bff';
import { tenantKeys } from './tenant-keys';
import { refreshWhileBusy } from './tenant-status';

/** A tenant the signed-in owner holds, with the name and status of the instance that hosts it. */
export interface HeldTenant {
  grant: TenantGrantView;
  instance: { id: string; name: string | undefined; status: string | undefined };
  /** Undefined when the instance no longer lists it (deleted since it was granted). */
  tenant: Tenant | undefined;
  /** The instance is not in this project (grants name instances, not projects): the tenant is held elsewhere. */
  elsewhere: boolean;
}

/**
 * The service's answer (DBS.200002) for an instance it does not know in this project. A grant names an
 * instance, not its project, so for an instance the owner holds a tenant on it means "held in another project".
 */
export const notInThisProject = (e: unknown): boolean => e instanceof BffError && e.code === 'DBS.200002';

/**
 * The owner's tenants, read only where their grants point: one 4.10.5 per granted instance (the BFF keeps
 * their tenants alone) and their instances' names (4.4.4, which the BFF cuts to id, name and status).
 */
export const myTenantsQuery = (project: string, grants: readonly TenantGrantView[]) =>
  queryOptions({
    queryKey: tenantKeys.mine(project, grants),
    queryFn: async ({ signal }): Promise<HeldTenant[]> => {
      const instanceIds = [...new Set(grants.map((g) => g.instance_id))];
      const [instances, ...lists] = await Promise.all([
        callOperation('listInstances', project, { query: { limit: 100 } }, signal),
        ...instanceIds.map((id) =>
          callOperation(
            'listTenants',
            project,
            { path: { instance_id: id }, body: { offset: 0, limit: 100 } },
            signal,
          ).catch((e: unknown) => {
            // One grant in another project does not hide the others.
            if (notInThisProject(e)) return undefined;
            throw e;
          }),
        ),
      ]);
      const byInstance = new Map(instanceIds.map((id, i) => [id, lists[i]]));
      return grants.map((grant) => {
        const inst = instances.instances.find((i) => i.id === grant.instance_id);
        return {
          grant,
          instance: {
            id: grant.instance_id,
            name: inst?.name ?? undefined,
            status: inst?.status ?? undefined,
          },
          tenant: byInstance.get(grant.instance_id)?.pdb_infos.find((t) => t.id === grant.pdb_id),
          elsewhere: !inst && byInstance.get(grant.instance_id) === undefined,
        };
      });
    },
    refetchInterval: (q) => refreshWhileBusy(q.state.data?.flatMap((h) => (h.tenant ? [h.tenant] : []))),
  });

/** For the tenant role only; the grants come from the session, so nothing outside them is asked for. */
export function useMyTenants(project: string) {
  const session = useSession().data;
  const grants = session?.role === 'tenant' ? (session.tenants ?? []) : [];
  return usePermittedQuery(['listTenants', 'listInstances'], {
    ...myTenantsQuery(project, grants),
    enabled: session?.role === 'tenant' && grants.length > 0,
  });
}
