import type { TemplateApplyRecord } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/use-list-params';
import { DataTable } from '../../../shared/ui/data-table';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useAuditEntries, useJobsById } from '../api/use-audit-trail';
import { useApplyHistory } from '../api/use-template-histories';
import { applyRecordUser } from '../lib/history-users';
import { HistoryUserNote, UserCell } from './history-user';

/** 4.5.13: where the template was applied, with each result; the console user who did it for admins. */
export function ApplyHistoryTab({ project, configId }: { project: string; configId: string }) {
  const { t } = useTranslation();
  const { page, size, offset, set } = useListParams([] as const);
  const history = useApplyHistory(project, configId, { offset, limit: size });
  const audit = useAuditEntries(project, 'applyParameterTemplate', configId);
  const jobIds = useMemo(
    () => (audit.entries ?? []).flatMap((e) => (e.job_id ? [e.job_id] : [])),
    [audit.entries],
  );
  const jobs = useJobsById(project, jobIds);

  const columns = useMemo<ColumnDef<TemplateApplyRecord, unknown>[]>(
    () => [
      {
        id: 'instance',
        header: t('parameters.history.col.instance'),
        cell: ({ row }) => (
          <Link
            className="text-sky-700 hover:underline dark:text-sky-400"
            to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(row.original.instance_id)}?tab=parameters`}
          >
            {row.original.instance_name ?? row.original.instance_id}
          </Link>
        ),
      },
      {
        id: 'result',
        header: t('parameters.history.col.result'),
        cell: ({ row }) => <StatusBadge status={row.original.apply_result} />,
      },
      {
        id: 'code',
        header: t('parameters.history.col.errorCode'),
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.error_code ?? '—'}</span>,
      },
      {
        id: 'at',
        header: t('parameters.history.col.appliedAt'),
        cell: ({ row }) => {
          const f = formatTime(row.original.applied_at);
          return (
            <span className="whitespace-nowrap" title={f.title}>
              {f.text}
            </span>
          );
        },
      },
      ...(audit.isAdmin
        ? [
            {
              id: 'user',
              header: t('parameters.history.col.user'),
              cell: ({ row }) => (
                <UserCell
                  user={applyRecordUser(row.original, audit.entries ?? [], jobs)}
                  loading={audit.query.isPending}
                />
              ),
            } satisfies ColumnDef<TemplateApplyRecord, unknown>,
          ]
        : []),
    ],
    [t, project, audit.isAdmin, audit.entries, audit.query.isPending, jobs],
  );

  if (history.permitted === false) return <NotPermitted />;
  return (
    <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <HistoryUserNote isAdmin={audit.isAdmin} auditError={audit.query.error} />
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <DataTable
            label={t('parameters.detail.tab.applied')}
            data={history.data.histories}
            columns={columns}
            getRowId={(r) => `${r.instance_id}-${r.applied_at ?? ''}-${r.apply_result ?? ''}`}
            empty={
              <EmptyState
                title={t('parameters.history.noApplications')}
                hint={t('parameters.history.noApplicationsHint')}
              />
            }
          />
          <Pagination
            page={page}
            pageSize={size}
            total={history.data.total_count ?? history.data.histories.length}
            onPage={(p) => set({ page: String(p) }, true)}
            onPageSize={(s) => set({ size: String(s) })}
          />
        </>
      )}
    </section>
  );
}
