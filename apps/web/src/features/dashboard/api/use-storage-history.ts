import { consoleRoutes, storageHistory } from '@gaussdb-console/api-client/browser';
import { queryOptions } from '@tanstack/react-query';
import { consoleRead } from '../../../shared/api/console-read';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { dashboardKeys } from './dashboard-keys';

/** One instance's disk readings (the console's own, every 10 minutes at most) and its trend. */
export const storageHistoryQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: dashboardKeys.storageHistory(project, instanceId),
    queryFn: ({ signal }) =>
      consoleRead(storageHistory, consoleRoutes.storageHistory(project, instanceId), signal),
    refetchInterval: 5 * 60_000,
  });

export const useStorageHistory = (project: string, instanceId: string) =>
  usePermittedQuery('getVolumeUsage', storageHistoryQuery(project, instanceId));
