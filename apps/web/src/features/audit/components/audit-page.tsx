import type { AuditEntryView, AuditQueryInput } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { Download } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ActionDialog } from '../../../shared/forms/operation-dialog';
import { downloadCsv } from '../../../shared/lib/csv';
import { formatTime } from '../../../shared/lib/format';
import { pushToast } from '../../../shared/lib/toasts';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data-table';
import { ListHeader } from '../../../shared/ui/list-header';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { allAuditEntries, useAudit, type AuditFilters as Filters } from '../api/use-audit';
import { AuditFilters, AUDIT_FILTERS } from './audit-filters';
import { JobCell, operationLabel, ResultBadge, TargetCell } from './audit-cells';

/**
 * The audit trail (admins): every mutation and sign-in with who, when, what, on what, the result with its
 * DBS code and the job it started; filtered and paged in the URL, exported as CSV. Other roles fetch nothing.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const list = useListParams(AUDIT_FILTERS, 50);
  const { values, set, page, size } = list;
  const filters = useMemo(
    () => Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Filters,
    [values],
  );
  const query: AuditQueryInput = { ...filters, offset: list.offset, limit: size };
  const audit = useAudit(query);
  const [details, setDetails] = useState<AuditEntryView>();
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    document.title = `${t('nav.audit')} · ${t('app.name')}`;
  }, [t]);

  const columns = useMemo<ColumnDef<AuditEntryView, unknown>[]>(
    () => [
      {
        id: 'time',
        accessorKey: 'time',
        header: t('audit.col.time'),
        cell: ({ row }) => {
          const f = formatTime(row.original.time);
          return (
            <span title={f.title} className="whitespace-nowrap">
              {f.text}
            </span>
          );
        },
      },
      {
        id: 'user',
        accessorFn: (r) => r.user ?? '',
        header: t('audit.col.user'),
        cell: ({ row }) => (
          <div className="leading-tight">
            <div className="font-medium">{row.original.user ?? '—'}</div>
            <div className="text-xs text-slate-500 dark:text-slate-400">
              {row.original.role ? t(`roles.${row.original.role}`, { defaultValue: row.original.role }) : ''}{' '}
              {row.original.ip ?? ''}
            </div>
          </div>
        ),
      },
      {
        id: 'operation',
        accessorKey: 'operation',
        header: t('audit.col.operation'),
        cell: ({ row }) => (
          <span title={row.original.operation}>{operationLabel(t, row.original.operation)}</span>
        ),
      },
      {
        id: 'target',
        header: t('audit.col.target'),
        enableSorting: false,
        cell: ({ row }) => <TargetCell entry={row.original} project={project} />,
      },
      {
        id: 'result',
        accessorKey: 'result',
        header: t('audit.col.result'),
        cell: ({ row }) => <ResultBadge entry={row.original} />,
      },
      {
        id: 'job',
        header: t('audit.col.job'),
        enableSorting: false,
        cell: ({ row }) => <JobCell entry={row.original} project={project} />,
      },
      {
        id: 'details',
        enableSorting: false,
        header: () => <span className="sr-only">{t('audit.col.details')}</span>,
        cell: ({ row }) => (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setDetails(row.original)}
            aria-label={t('audit.detailsOf', { id: row.original.id })}
          >
            {t('audit.details')}
          </Button>
        ),
      },
    ],
    [t, project],
  );

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { entries, total } = await allAuditEntries(filters);
      downloadCsv(
        `audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.csv`,
        [
          'time',
          'user',
          'role',
          'ip',
          'project',
          'operation',
          'target',
          'result',
          'status',
          'error_code',
          'job_id',
          'request_id',
        ],
        entries.map((e) => [
          e.time,
          e.user,
          e.role,
          e.ip,
          e.project,
          e.operation,
          Object.entries(e.target)
            .map(([k, v]) => `${k}=${v}`)
            .join(';'),
          e.result,
          e.status,
          e.error_code,
          e.job_id,
          e.request_id,
        ]),
      );
      if (entries.length < total)
        pushToast({ tone: 'info', title: t('audit.exportCapped', { count: entries.length, total }) });
    } catch (e) {
      pushToast({ tone: 'error', title: t('audit.exportFailed'), body: (e as Error).message });
    } finally {
      setExporting(false);
    }
  };

  if (audit.permitted === false)
    return (
      <div className="p-4">
        <NotPermitted hint={t('audit.adminsOnly')} />
      </div>
    );
  return (
    <div className="flex flex-col gap-3 p-4">
      <ListHeader
        title={t('nav.audit')}
        updatedAt={audit.dataUpdatedAt}
        fetching={audit.isFetching}
        onRefresh={() => void audit.refetch()}
      >
        <Button onClick={() => void exportCsv()} disabled={exporting || !audit.data?.total}>
          <Download className="size-4" aria-hidden />
          {exporting ? t('audit.exporting') : t('audit.export')}
        </Button>
      </ListHeader>
      <AuditFilters values={values} onChange={(p) => set(p)} />
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {audit.isPending ? (
          <Loading />
        ) : audit.isError ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <>
            <DataTable
              label={t('nav.audit')}
              data={audit.data.entries}
              columns={columns}
              getRowId={(r) => String(r.id)}
              empty={<EmptyState title={t('audit.empty')} hint={t('audit.emptyHint')} />}
            />
            <Pagination
              page={page}
              pageSize={size}
              total={audit.data.total}
              onPage={(p) => set({ page: p }, true)}
              onPageSize={(s) => set({ size: s })}
            />
          </>
        )}
      </section>
      {details && <AuditDetails entry={details} onClose={() => setDetails(undefined)} />}
    </div>
  );
}

function AuditDetails({ entry, onClose }: { entry: AuditEntryView; onClose: () => void }) {
  const { t } = useTranslation();
  const rows: [string, unknown][] = [
    [t('audit.col.time'), entry.time],
    [t('audit.col.operation'), entry.operation],
    [t('audit.field.project'), entry.project],
    [t('audit.field.status'), entry.status],
    [t('audit.field.requestId'), entry.request_id],
    [t('audit.field.clientRequestId'), entry.client_request_id],
    [
      t('audit.field.outcome'),
      entry.outcome ? `${entry.outcome.time} (${t(`audit.outcome.${entry.outcome.source}`)})` : '—',
    ],
  ];
  return (
    <ActionDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={t('audit.detailsOf', { id: entry.id })}
      wide
    >
      <dl className="mb-3 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
            <dd className="font-mono text-xs break-all">
              {v === null || v === undefined || v === '' ? '—' : String(v)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mb-1 text-sm font-medium">{t('audit.field.input')}</p>
      <pre className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
        {JSON.stringify(entry.input, null, 2) ?? '—'}
      </pre>
    </ActionDialog>
  );
}
