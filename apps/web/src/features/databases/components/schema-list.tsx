import type { DbSchema, Instance } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import type { ListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data-table';
import { filterInputClass } from '../../../shared/ui/filter-input';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useDatabases } from '../api/use-databases';
import { useSchemas } from '../api/use-schemas';
import { CreateSchemaDialog } from './create-schema-dialog';
import { pageOfRows } from './local-rows';

/** 4.9.8: the schemas of the database chosen (in the URL as `db`), with their owners; create more (4.9.3). */
export function SchemaList(props: {
  project: string;
  instance: Instance;
  params: ListParams<'view' | 'q' | 'db'>;
}) {
  const { t } = useTranslation();
  const { project, instance, params } = props;
  const can = useCan();
  const databases = useDatabases(project, instance.id);
  const db = params.values.db || undefined;
  const list = useSchemas(project, instance.id, db);
  const [creating, setCreating] = useState(false);
  const columns = useMemo<ColumnDef<DbSchema, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorKey: 'schema_name',
        header: t('databases.col.schema'),
        cell: (c) => <span className="font-medium">{c.row.original.schema_name}</span>,
      },
      { id: 'owner', accessorFn: (r) => r.owner ?? '', header: t('databases.col.owner') },
    ],
    [t],
  );
  if (list.permitted === false) return <NotPermitted />;
  const names = (databases.data ?? []).map((d) => d.name);
  const page = pageOfRows(list.data ?? [], '', (r) => [r.schema_name], params.page, params.size);
  return (
    <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2 p-3">
        <h3 className="font-semibold">{t('databases.view.schemas')}</h3>
        <label className="flex items-center gap-1.5 text-sm">
          {t('databases.schemaDb')}
          <select
            className={filterInputClass}
            value={db ?? ''}
            onChange={(e) => params.set({ db: e.target.value })}
          >
            <option value="">{t('databases.pickDatabase')}</option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {can('createSchema') && (
          <Button variant="primary" className="ml-auto" onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden />
            {t('databases.schema.create')}
          </Button>
        )}
      </div>
      {!db ? (
        <EmptyState title={t('databases.pickDatabaseHint')} />
      ) : list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <DataTable
            label={t('databases.schemasIn', { db })}
            data={page.rows}
            columns={columns}
            getRowId={(r) => r.schema_name}
            empty={<EmptyState title={t('databases.noSchemas')} />}
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
        <CreateSchemaDialog
          project={project}
          instance={instance}
          database={db}
          open
          onOpenChange={setCreating}
        />
      )}
    </section>
  );
}
