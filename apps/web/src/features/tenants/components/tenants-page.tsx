import { Download, Plus } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../shared/api/policy';
import { downloadCsv } from '../../../shared/lib/csv';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { filterInputClass, FilterInput } from '../../../shared/ui/filter-input';
import { ListHeader } from '../../../shared/ui/list-header';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useTenantHosts } from '../api/use-tenant-hosts';
import { gb } from '../lib/tenant-rules';
import { CreateTenantDialog } from './create-tenant-dialog';
import { PoolGauge } from './quota-gauge';
import { sortingFromParam, sortingToParam, TenantTable, type TenantRow } from './tenant-table';

const STATUSES = ['normal', 'creating', 'modifying', 'deleting', 'createfail'] as const;

function compare(a: TenantRow, b: TenantRow, id: string): number {
  const v = (r: TenantRow): string | number => {
    switch (id) {
      case 'instance':
        return r.instanceName ?? r.instanceId;
      case 'status':
        return r.tenant.status ?? '';
      case 'cpu':
        return r.tenant.cpu ?? 0;
      case 'mem':
        return r.tenant.mem ?? 0;
      case 'disk':
        return gb(r.tenant.disk) ?? 0;
      case 'nodes':
        return r.tenant.nodes?.length ?? 0;
      case 'created':
        return Number(r.tenant.created ?? 0);
      default:
        return r.tenant.name ?? r.tenant.id;
    }
  };
  const x = v(a);
  const y = v(b);
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
}

/**
 * The DBA's tenants page: every tenant of every multi-tenant instance of the project (one composite read), with
 * each instance's tenant disk pool, search, filters, sorting and paging in the URL, and tenant creation.
 */
