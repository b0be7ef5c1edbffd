import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { sessionKeys, useSession } from '../shared/api/session';
import { setUnauthorizedHandler } from '../shared/lib/bff';
import { ErrorState, Loading } from '../shared/ui/states';
import { NotYours } from '../shared/ui/not-yours';
import { homePath } from './tenant-scope';

/** Everything below needs a console session; an expired one sends the user to sign in and back. */
export function AuthGate() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const here = location.pathname + location.search;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      qc.setQueryData(sessionKeys.session, null);
      void navigate(
        `/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}&expired=1`,
        { replace: true },
      );
    });
  }, [navigate, qc]);

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={`/login?next=${encodeURIComponent(here)}`} replace />;
  // Pages outside a project's shell (the wall) are project-wide: never a tenant owner's.
  if (session.data.role === 'tenant' && !location.pathname.startsWith('/p/') && location.pathname !== '/') {
    const first = session.data.projects[0];
    return <NotYours home={first ? homePath(session.data, first.name) : undefined} />;
  }
  return <Outlet />;
}
