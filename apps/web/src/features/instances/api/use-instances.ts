import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
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

export const useInstances = (project: string, query: ListInstancesQuery) =>
  usePermittedQuery('listInstances', instancesQuery(project, query));
