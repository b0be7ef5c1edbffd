import type { DbUser, Instance } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import type { ListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data-table';
import { FilterInput } from '../../../shared/ui/filter-input';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useDbUsers } from '../api/use-db-users';
import { CreateUserDialog } from './create-user-dialog';
import { GrantPrivilegesDialog } from './grant-privileges-dialog';
import { pageOfRows } from './local-rows';
import { ResetUserPasswordDialog } from './reset-user-password-dialog';

/** The role attributes 4.9.7 lists, in the order a DBA reads them. */
const FLAGS = [
  'rolcanlogin',
  'rolsuper',
  'rolcreatedb',
  'rolcreaterole',
  'rolinherit',
  'rolreplication',
  'rolbypassrls',
] as const;

function Attributes({ user }: { user: DbUser }) {
  const { t } = useTranslation();
  const a = user.attributes;
  if (!a) return <span>—</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t('databases.col.attributes')}>
      {FLAGS.filter((f) => a[f]).map((f) => (
        <li key={f} title={f} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">
          {t(`databases.attr.${f}`)}
        </li>
      ))}
    </ul>
  );
}

/** 4.9.7: the instance's database users with their attributes; create, reset a password, grant. */
export function UserList(props: {
  project: string;
  instance: Instance;
  params: ListParams<'view' | 'q' | 'db'>;
}) {
  const { t } = useTranslation();
  const { project, instance, params } = props;
  const can = useCan();
  const list = useDbUsers(project, instance.id);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<string>();
  const [granting, setGranting] = useState<string>();
  const columns = useMemo<ColumnDef<DbUser, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorKey: 'name',
        header: t('databases.col.user'),
        cell: (c) => <span className="font-medium">{c.row.original.name}</span>,
      },
      {
        id: 'attributes',
        header: t('databases.col.attributes'),
        enableSorting: false,
        cell: (c) => <Attributes user={c.row.original} />,
      },
      {
        id: 'connlimit',
        accessorFn: (r) => r.attributes?.rolconnlimit ?? -1,
        header: t('databases.col.connLimit'),
        meta: { align: 'right' },
        cell: (c) => {
          const n = c.row.original.attributes?.rolconnlimit;
          return n === undefined || n === null ? '—' : n < 0 ? t('databases.unlimited') : n;
        },
      },
      {
        id: 'memberof',
        accessorFn: (r) => r.memberof ?? '',
        header: t('databases.col.memberof'),
        cell: (c) => (
          <span className="font-mono text-xs break-all">
            {(c.row.original.memberof ?? '').replace(/[{}]/g, '').replace(/,/g, ', ') || '—'}
          </span>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('databases.col.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => {
          const name = row.original.name;
          const system = name === 'root' || name.startsWith('rds');
          return (
            <div className="flex justify-end gap-1">
              {can('resetDbUserPassword') && !name.startsWith('rds') && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setResetting(name)}
                  aria-label={t('databases.user.resetFor', { user: name })}
                >
                  {t('databases.user.reset')}
                </Button>
              )}
              {can('grantDbPrivilege') && !system && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setGranting(name)}
                  aria-label={t('databases.grant.for', { user: name })}
                >
                  {t('databases.grant.action')}
                </Button>
              )}
            </div>
          );
        },
      },
    ],
    [t, can],
  );
  if (list.permitted === false) return <NotPermitted />;
  const page = pageOfRows(
    list.data ?? [],
    params.values.q,
    (r) => [r.name, r.memberof],
    params.page,
    params.size,
  );
  return (
    <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2 p-3">
        <h3 className="font-semibold">{t('databases.view.users')}</h3>
        <FilterInput
          label={t('databases.searchUsers')}
          placeholder={t('databases.searchUsers')}
          value={params.values.q}
          onApply={(q) => params.set({ q })}
        />
        {can('createDbUser') && (
          <Button variant="primary" className="ml-auto" onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden />
            {t('databases.user.create')}
          </Button>
        )}
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <DataTable
            label={t('databases.view.users')}
            data={page.rows}
            columns={columns}
            getRowId={(r) => r.name}
            empty={<EmptyState title={t('databases.noUsers')} />}
          />
          <Pagination
            page={params.page}
            pageSize={params.size}
            total={page.total}
            onPage={(p) => params.set({ page: p }, true)}
            onPageSize={(s) => params.set({ size: s })}
          />
        </>
      )}
      {creating && <CreateUserDialog project={project} instance={instance} open onOpenChange={setCreating} />}
      {resetting && (
        <ResetUserPasswordDialog
          project={project}
          instance={instance}
          user={resetting}
          open
          onOpenChange={(o) => !o && setResetting(undefined)}
        />
      )}
      {granting && (
        <GrantPrivilegesDialog
          project={project}
          instance={instance}
          user={granting}
          open
          onOpenChange={(o) => !o && setGranting(undefined)}
        />
      )}
    </section>
  );
}
