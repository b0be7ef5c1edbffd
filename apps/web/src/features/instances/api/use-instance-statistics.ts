import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';

/**
 * 4.4.22: instance counts by status. Under the area's key, so the live stream's instance events (which
 * invalidate `instanceKeys.all`) refresh it with the list.
 */
export const instanceStatisticsQuery = (project: string) =>
  queryOptions({
    queryKey: instanceKeys.statistics(project),
    queryFn: ({ signal }) => callOperation('getInstanceStatistics', project, {}, signal),
  });

export const useInstanceStatistics = (project: string) =>
  usePermittedQuery('getInstanceStatistics', instanceStatisticsQuery(project));
