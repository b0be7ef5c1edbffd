import type { Instance } from '@gaussdb-console/api-client/browser';
import { keepPreviousData, queryOptions, type UseQueryOptions } from '@tanstack/react-query';
import { allItems, callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';
import type { ListInstancesQuery } from './list-query';

export type { ListInstancesQuery };

/** 4.4.4: one page of the project's instances. */
export const instancesQuery = (project: string, query: ListInstancesQuery) =>
  queryOptions({
    queryKey: instanceKeys.list(project, query),
    queryFn: ({ signal }) => callOperation('listInstances', project, { query }, signal),
    placeholderData: keepPreviousData,
  });

/**
 * One page of the instances in one status: 4.4.4 cannot filter by status, so every page matching the other
 * filters is read and the status applied here (a dashboard figure links to exactly what it counts).
 */
export const instancesInStatusQuery = (project: string, query: ListInstancesQuery, status: string) =>
  queryOptions({
    queryKey: instanceKeys.list(project, { ...query, status }),
    queryFn: async ({ signal }) => {
      const { offset, limit, ...rest } = query as ListInstancesQuery & { offset?: number; limit?: number };
      const from = offset ?? 0;
      const all = (await allItems('listInstances', project, { query: rest }, signal)).filter(
        (i) => i.status === status,
      );
      return { instances: all.slice(from, from + (limit ?? 20)), total_count: all.length };
    },
    placeholderData: keepPreviousData,
  });

export const useInstances = (project: string, query: ListInstancesQuery, status = '') =>
  usePermittedQuery<{ instances: Instance[]; total_count?: number | null }>(
    'listInstances',
    (status
      ? instancesInStatusQuery(project, query, status)
      : instancesQuery(project, query)) as UseQueryOptions<{
      instances: Instance[];
      total_count?: number | null;
    }>,
  );
