import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../shared/lib/operations';
import { instanceKeys } from './instance-keys';

/**
 * 4.4.22: instance counts by status. Under the area's key, so the live stream's instance events (which
 * invalidate `instanceKeys.all`) refresh it with the list.
 */
export const instanceStatisticsQuery = (project: string) =>
  queryOptions({
    queryKey: [...instanceKeys.all(project), 'statistics'] as const,
    queryFn: ({ signal }) => callOperation('getInstanceStatistics', project, {}, signal),
  });

export const useInstanceStatistics = (project: string) => useQuery(instanceStatisticsQuery(project));
