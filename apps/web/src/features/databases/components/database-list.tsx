import type { Database, Instance } from '@gaussdb-console/api-client/browser';
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
import { useDatabases } from '../api/use-databases';
import { CreateDatabaseDialog } from './create-database-dialog';
import { GrantPrivilegesDialog } from './grant-privileges-dialog';
import { pageOfRows } from './local-rows';

type Params = ListParams<'view' | 'q' | 'db'>;

/** 4.9.6: the instance's databases with owner, character set, collation and size; create and grant from here. */
export function DatabaseList(props: {
  project: string;
  instance: Instance;
  params: Params;
  onSchemas: (db: string) => void;
}) {
  const { t } = useTranslation();
  const { project, instance, params } = props;
  const can = useCan();
  const list = useDatabases(project, instance.id);
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<string>();
  const columns = useMemo<ColumnDef<Database, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorKey: 'name',
        header: t('databases.col.name'),
        cell: (c) => <span className="font-medium">{c.row.original.name}</span>,
      },
      { id: 'owner', accessorFn: (r) => r.owner ?? '', header: t('databases.col.owner') },
      { id: 'charset', accessorFn: (r) => r.character_set ?? '', header: t('databases.col.charset') },
      { id: 'collate', accessorFn: (r) => r.collate_set ?? '', header: t('databases.col.collate') },
      {
        id: 'size',
        accessorFn: (r) => (r.size === undefined ? -1 : Number(r.size)),
        header: t('databases.col.size'),
        meta: { align: 'right' },
        cell: (c) => (c.row.original.size === undefined ? '—' : c.row.original.size),
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('databases.col.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <div className="flex justify-end gap-1">
            {can('listSchemas') && (
              <Button size="sm" variant="ghost" onClick={() => props.onSchemas(row.original.name)}>
                {t('databases.schemasOf')}
              </Button>
            )}
            {can('grantDbPrivilege') && (
              <Button size="sm" variant="ghost" onClick={() => setGranting(row.original.name)}>
                {t('databases.grant.action')}
              </Button>
            )}
          </div>
        ),
      },
    ],
    [t, can, props],
  );
  if (list.permitted === false) return <NotPermitted />;
  const page = pageOfRows(
    list.data ?? [],
    params.values.q,
    (r) => [r.name, r.owner],
    params.page,
    params.size,
  );
  return (
    <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2 p-3">
        <h3 className="font-semibold">{t('databases.view.databases')}</h3>
        <FilterInput
          label={t('databases.search')}
          placeholder={t('databases.search')}
          value={params.values.q}
          onApply={(q) => params.set({ q })}
        />
        {can('createDatabase') && (
          <Button variant="primary" className="ml-auto" onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden />
            {t('databases.create.action')}
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
            label={t('databases.view.databases')}
            data={page.rows}
            columns={columns}
            getRowId={(r) => r.name}
            empty={<EmptyState title={t('databases.empty')} hint={t('databases.emptyHint')} />}
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
      {creating && (
        <CreateDatabaseDialog project={project} instance={instance} open onOpenChange={setCreating} />
      )}
      {granting !== undefined && (
        <GrantPrivilegesDialog
          project={project}
          instance={instance}
          database={granting}
          open
          onOpenChange={(o) => !o && setGranting(undefined)}
        />
      )}
    </section>
  );
}
