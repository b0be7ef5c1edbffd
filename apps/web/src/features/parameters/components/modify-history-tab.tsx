import type { TemplateModifyRecord } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { ArrowRight } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/use-list-params';
import { DataTable } from '../../../shared/ui/data-table';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useAuditEntries } from '../api/use-audit-trail';
import { useModifyHistory } from '../api/use-template-histories';
import { modifyRecordUser } from '../lib/history-users';
import { HistoryUserNote, UserCell } from './history-user';

/** 4.5.14: each change of each parameter of the template (old → new); the console user for admins. */
export function ModifyHistoryTab({ project, configId }: { project: string; configId: string }) {
  const { t } = useTranslation();
  const { page, size, offset, set } = useListParams([] as const);
  const history = useModifyHistory(project, configId, { offset, limit: size });
  const audit = useAuditEntries(project, 'resetParameterTemplate', configId);

  const columns = useMemo<ColumnDef<TemplateModifyRecord, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('parameters.history.col.parameter'),
        cell: ({ row }) => (
          <span className="font-mono text-xs font-medium">{row.original.parameter_name}</span>
        ),
      },
      {
        id: 'change',
        header: t('parameters.history.col.change'),
        cell: ({ row }) => (
          <span className="inline-flex flex-wrap items-center gap-1.5 font-mono text-xs">
            <span className="text-red-800 line-through decoration-red-400 dark:text-red-300">
              {row.original.old_value || t('paramEdit.emptyValue')}
            </span>
            <ArrowRight className="size-3 text-slate-400" aria-label={t('paramEdit.diffArrow')} />
            <span className="text-emerald-800 dark:text-emerald-300">
              {row.original.new_value || t('paramEdit.emptyValue')}
            </span>
          </span>
        ),
      },
      {
        id: 'result',
        header: t('parameters.history.col.result'),
        cell: ({ row }) => <StatusBadge status={row.original.update_result} />,
      },
      {
        id: 'at',
        header: t('parameters.history.col.updatedAt'),
        cell: ({ row }) => {
          const f = formatTime(row.original.updated_at);
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
                  user={modifyRecordUser(row.original, audit.entries ?? [])}
                  loading={audit.query.isPending}
                />
              ),
            } satisfies ColumnDef<TemplateModifyRecord, unknown>,
          ]
        : []),
    ],
    [t, audit.isAdmin, audit.entries, audit.query.isPending],
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
            label={t('parameters.detail.tab.history')}
            data={history.data.histories}
            columns={columns}
            getRowId={(r) => `${r.parameter_name}-${r.updated_at ?? ''}-${r.old_value ?? ''}`}
            empty={
              <EmptyState
                title={t('parameters.history.noChanges')}
                hint={t('parameters.history.noChangesHint')}
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
