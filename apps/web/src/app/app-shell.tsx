import { clsx } from 'clsx';
import { ChevronsLeft, ChevronsRight, Database } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useSession } from '../shared/api/session';
import { PaletteLauncher } from '../features/palette/palette-launcher';
import { loadInstanceActions } from './instance-actions-source';
import { navItemsFor } from './nav-items';
import { PreferencesMenu } from '../shared/ui/preferences-menu';
import { UserMenu } from './user-menu';
import { Toaster } from '../shared/ui/toaster';
import { useCan } from '../shared/api/policy';
import { useLiveEvents } from './live-events';
import { NotYours } from '../shared/ui/not-yours';
import { homePath, tenantOwnerMayOpen } from './tenant-scope';

const COLLAPSE_KEY = 'gaussdb-console.nav-collapsed';

/** The frame around every page: left navigation, top bar with project, preferences and the user. */
export function AppShell() {
  const { t } = useTranslation();
  const { project } = useParams();
  const session = useSession().data;
  const navigate = useNavigate();
  const can = useCan();
  const { pathname } = useLocation();
  // Tenant users have no project-wide events (the BFF refuses them): listen only where the role may read tasks.
  useLiveEvents(project, { enabled: can('listTasks') });
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  if (!session) return null;
  const projects = session.projects;
  // Only the areas this role can use are offered; a tenant owner only the items for their role (no instance list).
  const role = session.role;
  const items = navItemsFor(role, can);
  const current = projects.find((p) => p.name === project);
  if (!current) {
    const first = projects[0];
    return first ? (
      <Navigate to={homePath(session, first.name)} replace />
    ) : (
      <p className="p-6">{t('shell.noProjects')}</p>
    );
  }

  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t('shell.skipToContent')}
      </a>
      <div
        className={clsx(
          'shrink-0 border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
          collapsed ? 'w-14' : 'w-52',
        )}
      >
        <nav aria-label={t('shell.navigation')} className="sticky top-0 flex h-screen flex-col">
          <div className="flex h-12 items-center gap-2 px-4 font-semibold">
            <Database className="size-5 shrink-0 text-brand-600" aria-hidden />
            {!collapsed && <span className="truncate">{t('app.name')}</span>}
          </div>
          <ul className="flex-1 space-y-0.5 px-2 py-2">
            {items.map((item) => (
              <li key={item.key}>
                <NavLink
                  to={item.to(current.name)}
                  title={collapsed ? t(item.key) : undefined}
                  className={({ isActive }) =>
                    clsx(
                      'flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm',
                      isActive
                        ? 'bg-sky-50 font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-300'
                        : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                    )
                  }
                >
                  <item.icon className="size-4 shrink-0" aria-hidden />
                  {!collapsed && t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="m-2 flex h-8 items-center justify-center rounded-md text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
            aria-label={collapsed ? t('shell.expandNav') : t('shell.collapseNav')}
            onClick={() => {
              localStorage.setItem(COLLAPSE_KEY, collapsed ? '0' : '1');
              setCollapsed(!collapsed);
            }}
          >
            {collapsed ? (
              <ChevronsRight className="size-4" aria-hidden />
            ) : (
              <ChevronsLeft className="size-4" aria-hidden />
            )}
          </button>
        </nav>
      </div>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex h-12 items-center gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
          <label htmlFor="project-select" className="text-xs text-slate-500 dark:text-slate-400">
            {t('shell.project')}
          </label>
          <select
            id="project-select"
            className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-800"
            value={current.name}
            onChange={(e) => void navigate(homePath(session, e.target.value))}
          >
            {projects.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} ({p.region})
              </option>
            ))}
          </select>
          {session.demo && (
            <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
              {t('shell.demo')}
            </span>
          )}
          <div className="ml-auto flex items-center gap-2">
            {/* The palette searches the project's instances: no use to a tenant owner, whose pages are few. */}
            {role !== 'tenant' && (
              <PaletteLauncher project={current.name} pages={items} loadActions={loadInstanceActions} />
            )}
            <PreferencesMenu />
            <UserMenu session={session} />
          </div>
        </header>
        <main id="main" className="min-w-0 flex-1">
          {/* A tenant owner's address outside their tenants is answered here, before its page loads or fetches. */}
          {role === 'tenant' && !tenantOwnerMayOpen(pathname, session.tenants) ? (
            <NotYours home={homePath(session, current.name)} />
          ) : (
            <Outlet />
          )}
        </main>
        <Toaster />
      </div>
    </div>
  );
}
