import { keepPreviousData } from '@tanstack/react-query';
import { allItems, callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { tenantKeys } from './tenant-keys';

export interface TenantRef {
  project: string;
  instanceId: string;
  pdbId: string;
}

const path = (r: TenantRef) => ({ instance_id: r.instanceId, pdb_id: r.pdbId });

/** 4.10.12: one page of the tenant's database users (`offset` counts pages, D.39). */
export const useTenantDbUsers = (r: TenantRef, page: number, limit: number) =>
  usePermittedQuery('listTenantDbUsers', {
    queryKey: tenantKeys.dbUsers(r.project, r.instanceId, r.pdbId, { page, limit }),
    queryFn: ({ signal }) =>
      callOperation(
        'listTenantDbUsers',
        r.project,
        { path: path(r), query: { offset: page, limit } },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/** 4.10.13: one page of the tenant's schemas. */
export const useTenantSchemas = (r: TenantRef, page: number, limit: number) =>
  usePermittedQuery('listTenantSchemas', {
    queryKey: tenantKeys.schemas(r.project, r.instanceId, r.pdbId, { page, limit }),
    queryFn: ({ signal }) =>
      callOperation(
        'listTenantSchemas',
        r.project,
        { path: path(r), query: { offset: page, limit } },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

/** Every user and every schema of the tenant: what the owner and privilege pickers offer. */
export const useTenantObjectNames = (r: TenantRef, enabled: boolean) => {
  const users = usePermittedQuery('listTenantDbUsers', {
    queryKey: tenantKeys.dbUsers(r.project, r.instanceId, r.pdbId, { all: true }),
    queryFn: ({ signal }) => allItems('listTenantDbUsers', r.project, { path: path(r) }, signal),
    enabled,
  });
  const schemas = usePermittedQuery('listTenantSchemas', {
    queryKey: tenantKeys.schemas(r.project, r.instanceId, r.pdbId, { all: true }),
    queryFn: ({ signal }) => allItems('listTenantSchemas', r.project, { path: path(r) }, signal),
    enabled,
  });
  return { users, schemas };
};

/** 4.10.7: the tenant's parameters with their values, ranges and restart flags. */
export const useTenantParameters = (r: TenantRef) =>
  usePermittedQuery('getTenantParameters', {
    queryKey: tenantKeys.parameters(r.project, r.instanceId, r.pdbId),
    queryFn: ({ signal }) => callOperation('getTenantParameters', r.project, { path: path(r) }, signal),
  });
