import type { Instance } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../../shared/lib/use-list-params';
import { DatabaseList } from './database-list';
import { DatabaseService } from './database-service';
import { SchemaList } from './schema-list';
import { UserList } from './user-list';

export const VIEWS = ['databases', 'users', 'schemas'] as const;
export type DatabaseView = (typeof VIEWS)[number];

/** The params of the tab's lists, kept in the URL beside the instance page's `tab`. */
export const DB_LIST_KEYS = ['view', 'q', 'db'] as const;

/**
 * The instance's "Databases" tab (4.9): the database service's state, then databases, users and the
 * schemas of one database, each a list with its actions; the view, the search and the page live in the URL.
 */
export function DatabasesTab({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const params = useListParams(DB_LIST_KEYS);
  const view: DatabaseView = (VIEWS as readonly string[]).includes(params.values.view)
    ? (params.values.view as DatabaseView)
    : 'databases';
  const show = (v: DatabaseView, db?: string) => params.set({ view: v, q: undefined, db });
  return (
    <div className="flex flex-col gap-4">
      <DatabaseService project={project} instance={instance} />
      <div role="group" aria-label={t('databases.views')} className="flex gap-1">
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => show(v, v === 'schemas' ? params.values.db || undefined : undefined)}
            className={clsx(
              'rounded-md px-3 py-1.5 text-sm',
              view === v
                ? 'bg-sky-700 font-medium text-white'
                : 'text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800',
            )}
          >
            {t(`databases.view.${v}`)}
          </button>
        ))}
      </div>
      {view === 'databases' && (
        <DatabaseList
          project={project}
          instance={instance}
          params={params}
          onSchemas={(db) => show('schemas', db)}
        />
      )}
      {view === 'users' && <UserList project={project} instance={instance} params={params} />}
      {view === 'schemas' && <SchemaList project={project} instance={instance} params={params} />}
    </div>
  );
}
