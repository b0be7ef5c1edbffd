import { progressOf, type TaskItem } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatTime, parseProgress } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/use-list-params';
import { CopyId } from '../../../shared/ui/copy-id';
import { DataTable } from '../../../shared/ui/data-table';
import { JobProgress } from '../../../shared/ui/job-progress';
import { ListHeader } from '../../../shared/ui/list-header';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useTasks, type ListTasksQuery } from '../api/use-tasks';
import { JobDetail } from './job-detail';
import { TaskFilters } from './task-filters';

/** The task center: every task of the project, filterable, with a job's detail beside the list. */
export function TasksPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const list = useListParams(['status', 'name', 'from', 'to', 'job'] as const);
  const { page, size, values, set } = list;
  const selectedJob = values.job || undefined;
  const query = useMemo<ListTasksQuery>(
    () => ({
      offset: list.offset,
      limit: size,
      ...(values.status ? { status: values.status as ListTasksQuery['status'] } : {}),
      ...(values.name ? { name: values.name } : {}),
      ...(values.from ? { start_time: values.from } : {}),
      ...(values.to ? { end_time: values.to } : {}),
    }),
    [values, list.offset, size],
  );
  const tasks = useTasks(project, query);
  const open = useCallback((job: string) => set({ job }, true), [set]);
  useEffect(() => {
    document.title = `${t('nav.tasks')} · ${t('app.name')}`;
  }, [t]);

  const columns = useMemo<ColumnDef<TaskItem, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (r) => r.name,
        header: t('tasks.col.name'),
        cell: ({ row }) => (
          // The task's name in words; the API's job name (e.g. EnlargeGaussDBV5Volume) only on hover.
          <button
            type="button"
            className="text-left font-medium text-sky-700 hover:underline dark:text-sky-400"
            title={row.original.name}
            onClick={() => open(row.original.job_id)}
          >
            {t(`jobs.names.${row.original.name}`, { defaultValue: row.original.name })}
          </button>
        ),
      },
      {
        id: 'instance',
        accessorFn: (r) => r.instance_info?.instance_name ?? '',
        header: t('tasks.col.instance'),
        cell: ({ row }) =>
          row.original.instance_info?.instance_id ? (
            <div className="flex flex-col leading-tight">
              <Link
                className="text-sky-700 hover:underline dark:text-sky-400"
                to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(row.original.instance_info.instance_id)}`}
              >
                {row.original.instance_info.instance_name ?? row.original.instance_info.instance_id}
              </Link>
              <CopyId value={row.original.instance_info.instance_id} short />
            </div>
          ) : (
            '—'
          ),
      },
      {
        id: 'status',
        accessorFn: (r) => r.status,
        header: t('tasks.col.status'),
        cell: ({ row }) => (
          <div className="flex min-w-36 flex-col gap-1">
            <StatusBadge status={row.original.status} className="self-start" />
            {row.original.status === 'Running' && (
              <JobProgress value={parseProgress(progressOf(row.original))} />
            )}
            {row.original.status === 'Failed' && row.original.fail_reason && (
              <span
                className="max-w-72 truncate text-xs text-red-700 dark:text-red-400"
                title={row.original.fail_reason}
              >
                {row.original.fail_reason}
              </span>
            )}
          </div>
        ),
      },
      {
        id: 'created',
        accessorFn: (r) => r.created_at ?? '',
        header: t('tasks.col.created'),
        cell: ({ row }) => {
          const f = formatTime(row.original.created_at);
          return (
            <span title={f.title} className="whitespace-nowrap">
              {f.text}
            </span>
          );
        },
      },
      {
        id: 'ended',
        accessorFn: (r) => r.ended_at ?? '',
        header: t('tasks.col.ended'),
        cell: ({ row }) => {
          const f = formatTime(row.original.ended_at);
          return (
            <span title={f.title} className="whitespace-nowrap">
              {f.text}
            </span>
          );
        },
      },
    ],
    [t, project, open],
  );

  const rows = tasks.data?.tasks ?? [];
  return (
    <div className="flex gap-4 p-4">
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <ListHeader
          title={t('nav.tasks')}
          updatedAt={tasks.dataUpdatedAt}
          fetching={tasks.isFetching}
          onRefresh={() => void tasks.refetch()}
        />
        <TaskFilters values={values} onChange={(p) => set(p)} />
        <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          {tasks.permitted === false ? (
            <NotPermitted />
          ) : tasks.isPending ? (
            <Loading />
          ) : tasks.isError ? (
            <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
          ) : (
            <>
              <DataTable
                label={t('nav.tasks')}
                data={rows}
                columns={columns}
                getRowId={(r) => r.job_id}
                rowClassName={(r) => (r.job_id === selectedJob ? 'bg-sky-50 dark:bg-sky-950' : undefined)}
                empty={<EmptyState title={t('tasks.empty')} hint={t('tasks.emptyHint')} />}
              />
              <Pagination
                page={page}
                pageSize={size}
                total={tasks.data?.total_count ?? rows.length}
                onPage={(p) => set({ page: String(p) }, true)}
                onPageSize={(s) => set({ size: String(s) })}
              />
            </>
          )}
        </section>
      </div>
      {selectedJob && (
        <JobDetail project={project} jobId={selectedJob} onClose={() => set({ job: undefined }, true)} />
      )}
    </div>
  );
}
