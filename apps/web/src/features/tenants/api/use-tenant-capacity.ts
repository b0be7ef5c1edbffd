import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { tenantKeys } from './tenant-keys';

/**
 * 4.10.9: the cpu/mem pairs a tenant may have on this instance and the disk still free for tenants. A tenant
 * owner may ask it of an instance holding a tenant of theirs: the BFF then answers the free disk alone (no
 * flavors), which is all their disk gauge reads.
 */
export const useTenantFlavors = (project: string, instanceId: string, enabled = true) =>
  usePermittedQuery('listTenantFlavors', {
    queryKey: tenantKeys.flavors(project, instanceId),
    queryFn: ({ signal }) =>
      callOperation('listTenantFlavors', project, { path: { instance_id: instanceId } }, signal),
    enabled,
  });

/** 4.10.8: the parameter templates a new tenant may start from. */
export const useTenantTemplates = (project: string, instanceId: string, enabled = true) =>
  usePermittedQuery('listTenantParameterTemplates', {
    queryKey: tenantKeys.templates(project, instanceId),
    queryFn: ({ signal }) =>
      callOperation('listTenantParameterTemplates', project, { path: { instance_id: instanceId } }, signal),
    enabled,
  });
