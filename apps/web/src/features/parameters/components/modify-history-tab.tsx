import type { TemplateModifyRecord } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { ArrowRight } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../../shared/lib/use-list-params';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useAuditEntries } from '../api/use-audit-trail';
import { useModifyHistory } from '../api/use-template-histories';
import { modifyRecordUser } from '../lib/history-users';
import { HistoryTable, HistoryTime } from './history-table';
import { UserCell } from './history-user';

/** 4.5.14: each change of each parameter of the template (old → new); the console user for admins. */
export function ModifyHistoryTab({ project, configId }: { project: string; configId: string }) {
  const { t } = useTranslation();
  const list = useListParams([] as const);
  const history = useModifyHistory(project, configId, { offset: list.offset, limit: list.size });
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
        cell: ({ row }) => <HistoryTime at={row.original.updated_at} />,
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

  return (
    <HistoryTable
      history={history}
      list={list}
      audit={{ isAdmin: audit.isAdmin, auditError: audit.query.error }}
      label={t('parameters.detail.tab.history')}
      columns={columns}
      getRowId={(r) => `${r.parameter_name}-${r.updated_at ?? ''}-${r.old_value ?? ''}`}
      empty={{ title: t('parameters.history.noChanges'), hint: t('parameters.history.noChangesHint') }}
    />
  );
}
