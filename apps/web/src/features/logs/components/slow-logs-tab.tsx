import type { Instance, SlowLogDownload } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { Download } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { Button } from '../../../shared/ui/button';
import { CopyId } from '../../../shared/ui/copy-id';
import { DataTable } from '../../../shared/ui/data-table';
import { ErrorPanel } from '../../../shared/ui/error-panel';
import { formatAgo, formatTime } from '../../../shared/lib/format';
import { RefreshCw } from 'lucide-react';
import { PermissionNote } from '../../../shared/ui/permission-note';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { isExporting, useRequestSlowLogs, useSlowLogs } from '../api/use-slow-logs';

/** Bytes ("719.0", 4.8.2) in words. */
export function formatBytes(value: string | null | undefined): string {
  const n = Number.parseFloat(value ?? '');
  if (!Number.isFinite(n)) return '—';
  if (n < 1024) return `${Math.round(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/** The API's status words (`EXPORTING`, `success`, `failed`) as the status badge's. */
const badgeStatus = (s: string | null | undefined) => {
  const u = (s ?? '').toUpperCase();
  return u === 'SUCCESS' ? 'COMPLETED' : u === 'EXPORTING' ? 'EXPORTING' : u === 'FAILED' ? 'FAILED' : s;
};

/**
 * The instance's "Logs" tab: slow-query logs. A DBA asks for fresh files (4.8.1, one per node), watches
 * them being prepared (4.8.2, read live while any is), and downloads them.
 */
export function SlowLogsTab({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const can = useCan();
  const logs = useSlowLogs(project, instance.id);
  const request = useRequestSlowLogs(project, instance.id);
  const list = logs.data?.list ?? [];
  const running = list.some(isExporting);
  const nodeName = (id: string | null | undefined) =>
    instance.nodes?.find((n) => n.id === id)?.name ?? (id ? `${id.slice(0, 8)}…` : '—');

  const columns = useMemo<ColumnDef<SlowLogDownload, unknown>[]>(
    () => [
      {
        id: 'node',
        accessorFn: (d) => d.node_id ?? '',
        header: t('logs.col.node'),
        cell: ({ row }) => (
          <div className="flex flex-col leading-tight">
            <span className="whitespace-nowrap">{nodeName(row.original.node_id)}</span>
            {row.original.node_id && <CopyId value={row.original.node_id} short />}
          </div>
        ),
      },
      {
        id: 'file',
        accessorFn: (d) => d.file_name ?? '',
        header: t('logs.col.file'),
        cell: ({ row }) => (
          <span className="font-mono text-xs break-all">{row.original.file_name ?? '—'}</span>
        ),
      },
      {
        id: 'status',
        accessorFn: (d) => d.status ?? '',
        header: t('logs.col.status'),
        cell: ({ row }) => (
          <div className="flex flex-col gap-0.5">
            <StatusBadge status={badgeStatus(row.original.status)} className="self-start" />
            {row.original.message && (
              <span className="text-xs text-red-700 dark:text-red-400">{row.original.message}</span>
            )}
          </div>
        ),
      },
      {
        id: 'size',
        accessorFn: (d) => Number.parseFloat(d.file_size ?? '0'),
        header: t('logs.col.size'),
        meta: { align: 'right' },
        cell: ({ row }) => (
          <span className="whitespace-nowrap">
            {isExporting(row.original) ? '—' : formatBytes(row.original.file_size)}
          </span>
        ),
      },
      {
        id: 'created',
        accessorFn: (d) => d.created_at ?? 0,
        header: t('logs.col.created'),
        cell: ({ row }) => (
          <span className="whitespace-nowrap">{formatTime(row.original.created_at).text}</span>
        ),
      },
      {
        id: 'link',
        header: t('logs.col.link'),
        enableSorting: false,
        cell: ({ row }) =>
          row.original.file_link && !isExporting(row.original) ? (
            <a
              href={row.original.file_link}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 text-sky-700 hover:underline dark:text-sky-400"
              aria-label={t('logs.downloadLabel', { node: nodeName(row.original.node_id) })}
            >
              <Download className="size-3.5" aria-hidden />
              {t('logs.download')}
            </a>
          ) : (
            <span className="text-xs text-slate-500 dark:text-slate-400">
              {isExporting(row.original) ? t('logs.preparing') : '—'}
            </span>
          ),
      },
    ],
    // nodeName reads the instance's nodes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, instance.nodes],
  );

  if (logs.permitted === false) return <NotPermitted />;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-base font-semibold">{t('logs.title')}</h2>
        <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {logs.dataUpdatedAt ? t('common.updatedAgo', { ago: formatAgo(logs.dataUpdatedAt) }) : ''}
        </span>
        <div className="ml-auto flex items-center gap-2">
          <PermissionNote operations={['createSlowLogDownload']} message="logs.roles.request" />
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void logs.refetch()}
            aria-label={t('common.refresh')}
            title={t('common.refresh')}
          >
            <RefreshCw
              className={logs.isFetching ? 'size-4 animate-spin motion-reduce:animate-none' : 'size-4'}
              aria-hidden
            />
          </Button>
          {can('createSlowLogDownload') && (
            <Button
              variant="primary"
              onClick={() => request.mutate()}
              disabled={request.isPending || running}
            >
              {request.isPending ? t('logs.requesting') : t('logs.request')}
            </Button>
          )}
        </div>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {running ? t('logs.runningHint') : t('logs.hint')}
      </p>
      {request.isError && <ErrorPanel error={request.error} title={t('logs.requestFailed')} />}
      {request.isSuccess && request.data.list.length === 0 && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {t('logs.requested')}
        </p>
      )}
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {logs.isPending ? (
          <Loading />
        ) : logs.isError ? (
          <ErrorState error={logs.error} onRetry={() => void logs.refetch()} />
        ) : (
          <DataTable
            label={t('logs.title')}
            data={list}
            columns={columns}
            getRowId={(d) => d.id}
            empty={<EmptyState title={t('logs.empty')} hint={t('logs.emptyHint')} />}
          />
        )}
      </section>
    </div>
  );
}
