import type { ApplicableInstance, ParameterTemplateDetail } from '@gaussdb-console/api-client/browser';
import { useQueries } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { AlertTriangle, CheckCircle2, Loader2 } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan, usePermitted } from '../../../shared/api/policy';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { CopyId } from '../../../shared/ui/copy-id';
import { DataTable } from '../../../shared/ui/data-table';
import { FilterInput } from '../../../shared/ui/filter-input';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useApplicableInstances } from '../api/use-applicable-instances';
import { instanceParametersQuery } from '../api/use-instance-parameters';
import { driftCount } from '../lib/compare';
import { comparePath } from '../lib/labels';

type Row = ApplicableInstance & { drift?: number; loading: boolean; error?: unknown };

/**
 * Beyond the vendor console: the instances a template fits (4.5.10) and how far each one's parameters
 * (4.5.2) have drifted from it, by the number of parameters that differ; each opens the diff.
 */
export function TemplateInstancesTab(props: {
  project: string;
  template: ParameterTemplateDetail;
  onApply: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { project, template } = props;
  const can = useCan();
  const list = useListParams(['q'] as const);
  const { values, set, page, size } = list;
  const applicable = useApplicableInstances(project, template.id);
  const canRead = usePermitted(['getInstanceParameters']);
  const all = useMemo(
    () =>
      (applicable.data ?? []).filter(
        (i) =>
          !values.q ||
          `${i.instance_name ?? ''} ${i.instance_id}`.toLowerCase().includes(values.q.toLowerCase()),
      ),
    [applicable.data, values.q],
  );
  const pageRows = all.slice(list.offset, list.offset + size);
  // Only the instances on this page are read: a project may have thousands.
  const params = useQueries({
    queries: pageRows.map((i) => ({
      ...instanceParametersQuery(project, i.instance_id, i18n.language),
      enabled: canRead,
    })),
  });
  const rows: Row[] = pageRows.map((i, n) => {
    const q = params[n];
    const mine = q?.data?.configuration_parameters;
    return {
      ...i,
      loading: !!q?.isPending && canRead,
      error: q?.error ?? undefined,
      drift: mine ? driftCount(template.configuration_parameters ?? [], mine) : undefined,
    };
  });

  const columns: ColumnDef<Row, unknown>[] = [
    {
      id: 'instance',
      header: t('parameters.instances.col.instance'),
      cell: ({ row }) => (
        <div className="flex flex-col leading-tight">
          <Link
            className="text-sky-700 hover:underline dark:text-sky-400"
            to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(row.original.instance_id)}?tab=parameters`}
          >
            {row.original.instance_name ?? row.original.instance_id}
          </Link>
          <CopyId value={row.original.instance_id} short />
        </div>
      ),
    },
    {
      id: 'drift',
      header: t('parameters.instances.col.drift'),
      cell: ({ row }) => {
        const r = row.original;
        if (!canRead) return '—';
        if (r.loading)
          return (
            <span className="inline-flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
              <Loader2 className="size-3 animate-spin motion-reduce:animate-none" aria-hidden />
              {t('common.loading')}
            </span>
          );
        if (r.error || r.drift === undefined)
          return (
            <span className="text-xs text-red-700 dark:text-red-400">
              {t('parameters.instances.driftUnknown')}
            </span>
          );
        return r.drift === 0 ? (
          <span className="inline-flex items-center gap-1 text-xs text-emerald-800 dark:text-emerald-300">
            <CheckCircle2 className="size-3.5" aria-hidden />
            {t('parameters.instances.matches')}
          </span>
        ) : (
          <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-800 dark:text-amber-300">
            <AlertTriangle className="size-3.5" aria-hidden />
            {t('parameters.instances.differ', { count: r.drift })}
          </span>
        );
      },
    },
    {
      id: 'compare',
      header: t('common.actions'),
      cell: ({ row }) => (
        <Link
          className="text-xs text-sky-700 hover:underline dark:text-sky-400"
          to={comparePath(project, `t:${template.id}`, `i:${row.original.instance_id}`)}
          aria-label={t('parameters.instances.compareNamed', {
            name: row.original.instance_name ?? row.original.instance_id,
          })}
        >
          {t('parameters.instances.showDiff')}
        </Link>
      ),
    },
  ];

  if (applicable.permitted === false) return <NotPermitted />;
  return (
    <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 p-2 dark:border-slate-800">
        <FilterInput
          value={values.q}
          onApply={(q) => set({ q })}
          label={t('parameters.instances.search')}
          placeholder={t('parameters.instances.search')}
          className="w-64"
        />
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('parameters.instances.hint')}</p>
        {can('applyParameterTemplate') && (
          <Button size="sm" variant="primary" className="ml-auto" onClick={props.onApply}>
            {t('parameters.actions.apply')}
          </Button>
        )}
      </div>
      {applicable.isPending ? (
        <Loading />
      ) : applicable.isError ? (
        <ErrorState error={applicable.error} onRetry={() => void applicable.refetch()} />
      ) : (
        <>
          <DataTable
            label={t('parameters.detail.tab.instances')}
            data={rows}
            columns={columns}
            getRowId={(r) => r.instance_id}
            empty={
              <EmptyState
                title={t('parameters.instances.empty')}
                hint={t('parameters.instances.emptyHint')}
              />
            }
          />
          <Pagination
            page={page}
            pageSize={size}
            total={all.length}
            onPage={(p) => set({ page: String(p) }, true)}
            onPageSize={(s) => set({ size: String(s) })}
          />
        </>
      )}
    </section>
  );
}
