import { createBrowserRouter, Navigate, useParams } from 'react-router';
import { useSession } from '../shared/api/session';
import { LoginPage } from '../features/auth/components/login-page';
import { AppShell } from './app-shell';
import { AuthGate } from './auth-gate';
import { NotFoundPage, RouteErrorBoundary } from './error-boundary';
import { homePath } from './tenant-scope';

/** Home: the dashboard of the first project; a tenant owner (no project-wide reads) lands on their tenants. */
function HomeRedirect() {
  const session = useSession().data;
  const first = session?.projects[0];
  return <Navigate to={first ? homePath(session, first.name) : '/login'} replace />;
}

function ProjectHome() {
  const session = useSession().data;
  const { project = '' } = useParams();
  return <Navigate to={homePath(session, project)} replace />;
}

/** Pages are split per route so the first load carries only the shell. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorBoundary /> },
  {
    element: <AuthGate />,
    errorElement: <RouteErrorBoundary />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: '/wall/:project',
        lazy: async () => ({ Component: (await import('./wall-route')).WallRoute }),
      },
      {
        path: '/p/:project',
        element: <AppShell />,
        errorElement: <RouteErrorBoundary />,
        children: [
          { index: true, element: <ProjectHome /> },
          {
            path: 'dashboard',
            lazy: async () => ({
              Component: (await import('../features/dashboard/components/dashboard-page')).DashboardPage,
            }),
          },
          {
            path: 'audit',
            lazy: async () => ({
              Component: (await import('../features/audit/components/audit-page')).AuditPage,
            }),
          },
          {
            path: 'instances',
            lazy: async () => ({
              Component: (await import('../features/instances/components/instances-page')).InstancesPage,
            }),
          },
          {
            path: 'instances/new',
            lazy: async () => ({
              Component: (await import('../features/instances/components/create/create-instance-page'))
                .CreateInstancePage,
            }),
          },
          {
            path: 'instances/restore',
            lazy: async () => ({
              Component: (await import('../features/instances/components/restore/restore-instance-page'))
                .RestoreInstancePage,
            }),
          },
          {
            path: 'instances/:instanceId',
            lazy: async () => ({ Component: (await import('./instance-detail-route')).InstanceDetailRoute }),
          },
          {
            path: 'backups',
            lazy: async () => ({
              Component: (await import('../features/backups/components/backups-page')).BackupsPage,
            }),
          },
          {
            path: 'recycle-bin',
            lazy: async () => ({
              Component: (await import('../features/recycle-bin/components/recycle-bin-page')).RecycleBinPage,
            }),
          },
          {
            path: 'parameters',
            lazy: async () => ({
              Component: (await import('../features/parameters/components/parameters-page')).ParametersPage,
            }),
          },
          {
            path: 'parameters/new',
            lazy: async () => ({
              Component: (await import('../features/parameters/components/create-template-page'))
                .CreateTemplatePage,
            }),
          },
          {
            path: 'parameters/compare',
            lazy: async () => ({
              Component: (await import('../features/parameters/components/compare-page')).ComparePage,
            }),
          },
          {
            path: 'parameters/:configId',
            lazy: async () => ({
              Component: (await import('../features/parameters/components/template-detail-page'))
                .TemplateDetailPage,
            }),
          },
          {
            path: 'tasks',
            lazy: async () => ({
              Component: (await import('../features/tasks/components/tasks-page')).TasksPage,
            }),
          },
          {
            path: 'tenants',
            lazy: async () => ({
              Component: (await import('../features/tenants/components/tenants-page')).TenantsPage,
            }),
          },
          {
            path: 'tenants/:instanceId/:pdbId',
            lazy: async () => ({
              Component: (await import('../features/tenants/components/tenant-detail-page')).TenantDetailPage,
            }),
          },
          {
            path: 'my-tenants',
            lazy: async () => ({
              Component: (await import('../features/tenants/components/my-tenants-page')).MyTenantsPage,
            }),
          },
          {
            path: 'users',
            lazy: async () => ({
              Component: (await import('../features/users/components/users-page')).UsersPage,
            }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
