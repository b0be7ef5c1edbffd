import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { tenantKeys } from './tenant-keys';
import { refreshWhileBusy } from './tenant-status';

export interface TenantListQuery {
  /** 4.10.5 pages by page number (D.39). */
  page: number;
  limit: number;
  name?: string;
  id?: string;
}

/** 4.10.5: one page of an instance's tenants (for a tenant owner, the BFF keeps only theirs). */
export const tenantsQuery = (project: string, instanceId: string, q: TenantListQuery) =>
  queryOptions({
    queryKey: tenantKeys.list(project, instanceId, q),
    queryFn: ({ signal }) =>
      callOperation(
        'listTenants',
        project,
        {
          path: { instance_id: instanceId },
          body: {
            offset: q.page,
            limit: q.limit,
            ...(q.name ? { name: q.name } : {}),
            ...(q.id ? { id: q.id } : {}),
          },
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => refreshWhileBusy(query.state.data?.pdb_infos),
  });

export const useTenants = (project: string, instanceId: string, q: TenantListQuery, enabled = true) =>
  usePermittedQuery('listTenants', { ...tenantsQuery(project, instanceId, q), enabled });

/** One tenant by id (4.10.5 filtered by `id`): the tenant page's header. */
export const useTenant = (project: string, instanceId: string, pdbId: string, enabled = true) =>
  usePermittedQuery('listTenants', {
    ...tenantsQuery(project, instanceId, { page: 0, limit: 1, id: pdbId }),
    select: (r) => r.pdb_infos.find((t) => t.id === pdbId) ?? null,
    enabled,
  });
