import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/lib/operations';
import { taskKeys } from './task-keys';

export type ListTasksQuery = NonNullable<OpInput<'listTasks'>['query']>;

export const tasksQuery = (project: string, query: ListTasksQuery, refetchMs?: number) =>
  queryOptions({
    queryKey: taskKeys.list(project, query),
    queryFn: ({ signal }) => callOperation('listTasks', project, { query }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refetchMs,
  });

export const useTasks = (project: string, query: ListTasksQuery, refetchMs?: number) => useQuery(tasksQuery(project, query, refetchMs));
