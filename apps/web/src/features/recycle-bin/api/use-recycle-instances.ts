import type { RecycleInstance } from '@gaussdb-console/api-client/browser';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { recycleKeys } from './recycle-keys';

export type ListRecycleQuery = NonNullable<OpInput<'listRecycleInstances'>['query']>;
export type { RecycleInstance };

/** While a final backup is still being taken, the bin is read again this often. */
export const RUNNING_REFRESH_MS = 10_000;

/** 4.13.3: one page of the deleted instances waiting in the recycle bin (at most 50 a page). */
export const recycleInstancesQuery = (project: string, query: ListRecycleQuery) =>
  queryOptions({
    queryKey: recycleKeys.list(project, query),
    queryFn: ({ signal }) => callOperation('listRecycleInstances', project, { query }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.instances.some((i) => (i.recycle_status ?? i.recycle_statuses) === 'Running')
        ? RUNNING_REFRESH_MS
        : false,
  });

export const useRecycleInstances = (project: string, query: ListRecycleQuery) =>
  usePermittedQuery('listRecycleInstances', recycleInstancesQuery(project, query));
