import type { Instance } from '@gaussdb-console/api-client/browser';
import type { RowSelectionState, VisibilityState } from '@tanstack/react-table';
import { Plus, RefreshCw } from 'lucide-react';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatAgo } from '../../../shared/lib/format';
import type { JobEvent as LiveJob } from '@gaussdb-console/api-client/browser';
import { useLiveJobs } from '../../../shared/api/jobs';
import { useCan } from '../../../shared/api/policy';
import { Button } from '../../../shared/ui/button';
import { Pagination } from '../../../shared/ui/pagination';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { ErrorState, Loading } from '../../../shared/ui/states';
import { useInstances } from '../api/use-instances';
import { BulkActions } from './bulk-actions';
import { DEFAULT_HIDDEN, instanceColumns } from './instance-columns';
import { InstanceTable } from './instance-table';
import { InstancesToolbar } from './instances-toolbar';
import { InstanceStatsStrip } from './stats/instance-stats-strip';
import { toListQuery, useInstanceListParams } from './list-params';

const COLUMNS_KEY = 'gaussdb-console.instances.columns';

export function InstancesPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const { params, update } = useInstanceListParams();
  const query = useMemo(() => toListQuery(params), [params]);
  const list = useInstances(project, query, params.status);
  const liveJobs = useLiveJobs(project);
  const can = useCan();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [visibility, setVisibility] = useState<VisibilityState>(() => {
    try {
      return {
        ...DEFAULT_HIDDEN,
        ...(JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '{}') as VisibilityState),
      };
    } catch {
      return { ...DEFAULT_HIDDEN };
    }
  });
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 5000);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    document.title = `${t('nav.instances')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => setSelection({}), [params]);

  const jobsByInstance = useMemo(() => {
    const m = new Map<string, LiveJob>();
    for (const j of Object.values(liveJobs ?? {})) if (j.instance?.id) m.set(j.instance.id, j);
    return m;
  }, [liveJobs]);
  const bulk = can('restartInstance') || can('addInstanceTags');
  const columns = useMemo(
    () => instanceColumns(t, project, jobsByInstance, bulk),
    [t, project, jobsByInstance, bulk],
  );
  // The table (a page of up to 100 rows of a dozen cells) renders in a transition: when a page of instances
  // arrives, React renders it in slices of a few milliseconds, yielding to the browser in between, instead of
  // one task of a hundred milliseconds or more that blocks input (docs/performance.md, Lighthouse).
  const data = useDeferredValue(list.data);
  const rows: Instance[] = data?.instances ?? [];
  const total = data?.total_count ?? rows.length;
  const selected = rows.filter((r) => selection[r.id]);
  const filtered = !!(
    params.q ||
    params.type ||
    params.datastore ||
    params.vpc ||
    params.subnet ||
    params.tags ||
    params.status
  );

  return (
    <div className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t('nav.instances')}</h1>
        <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {list.dataUpdatedAt ? t('common.updatedAgo', { ago: formatAgo(list.dataUpdatedAt) }) : ''}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void list.refetch()}
            aria-label={t('common.refresh')}
            title={t('common.refresh')}
          >
            <RefreshCw
              className={list.isFetching ? 'size-4 animate-spin motion-reduce:animate-none' : 'size-4'}
              aria-hidden
            />
          </Button>
          {can('createInstance') && (
            <Link
              to={`/p/${encodeURIComponent(project)}/instances/new`}
              className="inline-flex h-8 items-center gap-1.5 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800"
            >
              <Plus className="size-4" aria-hidden />
              {t('instances.create')}
            </Link>
          )}
        </div>
      </div>
      <InstanceStatsStrip project={project} />
      {params.status && (
        <p className="flex items-center gap-2 text-sm">
          {t('instances.statusFilter')}
          <StatusBadge status={params.status} />
          <Button size="sm" variant="ghost" onClick={() => update({ status: '' })}>
            {t('instances.clearStatus')}
          </Button>
        </p>
      )}
      <InstancesToolbar
        params={params}
        update={update}
        visibility={visibility}
        onVisibility={(v) => {
          setVisibility(v);
          localStorage.setItem(COLUMNS_KEY, JSON.stringify(v));
        }}
        exportQuery={query}
        project={project}
      />
      {selected.length > 0 && (
        <BulkActions project={project} selected={selected} onDone={() => setSelection({})} />
      )}
      <section
        className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        aria-busy={list.isFetching}
      >
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : data === undefined ? (
          <Loading />
        ) : (
          <>
            <InstanceTable
              rows={rows}
              columns={columns}
              visibility={visibility}
              selection={selection}
              // Rows of the previous filter stay on screen until the new ones arrive: they cannot be ticked
              // meanwhile (a tick would vanish with them).
              onSelection={bulk && !list.isPlaceholderData ? setSelection : undefined}
              filtered={filtered}
            />
            <Pagination
              page={params.page}
              pageSize={params.size}
              total={total}
              onPage={(page) => update({ page })}
              onPageSize={(size) => update({ size })}
            />
          </>
        )}
      </section>
    </div>
  );
}
