import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callOperation } from '../../../shared/lib/operations';
import { taskKeys } from './task-keys';

export const jobQuery = (project: string, id: string) =>
  queryOptions({
    queryKey: taskKeys.job(project, id),
    queryFn: ({ signal }) => callOperation('getJob', project, { query: { id } }, signal),
    // A running job is refreshed until it ends (the live stream also invalidates it).
    refetchInterval: (q) => (q.state.data?.job?.status === 'Running' ? 5000 : false),
  });

export const useJob = (project: string, id: string | undefined) => useQuery({ ...jobQuery(project, id ?? ''), enabled: !!id });

export function useDeleteJob(project: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => callOperation('deleteJob', project, { path: { job_id: jobId } }),
    onSettled: () => qc.invalidateQueries({ queryKey: taskKeys.all(project) }),
  });
}
