import { consoleRoutes, dashboard } from '@gaussdb-console/api-client/browser';
import { queryOptions } from '@tanstack/react-query';
import { consoleRead } from '../../../shared/api/console-read';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { dashboardKeys } from './dashboard-keys';

/** The operations the dashboard route is made of: a role must be allowed them all (the BFF checks the same). */
export const DASHBOARD_OPERATIONS = ['listInstances', 'listTasks', 'getProjectQuotas'] as const;

/**
 * GET /projects/:project/dashboard: the whole picture in one read. The live stream refreshes it when a job
 * ends; a minute's poll covers what changes without a job (an instance filling up).
 */
export const dashboardQuery = (project: string) =>
  queryOptions({
    queryKey: dashboardKeys.all(project),
    queryFn: ({ signal }) => consoleRead(dashboard, consoleRoutes.dashboard(project), signal),
    refetchInterval: 60_000,
  });

export const useDashboard = (project: string) =>
  usePermittedQuery(DASHBOARD_OPERATIONS, dashboardQuery(project));