export function TenantsPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const can = useCan();
  const list = useListParams(['q', 'instance', 'status', 'sort'] as const);
  const { values, set, page, size } = list;
  const hosts = useTenantHosts(project);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = `${t('nav.tenants')} · ${t('app.name')}`;
  }, [t]);

  const allRows = useMemo<TenantRow[]>(
    () =>
      (hosts.data?.hosts ?? []).flatMap((h) =>
        h.tenants.map((tenant) => ({
          tenant,
          instanceId: h.instance.id,
          instanceName: h.instance.name,
          remaining: h.remaining_disk ?? undefined,
        })),
      ),
    [hosts.data],
  );
  const sorting = useMemo(() => sortingFromParam(values.sort), [values.sort]);
  const filtered = useMemo(() => {
    const q = values.q.toLowerCase();
    const rows = allRows.filter(
      (r) =>
        (!q || (r.tenant.name ?? '').toLowerCase().includes(q) || r.tenant.id.includes(q)) &&
        (!values.instance || r.instanceId === values.instance) &&
        (!values.status || String(r.tenant.status ?? '').toLowerCase() === values.status),
    );
    const s = sorting[0];
    return s ? [...rows].sort((a, b) => compare(a, b, s.id) * (s.desc ? -1 : 1)) : rows;
  }, [allRows, values, sorting]);
  const pageRows = filtered.slice(list.offset, list.offset + size);
  const apply = useCallback((q: string) => set({ q }), [set]);
  // Every tenant the filters keep (not only this page), as the table shows them.
  const exportCsv = () =>
    downloadCsv(
      `tenants-${project}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv`,
      [
        t('tenants.col.name'),
        'pdb_id',
        t('tenants.col.instance'),
        'instance_id',
        t('tenants.col.status'),
        t('tenants.col.cpu'),
        `${t('tenants.col.mem')} (GB)`,
        `${t('tenants.col.disk')} (GB)`,
        t('tenants.col.nodes'),
        t('tenants.col.created'),
      ],
      filtered.map(({ tenant: x, instanceId, instanceName }) => [
        x.name,
        x.id,
        instanceName,
        instanceId,
        x.status,
        x.cpu,
        x.mem,
        gb(x.disk),
        x.nodes?.length ?? 0,
        /^\d{10,}$/.test(x.created ?? '') ? new Date(Number(x.created)).toISOString() : x.created,
      ]),
    );

  if (hosts.permitted === false) return <NotPermitted />;
  const data = hosts.data;
  const hostChoices = (data?.hosts ?? []).map((h) => ({
    id: h.instance.id,
    name: h.instance.name,
    status: h.instance.status,
    remaining: h.remaining_disk,
  }));
  return (
    <div className="flex flex-col gap-3 p-4">
      <ListHeader
        title={t('nav.tenants')}
        updatedAt={hosts.dataUpdatedAt}
        fetching={hosts.isFetching}
        onRefresh={() => void hosts.refetch()}
      >
        {can('createTenant') && (
          <Button variant="primary" onClick={() => setCreating(true)} disabled={hostChoices.length === 0}>
            <Plus className="size-4" aria-hidden />
            {t('tenants.create.open')}
          </Button>
        )}
      </ListHeader>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t('tenants.page.intro')}</p>
      {hosts.isPending ? (
        <Loading label={t('tenants.page.scanning')} />
      ) : hosts.isError ? (
        <ErrorState error={hosts.error} onRetry={() => void hosts.refetch()} />
      ) : data && data.hosts.length === 0 ? (
        <EmptyState
          title={t('tenants.page.noHosts')}
          hint={t('tenants.page.noHostsHint', { scanned: data.scanned })}
        />
      ) : data ? (
        <>
          <section
            aria-label={t('tenants.page.hosts')}
            className="grid grid-cols-1 gap-2 md:grid-cols-2 xl:grid-cols-3"
          >
            {data.hosts.map((h) => {
              const used = h.tenants.reduce((sum, x) => sum + (gb(x.disk) ?? 0), 0);
              return (
                <div
                  key={h.instance.id}
                  className="flex flex-col gap-1.5 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
                >
                  <div className="flex items-center gap-2">
                    <Link
                      className="font-medium text-sky-700 hover:underline dark:text-sky-400"
                      to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(h.instance.id)}?tab=tenants`}
                    >
                      {h.instance.name}
                    </Link>
                    <StatusBadge status={h.instance.status} />
                    <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
                      {t('tenants.page.tenantCount', { count: h.total_count })}
                    </span>
                  </div>
                  <PoolGauge used={used} remaining={h.remaining_disk ?? undefined} />
                </div>
              );
            })}
          </section>
          {data.unreadable.length > 0 && (
            <p
              role="status"
              className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
            >
              {t('tenants.page.unreadable', {
                list: data.unreadable.map((u) => `${u.name} (${u.code}: ${u.message})`).join('; '),
              })}
            </p>
          )}
          {data.truncated && (
            <p className="text-sm text-amber-800 dark:text-amber-300">{t('tenants.page.truncated')}</p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <FilterInput
              value={values.q}
              onApply={apply}
              label={t('tenants.page.search')}
              placeholder={t('tenants.page.searchPlaceholder')}
            />
            <label className="flex items-center gap-1.5 text-sm">
              <span className="text-slate-600 dark:text-slate-300">{t('tenants.col.instance')}</span>
              <select
                className={filterInputClass}
                value={values.instance}
                onChange={(e) => set({ instance: e.target.value })}
              >
                <option value="">{t('tenants.page.allInstances')}</option>
                {hostChoices.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-1.5 text-sm">
              <span className="text-slate-600 dark:text-slate-300">{t('tenants.col.status')}</span>
              <select
                className={filterInputClass}
                value={values.status}
                onChange={(e) => set({ status: e.target.value })}
              >
                <option value="">{t('tenants.page.allStatuses')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s.toUpperCase()}`)}
                  </option>
                ))}
              </select>
            </label>
            <Button size="sm" onClick={exportCsv} disabled={filtered.length === 0}>
              <Download className="size-4" aria-hidden />
              {t('common.exportCsv')}
            </Button>
            {(values.q || values.instance || values.status) && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => set({ q: undefined, instance: undefined, status: undefined })}
              >
                {t('common.clearFilters')}
              </Button>
            )}
          </div>
          <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <TenantTable
              project={project}
              rows={pageRows}
              showInstance
              sorting={sorting}
              onSortingChange={(s) => set({ sort: sortingToParam(s) }, true)}
              label={t('nav.tenants')}
              empty={<EmptyState title={t('tenants.page.noMatch')} hint={t('tenants.page.noMatchHint')} />}
            />
            <Pagination
              page={page}
              pageSize={size}
              total={filtered.length}
              onPage={(p) => set({ page: String(p) }, true)}
              onPageSize={(s) => set({ size: String(s) })}
            />
          </section>
        </>
      ) : null}
      {creating && (
        <CreateTenantDialog project={project} hosts={hostChoices} open onOpenChange={(o) => setCreating(o)} />
      )}
    </div>
  );
}
