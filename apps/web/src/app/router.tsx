import { createBrowserRouter, Navigate } from 'react-router';
import { useSession } from '../shared/api/session';
import { LoginPage } from '../features/auth/components/login-page';
import { AppShell } from './app-shell';
import { AuthGate } from './auth-gate';
import { NotFoundPage, RouteErrorBoundary } from './error-boundary';

function HomeRedirect() {
  const first = useSession().data?.projects[0];
  return <Navigate to={first ? `/p/${encodeURIComponent(first.name)}/instances` : '/login'} replace />;
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
          { index: true, element: <Navigate to="instances" replace /> },
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
