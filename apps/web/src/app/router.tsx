import { createBrowserRouter, Navigate } from 'react-router';
import { useSession } from '../shared/api/session';
import { LoginPage } from '../features/auth/components/login-page';
import { AppShell } from './app-shell';
import { AuthGate } from './auth-gate';
import { NotFoundPage, RouteErrorBoundary } from './error-boundary';

/** Home: the dashboard of the first project; a tenant owner (no project-wide reads) lands on the instances. */
function HomeRedirect() {
  const session = useSession().data;
  const first = session?.projects[0];
  if (!first) return <Navigate to="/login" replace />;
  return <Navigate to={`/p/${encodeURIComponent(first.name)}/${homePage(session.role)}`} replace />;
}

const homePage = (role: string | undefined) => (role === 'tenant' ? 'instances' : 'dashboard');

function ProjectHome() {
  return <Navigate to={homePage(useSession().data?.role)} replace />;
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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
