import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from './operations';
import { usePermitted } from './policy';
import { jobKeys } from './job-keys';

export { jobKeys, useLiveJobs, type LiveJobs } from './job-keys';

/** While a job runs, its detail is read again this often (the live stream usually gets there first). */
export const RUNNING_JOB_REFRESH_MS = 3000;

export const jobQuery = (project: string, id: string) =>
  queryOptions({
    queryKey: jobKeys.job(project, id),
    queryFn: ({ signal }) => callOperation('getJob', project, { query: { id } }, signal),
    refetchInterval: (q) => (q.state.data?.job?.status === 'Running' ? RUNNING_JOB_REFRESH_MS : false),
  });

/** One job by id (4.12.2), refreshed until it ends; idle without an id or without the right to read jobs. */
export function useJob(project: string, id: string | undefined) {
  const permitted = usePermitted(['getJob']);
  return useQuery({ ...jobQuery(project, id ?? ''), enabled: permitted && !!id });
}
