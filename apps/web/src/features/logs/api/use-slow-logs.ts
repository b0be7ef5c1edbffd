import type { SlowLogDownload } from '@gaussdb-console/api-client/browser';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { logKeys } from './log-keys';

export type { SlowLogDownload };

/** While an export runs the list is read this often; otherwise now and then, so files asked for elsewhere appear. */
export const EXPORTING_REFRESH_MS = 3_000;
export const IDLE_REFRESH_MS = 30_000;

export const isExporting = (d: Pick<SlowLogDownload, 'status'>) =>
  (d.status ?? '').toUpperCase() === 'EXPORTING';

/** 4.8.2: the instance's slow-log files (one per node), refreshed live while any is being prepared. */
export const slowLogsQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: logKeys.slowLogs(project, instanceId),
    queryFn: ({ signal }) =>
      callOperation('listSlowLogDownloads', project, { path: { instance_id: instanceId } }, signal),
    refetchInterval: (q) => (q.state.data?.list.some(isExporting) ? EXPORTING_REFRESH_MS : IDLE_REFRESH_MS),
  });

export const useSlowLogs = (project: string, instanceId: string) =>
  usePermittedQuery('listSlowLogDownloads', slowLogsQuery(project, instanceId));

/**
 * 4.8.1: asks the service to prepare slow-log files (one per node). The first request answers an empty
 * list; the files then appear in 4.8.2 as they are prepared, so the list is read again at once.
 */
export function useRequestSlowLogs(project: string, instanceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => callOperation('createSlowLogDownload', project, { path: { instance_id: instanceId } }),
    onSuccess: (res) => {
      if (res.list.length > 0) qc.setQueryData(logKeys.slowLogs(project, instanceId), res);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: logKeys.slowLogs(project, instanceId) }),
  });
}
