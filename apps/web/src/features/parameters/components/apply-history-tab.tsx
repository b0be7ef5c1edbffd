import type { TemplateApplyRecord } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useListParams } from '../../../shared/lib/use-list-params';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useAuditEntries, useJobsById } from '../api/use-audit-trail';
import { useApplyHistory } from '../api/use-template-histories';
import { applyRecordUser } from '../lib/history-users';
import { HistoryTable, HistoryTime } from './history-table';
import { UserCell } from './history-user';

/** 4.5.13: where the template was applied, with each result; the console user who did it for admins. */
export function ApplyHistoryTab({ project, configId }: { project: string; configId: string }) {
  const { t } = useTranslation();
  const list = useListParams([] as const);
  const history = useApplyHistory(project, configId, { offset: list.offset, limit: list.size });
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
        cell: ({ row }) => <HistoryTime at={row.original.applied_at} />,
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

  return (
    <HistoryTable
      history={history}
      list={list}
      audit={{ isAdmin: audit.isAdmin, auditError: audit.query.error }}
      label={t('parameters.detail.tab.applied')}
      columns={columns}
      getRowId={(r) => `${r.instance_id}-${r.applied_at ?? ''}-${r.apply_result ?? ''}`}
      empty={{
        title: t('parameters.history.noApplications'),
        hint: t('parameters.history.noApplicationsHint'),
      }}
    />
  );
}
