import type { Schema } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data-table';
import { ListHeader } from '../../../shared/ui/list-header';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useTenantObjectNames, useTenantSchemas } from '../api/use-tenant-objects';
import { CreateTenantSchemasDialog } from './tenant-schema-dialogs';
import type { TenantTabProps } from './tenant-tab';

/** The tenant's schemas (4.10.13) and their creation (4.10.11). */
export function TenantSchemasTab({ tenant, ready }: TenantTabProps) {
  const { t } = useTranslation();
  const can = useCan();
  const { page, size, set } = useListParams([] as const, 10);
  const schemas = useTenantSchemas(tenant, page - 1, size);
  const [creating, setCreating] = useState(false);
  const names = useTenantObjectNames(tenant, creating);
  const notReady = ready ? undefined : t('tenants.detail.notReady');
  const columns = useMemo<ColumnDef<Schema, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (s) => s.schema_name,
        header: t('tenants.schemas.col.name'),
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.schema_name}</span>,
      },
      {
        id: 'owner',
        accessorFn: (s) => s.owner ?? '',
        header: t('tenants.schemas.col.owner'),
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.owner ?? '—'}</span>,
      },
    ],
    [t],
  );
  if (schemas.permitted === false) return <NotPermitted />;
  const rows = schemas.data?.database_schemas ?? [];
  return (
    <div className="flex flex-col gap-3">
      <ListHeader
        title={t('tenants.detail.tab.schemas')}
        updatedAt={schemas.dataUpdatedAt}
        fetching={schemas.isFetching}
        onRefresh={() => void schemas.refetch()}
      >
        {can('createTenantSchema') && (
          <Button variant="primary" disabled={!!notReady} title={notReady} onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden />
            {t('tenants.schemas.open')}
          </Button>
        )}
      </ListHeader>
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {schemas.isPending ? (
          <Loading />
        ) : schemas.isError ? (
          <ErrorState error={schemas.error} onRetry={() => void schemas.refetch()} />
        ) : (
          <>
            <DataTable
              label={t('tenants.detail.tab.schemas')}
              data={rows}
              columns={columns}
              getRowId={(s) => s.schema_name}
              empty={<EmptyState title={t('tenants.schemas.empty')} />}
            />
            <Pagination
              page={page}
              pageSize={size}
              total={schemas.data?.total_count ?? rows.length}
              onPage={(p) => set({ page: String(p) }, true)}
              onPageSize={(s) => set({ size: String(s) })}
            />
          </>
        )}
      </section>
      {creating &&
        (names.users.isPending || names.schemas.isPending ? (
          <span className="sr-only" role="status">
            {t('common.loading')}
          </span>
        ) : (
          <CreateTenantSchemasDialog
            tenant={tenant}
            users={(names.users.data ?? []).map((u) => u.name)}
            schemas={(names.schemas.data ?? []).map((s) => s.schema_name)}
            open
            onOpenChange={setCreating}
          />
        ))}
    </div>
  );
}
