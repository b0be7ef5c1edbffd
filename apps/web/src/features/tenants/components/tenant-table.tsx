import type { Tenant } from '@gaussdb-console/api-client/browser';
import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveJobs } from '../../../shared/api/job-keys';
import { formatTime } from '../../../shared/lib/format';
import { CopyId } from '../../../shared/ui/copy-id';
import { DataTable } from '../../../shared/ui/data-table';
import { JobProgress } from '../../../shared/ui/job-progress';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { runningTenantJob } from '../api/tenant-status';
import { tenantPath } from '../lib/grants';
import { gb } from '../lib/tenant-rules';
import { QuotaGauge } from './quota-gauge';
import { TenantActionDialog, TenantActionMenu, type TenantAction } from './tenant-row-actions';

export interface TenantRow {
  tenant: Tenant;
  instanceId: string;
  instanceName?: string;
  /** What the instance has free for tenant disks (4.10.9), when known. */
  remaining?: number;
}

/** 4.10.5 sends created/updated as epoch milliseconds in a string. */
export const tenantTime = (v: string | null | undefined) =>
  formatTime(v && /^\d{10,}$/.test(v) ? Number(v) : v);

/** Roles and zones of the nodes a tenant lives on, e.g. "master · AZ1". */
function Nodes({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation();
  const nodes = tenant.nodes ?? [];
  if (nodes.length === 0) return <span>—</span>;
  const detail = nodes
    .map((n) => `${n.name ?? n.id} (${n.role ?? '?'}, ${n.availability_zone ?? '?'}, ${n.status ?? '?'})`)
    .join('\n');
  return (
    <span title={detail} className="whitespace-nowrap">
      {t('tenants.col.nodeCount', { count: nodes.length })}
    </span>
  );
}

/** The tenant's status and, while a job of the live feed is changing it, that job's progress. */
function StatusCell({ project, row }: { project: string; row: TenantRow }) {
  const { t } = useTranslation();
  const job = runningTenantJob(row.tenant, row.instanceId, useLiveJobs(project));
  return (
    <div className="flex flex-col items-start gap-1">
      <StatusBadge status={row.tenant.status} />
      {job && (
        <div className="self-stretch">
          <JobProgress value={job.progress} label={t(`jobs.names.${job.name}`, { defaultValue: job.name })} />
        </div>
      )}
    </div>
  );
}

/**
 * The tenants of one or several instances: name (to the tenant's page), status, CPU, memory, disk quota as a
 * gauge, nodes, creation time and the DBA's actions. Sorting lives with the caller (the URL).
 */
export function TenantTable(props: {
  project: string;
  rows: readonly TenantRow[];
  showInstance?: boolean;
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  empty: ReactNode;
  label: string;
}) {
  const { t } = useTranslation();
  const { project } = props;
  // The chosen change of a row, drawn beside the table: its dialog outlives the row (see TenantActionMenu).
  const [chosen, setChosen] = useState<{ row: TenantRow; action: TenantAction }>();
  const columns = useMemo<ColumnDef<TenantRow, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (r) => r.tenant.name ?? r.tenant.id,
        header: t('tenants.col.name'),
        cell: ({ row }) => (
          <div className="flex flex-col leading-tight">
            <Link
              className="font-medium text-sky-700 hover:underline dark:text-sky-400"
              to={tenantPath(project, row.original.instanceId, row.original.tenant.id)}
            >
              {row.original.tenant.name ?? row.original.tenant.id}
            </Link>
            <CopyId value={row.original.tenant.id} short />
          </div>
        ),
      },
      ...(props.showInstance
        ? [
            {
              id: 'instance',
              accessorFn: (r: TenantRow) => r.instanceName ?? r.instanceId,
              header: t('tenants.col.instance'),
              cell: ({ row }: { row: { original: TenantRow } }) => (
                <Link
                  className="text-sky-700 hover:underline dark:text-sky-400"
                  to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(row.original.instanceId)}?tab=tenants`}
                >
                  {row.original.instanceName ?? row.original.instanceId}
                </Link>
              ),
            } satisfies ColumnDef<TenantRow, unknown>,
          ]
        : []),
      {
        id: 'status',
        accessorFn: (r) => r.tenant.status ?? '',
        header: t('tenants.col.status'),
        cell: ({ row }) => <StatusCell project={project} row={row.original} />,
      },
      {
        id: 'cpu',
        accessorFn: (r) => r.tenant.cpu ?? 0,
        header: t('tenants.col.cpu'),
        meta: { align: 'right' },
        cell: ({ row }) => row.original.tenant.cpu ?? '—',
      },
      {
        id: 'mem',
        accessorFn: (r) => r.tenant.mem ?? 0,
        header: t('tenants.col.mem'),
        meta: { align: 'right' },
        cell: ({ row }) => (row.original.tenant.mem == null ? '—' : `${row.original.tenant.mem} GB`),
      },
      {
        id: 'disk',
        accessorFn: (r) => gb(r.tenant.disk) ?? 0,
        header: t('tenants.col.disk'),
        cell: ({ row }) => (
          <QuotaGauge quota={gb(row.original.tenant.disk)} remaining={row.original.remaining} compact />
        ),
      },
      {
        id: 'nodes',
        accessorFn: (r) => r.tenant.nodes?.length ?? 0,
        header: t('tenants.col.nodes'),
        cell: ({ row }) => <Nodes tenant={row.original.tenant} />,
      },
      {
        id: 'created',
        accessorFn: (r) => Number(r.tenant.created ?? 0),
        header: t('tenants.col.created'),
        cell: ({ row }) => {
          const f = tenantTime(row.original.tenant.created);
          return (
            <span title={f.title} className="whitespace-nowrap">
              {f.text}
            </span>
          );
        },
      },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        cell: ({ row }) => (
          <TenantActionMenu
            tenant={row.original.tenant}
            onChoose={(action) => setChosen({ row: row.original, action })}
          />
        ),
      },
    ],
    [t, project, props.showInstance],
  );
  return (
    <>
      <DataTable
        label={props.label}
        data={props.rows as TenantRow[]}
        columns={columns}
        getRowId={(r) => `${r.instanceId}/${r.tenant.id}`}
        sorting={props.sorting}
        onSortingChange={(u) => props.onSortingChange(typeof u === 'function' ? u(props.sorting) : u)}
        empty={props.empty}
      />
      {chosen && (
        <TenantActionDialog
          project={project}
          instanceId={chosen.row.instanceId}
          instanceName={chosen.row.instanceName}
          tenant={chosen.row.tenant}
          action={chosen.action}
          onClose={() => setChosen(undefined)}
        />
      )}
    </>
  );
}

/** `sort=disk.desc` in the URL ↔ the table's sorting. */
export const sortingFromParam = (v: string): SortingState => {
  const [id, dir] = v.split('.');
  return id ? [{ id, desc: dir === 'desc' }] : [];
};
export const sortingToParam = (s: SortingState) =>
  s[0] ? `${s[0].id}.${s[0].desc ? 'desc' : 'asc'}` : undefined;
