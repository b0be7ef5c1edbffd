import type { Backup } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDuration, formatTime } from '../../../shared/lib/format';
import type { ListParams } from '../../../shared/lib/use-list-params';
import { CopyId } from '../../../shared/ui/copy-id';
import { DataTable } from '../../../shared/ui/data-table';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useAllBackups, useBackups, type ListBackupsQuery } from '../api/use-backups';
import { useInstanceNames } from '../api/use-instance-names';
import { backupDurationMs, dayBound, formatMb, kindOf } from '../lib/backup-format';
import { BackupFilters, type BackupFilterValues } from './backup-filters';
import { BackupActionDialog, BackupRowActions, type BackupAction } from './backup-row-actions';

type Keys = 'type' | 'status' | 'from' | 'to';

/** The API's filters from the list's URL state (the status filter is applied here: 4.7.3 has none). */
function apiQuery(
  instanceId: string | undefined,
  v: BackupFilterValues,
): Omit<ListBackupsQuery, 'offset' | 'limit'> {
  const begin = v.from ? dayBound(v.from, false) : undefined;
  const end = v.to ? dayBound(v.to, true) : undefined;
  const range = begin || end;
  return {
    ...(instanceId ? { instance_id: instanceId } : {}),
    ...(v.type && (instanceId || v.type !== 'Log_Xbsa') ? { backup_type: v.type } : {}),
    ...(range && !(v.from && v.to && v.to < v.from)
      ? {
          begin_time: begin ?? '1970-01-01T00:00:00Z',
          end_time: end ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        }
      : {}),
  };
}

/**
 * Backups (4.7.3) as a list: the API's filters plus status, paging in the URL, sizes and times, and each
 * backup's actions. One instance's backups (its tab), or the project's (the Backups page).
 */
export function BackupList(props: {
  project: string;
  list: ListParams<Keys>;
  instance?: { id: string; name: string };
  label: string;
  /** The page's head, given when the list was read and how to read it again (the project page has one). */
  header?: (state: { updatedAt: number; fetching: boolean; refresh: () => void }) => ReactNode;
}) {
  const { t } = useTranslation();
  const { project, list, instance } = props;
  const { values, page, size } = list;
  const base = useMemo(() => apiQuery(instance?.id, values), [instance?.id, values]);
  // A status filter needs the whole list (the API cannot filter by status), paged here.
  const byStatus = !!values.status;
  const paged = useBackups(project, { ...base, offset: list.offset, limit: size }, !byStatus);
  const whole = useAllBackups(project, base, byStatus);
  const q = byStatus ? whole : paged;
  const rows: Backup[] = byStatus
    ? (whole.data ?? []).filter((b) => b.status === values.status).slice(list.offset, list.offset + size)
    : (paged.data?.backups ?? []);
  const total = byStatus
    ? (whole.data ?? []).filter((b) => b.status === values.status).length
    : (paged.data?.total_count ?? rows.length);
  const names = useInstanceNames(
    project,
    instance ? [] : rows.map((b) => b.instance_id ?? '').filter(Boolean),
  );
  const [action, setAction] = useState<{ action: BackupAction; backup: Backup }>();
  const nameOf = (id: string | null | undefined) =>
    id ? (instance?.id === id ? instance.name : names.get(id)) : undefined;

  const columns = useMemo<ColumnDef<Backup, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (b) => b.name ?? b.id,
        header: t('backups.col.name'),
        cell: ({ row }) => (
          <div className="flex flex-col leading-tight">
            <span className="font-medium break-all" title={row.original.description ?? undefined}>
              {row.original.name ?? row.original.id}
            </span>
            <CopyId value={row.original.id} short />
          </div>
        ),
      },
      ...(instance
        ? []
        : [
            {
              id: 'instance',
              accessorFn: (b: Backup) => b.instance_id ?? '',
              header: t('backups.col.instance'),
              cell: ({ row }: { row: { original: Backup } }) => {
                const id = row.original.instance_id;
                if (!id) return '—';
                const name = nameOf(id);
                return name === null ? (
                  <span className="text-slate-500 dark:text-slate-400" title={id}>
                    {t('backups.instanceGone', { id: `${id.slice(0, 8)}…` })}
                  </span>
                ) : (
                  <Link
                    className="text-sky-700 hover:underline dark:text-sky-400"
                    to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(id)}?tab=backups`}
                  >
                    {name ?? `${id.slice(0, 8)}…`}
                  </Link>
                );
              },
            } satisfies ColumnDef<Backup, unknown>,
          ]),
      {
        id: 'type',
        accessorFn: (b) => kindOf(b),
        header: t('backups.col.type'),
        cell: ({ row }) => t(`backups.type.${kindOf(row.original)}`),
      },
      {
        id: 'status',
        accessorFn: (b) => b.status ?? '',
        header: t('backups.col.status'),
        cell: ({ row }) => <StatusBadge status={row.original.status} />,
      },
      {
        id: 'size',
        accessorFn: (b) => b.size ?? 0,
        header: t('backups.col.size'),
        meta: { align: 'right' },
        cell: ({ row }) => (row.original.status === 'COMPLETED' ? formatMb(row.original.size) : '—'),
      },
      {
        id: 'begin',
        accessorFn: (b) => b.begin_time ?? '',
        header: t('backups.col.begin'),
        cell: ({ row }) => {
          const f = formatTime(row.original.begin_time);
          return (
            <span title={f.title} className="whitespace-nowrap">
              {f.text}
            </span>
          );
        },
      },
      {
        id: 'end',
        accessorFn: (b) => b.end_time ?? '',
        header: t('backups.col.end'),
        cell: ({ row }) => {
          const f = formatTime(row.original.end_time);
          const d = backupDurationMs(row.original);
          return (
            <span title={f.title} className="whitespace-nowrap">
              {f.text}
              {Number.isFinite(d) && d > 0 && (
                <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">({formatDuration(d)})</span>
              )}
            </span>
          );
        },
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <BackupRowActions
            project={project}
            backup={row.original}
            onOpen={(a, backup) => setAction({ action: a, backup })}
          />
        ),
      },
    ],
    // nameOf reads `names`, which changes as instance names arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, project, instance?.id, instance?.name, names],
  );

  return (
    <div className="flex flex-col gap-3">
      {props.header?.({
        updatedAt: q.dataUpdatedAt,
        fetching: q.isFetching,
        refresh: () => void q.refetch(),
      })}
      <BackupFilters values={values} onChange={(p) => list.set(p)} incremental={!!instance} />
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {q.permitted === false ? (
          <NotPermitted />
        ) : q.isPending ? (
          <Loading />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <>
            <DataTable
              label={props.label}
              data={rows}
              columns={columns}
              getRowId={(b) => b.id}
              empty={
                <EmptyState
                  title={t('backups.empty')}
                  hint={
                    values.type || values.status || values.from || values.to
                      ? t('backups.emptyFiltered')
                      : t('backups.emptyHint')
                  }
                />
              }
            />
            <Pagination
              page={page}
              pageSize={size}
              total={total}
              onPage={(p) => list.set({ page: String(p) }, true)}
              onPageSize={(s) => list.set({ size: String(s) })}
            />
          </>
        )}
      </section>
      {action && (
        <BackupActionDialog
          project={project}
          action={action.action}
          backup={action.backup}
          instanceName={nameOf(action.backup.instance_id) ?? undefined}
          onClose={() => setAction(undefined)}
        />
      )}
    </div>
  );
}
