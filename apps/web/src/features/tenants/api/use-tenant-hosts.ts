import { consoleRoutes, tenantHosts } from '@gaussdb-console/api-client/browser';
import { queryOptions } from '@tanstack/react-query';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { useSession } from '../../../shared/api/session';
import { bffParsed } from '../../../shared/lib/bff';
import { tenantKeys } from './tenant-keys';
import { refreshWhileBusy } from './tenant-status';

/** Every multi-tenant instance of the project with its tenants (the console's composite over 4.10.5). */
export const tenantHostsQuery = (project: string) =>
  queryOptions({
    queryKey: tenantKeys.hosts(project),
    queryFn: ({ signal }) =>
      bffParsed(() => tenantHosts, 'GET', consoleRoutes.tenantHosts(project), undefined, signal),
    refetchInterval: (q) => refreshWhileBusy(q.state.data?.hosts.flatMap((h) => h.tenants)),
  });

/**
 * For the DBA roles: tenant owners read their tenants from their grants (the composite is not theirs, and
 * the BFF refuses it), so for them nothing is fetched.
 */
export function useTenantHosts(project: string, enabled = true) {
  const role = useSession().data?.role;
  return usePermittedQuery(['listInstances', 'listTenants'], {
    ...tenantHostsQuery(project),
    enabled: enabled && !!role && role !== 'tenant',
  });
}
