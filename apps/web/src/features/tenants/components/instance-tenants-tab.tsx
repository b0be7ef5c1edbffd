import type { Instance } from '@gaussdb-console/api-client/browser';
import { Plus } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { BffError } from '../../../shared/lib/bff';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { FilterInput } from '../../../shared/ui/filter-input';
import { ListHeader } from '../../../shared/ui/list-header';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useTenantFlavors } from '../api/use-tenant-capacity';
import { useTenants } from '../api/use-tenants';
import { gb } from '../lib/tenant-rules';
import { CreateTenantDialog } from './create-tenant-dialog';
import { PoolGauge } from './quota-gauge';
import { sortingFromParam, sortingToParam, TenantTable } from './tenant-table';

/** A tenant id as the service forms them (32 hex digits and a `po` suffix): searched by `id`, else by `name`. */
const TENANT_ID = /^[0-9a-f]{32}po\d{2}$/i;
const searchOf = (q: string) => (!q ? {} : TENANT_ID.test(q) ? { id: q } : { name: q });

/** 4.10.x answers this on an instance that does not host tenants. */
const NOT_MULTI_TENANT = 'DBS.06014011';

/**
 * The instance page's "Tenants" tab: whether the instance hosts tenants (4.10.9 answers DBS.06014011 when it
 * does not), the disk its tenants hold and have left, and its tenants (4.10.5, paged by the API) with the
 * DBA's actions.
 */
export function InstanceTenantsTab({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams(['tq', 'tsort'] as const, 10);
  const { values, set, page, size } = list;
  const [creating, setCreating] = useState(false);
  const flavors = useTenantFlavors(project, instance.id);
  const notContainer = flavors.error instanceof BffError && flavors.error.code === NOT_MULTI_TENANT;
  const tenants = useTenants(
    project,
    instance.id,
    { page: page - 1, limit: size, ...searchOf(values.tq) },
    !notContainer && !flavors.isPending,
  );
  const sorting = useMemo(() => sortingFromParam(values.tsort), [values.tsort]);
  const remaining = flavors.data?.remaining_disk ?? undefined;
  const rows = useMemo(
    () =>
      (tenants.data?.pdb_infos ?? []).map((tenant) => ({
        tenant,
        instanceId: instance.id,
        instanceName: instance.name,
        remaining,
      })),
    [tenants.data, instance.id, instance.name, remaining],
  );
  const used = rows.reduce((sum, r) => sum + (gb(r.tenant.disk) ?? 0), 0);
  const apply = useCallback((tq: string) => set({ tq }), [set]);

  if (flavors.permitted === false || tenants.permitted === false) return <NotPermitted />;
  if (flavors.isPending) return <Loading />;
  if (notContainer) {
    return (
      <EmptyState
        title={t('tenants.tab.notContainer')}
        hint={t('tenants.tab.notContainerHint', { name: instance.name })}
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <ListHeader
        title={t('tenants.tab.title')}
        updatedAt={tenants.dataUpdatedAt}
        fetching={tenants.isFetching}
        onRefresh={() => {
          void flavors.refetch();
          void tenants.refetch();
        }}
      >
        {can('createTenant') && (
          <Button variant="primary" onClick={() => setCreating(true)} disabled={!flavors.data}>
            <Plus className="size-4" aria-hidden />
            {t('tenants.create.open')}
          </Button>
        )}
      </ListHeader>
      {flavors.isError ? (
        <ErrorState error={flavors.error} onRetry={() => void flavors.refetch()} />
      ) : (
        // With one page of tenants the pool's use is exact; with more, the instance total is what 4.10.9 leaves.
        (tenants.data?.total_count ?? rows.length) <= rows.length && (
          <div className="max-w-md">
            <PoolGauge used={used} remaining={remaining} />
          </div>
        )
      )}
      <div className="flex">
        <FilterInput
          value={values.tq}
          onApply={apply}
          label={t('tenants.page.search')}
          placeholder={t('tenants.page.searchPlaceholder')}
        />
      </div>
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {tenants.isPending ? (
          <Loading />
        ) : tenants.isError ? (
          <ErrorState error={tenants.error} onRetry={() => void tenants.refetch()} />
        ) : (
          <>
            <TenantTable
              project={project}
              rows={rows}
              sorting={sorting}
              onSortingChange={(s) => set({ tsort: sortingToParam(s) }, true)}
              label={t('tenants.tab.title')}
              empty={
                <EmptyState
                  title={values.tq ? t('tenants.page.noMatch') : t('tenants.tab.empty')}
                  hint={t('tenants.tab.emptyHint')}
                />
              }
            />
            <Pagination
              page={page}
              pageSize={size}
              total={tenants.data?.total_count ?? rows.length}
              onPage={(p) => set({ page: String(p) }, true)}
              onPageSize={(s) => set({ size: String(s) })}
            />
          </>
        )}
      </section>
      {creating && (
        <CreateTenantDialog
          project={project}
          instanceId={instance.id}
          instanceName={instance.name}
          open
          onOpenChange={setCreating}
        />
      )}
    </div>
  );
}
