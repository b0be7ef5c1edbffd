import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/lib/operations';
import { instanceKeys } from './instance-keys';

export type ListInstancesQuery = NonNullable<OpInput<'listInstances'>['query']>;

export const instancesQuery = (project: string, query: ListInstancesQuery) =>
  queryOptions({
    queryKey: instanceKeys.list(project, query),
    queryFn: ({ signal }) => callOperation('listInstances', project, { query }, signal),
    placeholderData: keepPreviousData,
  });

export const useInstances = (project: string, query: ListInstancesQuery) => useQuery(instancesQuery(project, query));
