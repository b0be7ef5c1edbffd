import type { TaskItem } from '@gaussdb-console/api-client/browser';
import { progressOf } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime, parseProgress } from '../../../shared/lib/format';
import { DataTable } from '../../../shared/ui/data-table';
import { JobProgress } from '../../../shared/ui/job-progress';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useRestoreJobs } from '../api/use-restore-jobs';

/**
 * The instance's restores: the task that produced it from a backup or point in time
 * (CloneGaussDBV5NewInstance) and every restore that replaced its data (RestoreGaussDBV5Instance…),
 * each linked to its task.
 */
export function RestoresSection(props: { project: string; instanceId: string }) {
  const { t } = useTranslation();
  const { project } = props;
  const jobs = useRestoreJobs(project, props.instanceId);
  const columns = useMemo<ColumnDef<TaskItem, unknown>[]>(
    () => [
      {
        id: 'what',
        accessorFn: (r) => r.name,
        header: t('backups.restores.what'),
        cell: ({ row }) => (
          <Link
            className="text-sky-700 hover:underline dark:text-sky-400"
            title={row.original.name}
            to={`/p/${encodeURIComponent(project)}/tasks?job=${encodeURIComponent(row.original.job_id)}`}
          >
            {t(`backups.restores.kind.${row.original.name}`, { defaultValue: row.original.name })}
          </Link>
        ),
      },
      {
        id: 'status',
        accessorFn: (r) => r.status,
        header: t('backups.col.status'),
        cell: ({ row }) => (
          <div className="flex min-w-36 flex-col gap-1">
            <StatusBadge status={row.original.status} className="self-start" />
            {row.original.status === 'Running' && (
              <JobProgress value={parseProgress(progressOf(row.original))} />
            )}
            {row.original.fail_reason && (
              <span className="text-xs text-red-700 dark:text-red-400">{row.original.fail_reason}</span>
            )}
          </div>
        ),
      },
      {
        id: 'created',
        accessorFn: (r) => r.created_at ?? '',
        header: t('backups.restores.started'),
        cell: ({ row }) => formatTime(row.original.created_at).text,
      },
      {
        id: 'ended',
        accessorFn: (r) => r.ended_at ?? '',
        header: t('backups.restores.ended'),
        cell: ({ row }) => formatTime(row.original.ended_at).text,
      },
    ],
    [t, project],
  );
  if (jobs.permitted === false) return <NotPermitted />;
  if (jobs.isPending) return <Loading />;
  if (jobs.isError) return <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  return (
    <DataTable
      label={t('backups.restores.title')}
      data={jobs.data}
      columns={columns}
      getRowId={(r) => r.job_id}
      empty={<EmptyState title={t('backups.restores.empty')} />}
    />
  );
}
