import { retentionDaysOf, recycleStatusOf, type RecycleInstance } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../shared/api/policy';
import { formatTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/use-list-params';
import { useNow } from '../../../shared/lib/use-now';
import { Button } from '../../../shared/ui/button';
import { CopyId } from '../../../shared/ui/copy-id';
import { DataTable } from '../../../shared/ui/data-table';
import { FilterInput } from '../../../shared/ui/filter-input';
import { ListHeader } from '../../../shared/ui/list-header';
import { Pagination } from '../../../shared/ui/pagination';
import { PermissionNote } from '../../../shared/ui/permission-note';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { restoreToNewHref } from '../../backups/api/restore-point';
import { useRecycleInstances } from '../api/use-recycle-instances';
import { useRecyclePolicy } from '../api/use-recycle-policy';
import { purgeAt, recycleTimeMs } from '../lib/time-left';
import { PurgeCountdown } from './countdown';
import { RetentionDialog } from './retention-dialog';

const PAGE_SIZES = [10, 20, 50] as const;

/**
 * `/p/:project/recycle-bin` (4.13): deleted instances with the time left before each is purged (a live
 * countdown from the retention policy), their final backup, a restore from it to a new instance, and the
 * retention policy itself.
 */
export function RecycleBinPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const can = useCan();
  const now = useNow(30_000);
  const list = useListParams(['q'] as const, 20);
  const { page, size, values } = list;
  const policy = useRecyclePolicy(project);
  // Answers are not parsed on the way in: 4.13.2 sends the days as a string ("5").
  const days = policy.data ? Number(retentionDaysOf(policy.data)) : undefined;
  const bin = useRecycleInstances(project, {
    offset: list.offset,
    limit: Math.min(size, 50),
    ...(values.q ? { instance_name: values.q } : {}),
  });
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    document.title = `${t('nav.recycleBin')} · ${t('app.name')}`;
  }, [t]);

  const columns = useMemo<ColumnDef<RecycleInstance, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (r) => r.name,
        header: t('recycle.col.name'),
        cell: ({ row }) => (
          <div className="flex flex-col leading-tight">
            <span className="font-medium">{row.original.name}</span>
            <CopyId value={row.original.id} short />
          </div>
        ),
      },
      {
        id: 'deployment',
        accessorFn: (r) => r.ha_mode ?? '',
        header: t('recycle.col.deployment'),
        cell: ({ row }) =>
          t(`recycle.haMode.${row.original.ha_mode ?? 'unknown'}`, {
            defaultValue: row.original.ha_mode ?? '—',
          }),
      },
      { id: 'version', accessorFn: (r) => r.engine_version ?? '', header: t('recycle.col.version') },
      {
        id: 'storage',
        accessorFn: (r) => r.volume_type ?? '',
        header: t('recycle.col.storage'),
        cell: ({ row }) =>
          t(`recycle.volume.${(row.original.volume_type ?? '').toLowerCase()}`, {
            defaultValue: row.original.volume_type ?? '—',
          }),
      },
      {
        id: 'deleted',
        accessorFn: (r) => r.deleted_at ?? '',
        header: t('recycle.col.deleted'),
        cell: ({ row }) => {
          const f = formatTime(recycleTimeMs(row.original.deleted_at));
          return (
            <span title={f.title} className="whitespace-nowrap">
              {f.text}
            </span>
          );
        },
      },
      {
        id: 'left',
        accessorFn: (r) => recycleTimeMs(r.deleted_at),
        header: t('recycle.col.left'),
        cell: ({ row }) =>
          days === undefined ? (
            '—'
          ) : (
            <PurgeCountdown purge={purgeAt(recycleTimeMs(row.original.deleted_at), days)} />
          ),
      },
      {
        id: 'backup',
        accessorFn: (r) => r.recycle_backup_id ?? '',
        header: t('recycle.col.backup'),
        cell: ({ row }) => (
          <div className="flex flex-col items-start gap-0.5">
            {row.original.recycle_backup_id ? <CopyId value={row.original.recycle_backup_id} short /> : '—'}
            <StatusBadge status={recycleStatusOf(row.original)} />
          </div>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => {
          const r = row.original;
          if (!can('restoreToNewInstance')) return null;
          const ready = recycleStatusOf(r) === 'Active' && !!r.recycle_backup_id;
          return ready ? (
            <Link
              className="text-sm whitespace-nowrap text-sky-700 hover:underline dark:text-sky-400"
              to={restoreToNewHref(
                project,
                { instanceId: r.id, type: 'backup', backupId: r.recycle_backup_id! },
                { from: 'recycle-bin', name: r.name },
              )}
              aria-label={t('recycle.restoreLabel', { name: r.name })}
            >
              {t('recycle.restore')}
            </Link>
          ) : (
            <span className="text-xs text-slate-500 dark:text-slate-400">{t('recycle.backupNotReady')}</span>
          );
        },
      },
    ],
    [t, days, can, project],
  );

  const rows = bin.data?.instances ?? [];
  return (
    <div className="flex flex-col gap-3 p-4">
      <ListHeader
        title={t('nav.recycleBin')}
        updatedAt={bin.dataUpdatedAt}
        fetching={bin.isFetching}
        onRefresh={() => void bin.refetch()}
      />
      <section
        aria-label={t('recycle.retention.title')}
        className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
      >
        {policy.permitted === false ? (
          <span>{t('recycle.retention.notPermitted')}</span>
        ) : policy.isError ? (
          <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
        ) : days === undefined ? (
          <span>{t('common.loading')}</span>
        ) : (
          <span>{t('recycle.retention.current', { count: days })}</span>
        )}
        {can('setRecyclePolicy') && days !== undefined && (
          <Button onClick={() => setEditing(true)}>{t('recycle.retention.change')}</Button>
        )}
        <PermissionNote operations={['setRecyclePolicy']} message="recycle.roles.policy" />
        <PermissionNote operations={['restoreToNewInstance']} message="recycle.roles.restore" />
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <FilterInput
          value={values.q}
          onApply={(q) => list.set({ q })}
          label={t('recycle.search')}
          placeholder={t('recycle.search')}
          className="w-64"
          problem={(v) => (v.length > 64 ? t('recycle.searchTooLong') : undefined)}
        />
      </div>
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {bin.permitted === false ? (
          <NotPermitted />
        ) : bin.isPending ? (
          <Loading />
        ) : bin.isError ? (
          <ErrorState error={bin.error} onRetry={() => void bin.refetch()} />
        ) : (
          <>
            <DataTable
              label={t('nav.recycleBin')}
              data={rows}
              columns={columns}
              getRowId={(r) => r.id}
              empty={
                <EmptyState
                  title={values.q ? t('recycle.emptyFiltered') : t('recycle.empty')}
                  hint={t('recycle.emptyHint', { count: days ?? 7 })}
                />
              }
            />
            <Pagination
              page={page}
              pageSize={Math.min(size, 50)}
              sizes={PAGE_SIZES}
              total={bin.data?.total_count ?? rows.length}
              onPage={(p) => list.set({ page: String(p) }, true)}
              onPageSize={(s) => list.set({ size: String(s) })}
            />
          </>
        )}
      </section>
      {editing && days !== undefined && (
        <RetentionDialog
          project={project}
          current={days}
          deletedAt={rows.map((r) => recycleTimeMs(r.deleted_at))}
          now={now}
          open
          onOpenChange={setEditing}
        />
      )}
    </div>
  );
}
