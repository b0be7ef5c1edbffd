import { queryOptions } from '@tanstack/react-query';
import { allItems } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { parameterKeys } from './parameter-keys';

/** 4.5.10, every page: the instances a template fits (same engine version and deployment). */
export const applicableInstancesQuery = (project: string, configId: string) =>
  queryOptions({
    queryKey: parameterKeys.applicable(project, configId),
    queryFn: ({ signal }) =>
      allItems('listApplicableInstances', project, { path: { config_id: configId } }, signal),
  });

export function useApplicableInstances(project: string, configId: string | undefined, enabled = true) {
  return usePermittedQuery('listApplicableInstances', {
    ...applicableInstancesQuery(project, configId ?? ''),
    enabled: enabled && !!configId,
  });
}
