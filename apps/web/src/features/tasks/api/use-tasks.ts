import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { taskKeys } from './task-keys';

export type ListTasksQuery = NonNullable<OpInput<'listTasks'>['query']>;

/** 4.12.1: one page of the project's tasks, optionally refreshed on an interval (the wall). */
export const tasksQuery = (project: string, query: ListTasksQuery, refetchMs?: number) =>
  queryOptions({
    queryKey: taskKeys.list(project, query),
    queryFn: ({ signal }) => callOperation('listTasks', project, { query }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refetchMs,
  });

export const useTasks = (project: string, query: ListTasksQuery, refetchMs?: number) =>
  usePermittedQuery('listTasks', tasksQuery(project, query, refetchMs));

/** 4.12.3: removes a finished task from the list. */
export function useDeleteJob(project: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => callOperation('deleteJob', project, { path: { job_id: jobId } }),
    onSettled: () => qc.invalidateQueries({ queryKey: taskKeys.all(project) }),
  });
}
