import type { Instance } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { formatGb, formatTime } from '../../../shared/lib/format';
import type { JobEvent as LiveJob } from '@gaussdb-console/api-client/browser';
import { CopyId } from '../../../shared/ui/copy-id';
import { JobProgress } from '../../../shared/ui/job-progress';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { TagChip } from '../../../shared/ui/tag-chip';
import { instanceAzs } from '../lib/instance-azs';

/** Columns a DBA can hide; `select` and `name` always show. */
export const OPTIONAL_COLUMNS = [
  'status',
  'type',
  'version',
  'flavor',
  'storage',
  'az',
  'ips',
  'port',
  'created',
  'tags',
] as const;
export const DEFAULT_HIDDEN: Partial<Record<(typeof OPTIONAL_COLUMNS)[number], boolean>> = {
  port: false,
  tags: false,
};

export function deploymentLabel(t: TFunction, inst: Pick<Instance, 'type' | 'ha' | 'solution'>): string {
  const mode = (inst.ha?.mode ?? inst.type ?? '').toLowerCase();
  if (mode.startsWith('enterprise')) return t('instances.mode.distributed');
  if (mode.startsWith('combined')) return t('instances.mode.combined');
  const sol = inst.solution
    ? ` · ${t(`instances.solution.${inst.solution}`, { defaultValue: inst.solution })}`
    : '';
  return t('instances.mode.centralized') + sol;
}

export function instanceColumns(
  t: TFunction,
  project: string,
  jobsByInstance: Map<string, LiveJob>,
  selectable = true,
): ColumnDef<Instance, unknown>[] {
  const columns: ColumnDef<Instance, unknown>[] = [
    {
      id: 'select',
      enableSorting: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label={t('instances.selectAll')}
          checked={table.getIsAllRowsSelected()}
          disabled={!table.options.enableRowSelection}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomeRowsSelected();
          }}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={t('instances.selectOne', { name: row.original.name })}
          checked={row.getIsSelected()}
          disabled={!row.getCanSelect()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    },
    {
      id: 'name',
      accessorFn: (i) => i.name,
      header: t('instances.col.name'),
      cell: ({ row }) => (
        <div className="flex min-w-48 flex-col leading-tight">
          <Link
            className="font-medium text-sky-700 hover:underline dark:text-sky-400"
            to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(row.original.id)}`}
          >
            {row.original.name}
          </Link>
          <CopyId value={row.original.id} short />
        </div>
      ),
    },
    {
      id: 'status',
      accessorFn: (i) => i.status,
      header: t('instances.col.status'),
      cell: ({ row }) => {
        const job = jobsByInstance.get(row.original.id);
        return (
          <div className="flex min-w-32 flex-col gap-1">
            <StatusBadge status={row.original.status} className="self-start" />
            {job && (
              <JobProgress
                value={job.progress}
                label={t(`jobs.names.${job.name}`, { defaultValue: job.name })}
              />
            )}
          </div>
        );
      },
    },
    {
      // Sorted by the mode, drawn in words: the table caches accessor values, which must not hold a language.
      id: 'type',
      accessorFn: (i) => `${i.ha?.mode ?? i.type ?? ''} ${i.solution ?? ''}`,
      header: t('instances.col.type'),
      cell: ({ row }) => deploymentLabel(t, row.original),
    },
    {
      id: 'version',
      accessorFn: (i) => `${i.datastore?.type ?? ''} ${i.datastore?.version ?? ''}`.trim(),
      header: t('instances.col.version'),
    },
    {
      id: 'flavor',
      accessorFn: (i) => i.flavor_info?.vcpu ?? 0,
      header: t('instances.col.flavor'),
      cell: ({ row }) =>
        row.original.flavor_info ? (
          <span className="whitespace-nowrap" title={row.original.flavor_ref ?? undefined}>
            {t('instances.vcpuRam', {
              vcpu: row.original.flavor_info.vcpu ?? '?',
              ram: row.original.flavor_info.mem ?? '?',
            })}
          </span>
        ) : (
          <span className="font-mono text-xs">{row.original.flavor_ref ?? '—'}</span>
        ),
    },
    {
      id: 'storage',
      accessorFn: (i) => i.volume?.size ?? 0,
      header: t('instances.col.storage'),
      meta: { align: 'right' },
      cell: ({ row }) => formatGb(row.original.volume?.size),
    },
    {
      id: 'az',
      accessorFn: (i) => instanceAzs(i).join(', '),
      header: t('instances.col.az'),
      cell: ({ getValue }) => <span className="text-xs whitespace-nowrap">{String(getValue() || '—')}</span>,
    },
    {
      id: 'ips',
      accessorFn: (i) => (i.private_ips ?? []).join(', '),
      header: t('instances.col.ips'),
      cell: ({ row }) => {
        const ips = row.original.private_ips ?? [];
        if (ips.length === 0) return '—';
        return (
          <span className="font-mono text-xs whitespace-nowrap" title={ips.join('\n')}>
            {ips[0]}
            {ips.length > 1 && (
              <span className="ml-1 text-slate-500 dark:text-slate-400">+{ips.length - 1}</span>
            )}
          </span>
        );
      },
    },
    {
      id: 'port',
      accessorFn: (i) => i.port ?? '',
      header: t('instances.col.port'),
      meta: { align: 'right' },
    },
    {
      id: 'created',
      accessorFn: (i) => i.created ?? '',
      header: t('instances.col.created'),
      cell: ({ row }) => {
        const f = formatTime(row.original.created);
        return (
          <span title={f.title} className="whitespace-nowrap">
            {f.text}
          </span>
        );
      },
    },
    {
      id: 'tags',
      enableSorting: false,
      accessorFn: (i) => (i.tags ?? []).map((tg) => `${tg.key}=${tg.value ?? ''}`).join(', '),
      header: t('instances.col.tags'),
      cell: ({ row }) => (
        <div className="flex flex-wrap gap-1">
          {(row.original.tags ?? []).map((tg) => (
            <TagChip key={tg.key} project={project} tagKey={tg.key} value={tg.value} />
          ))}
        </div>
      ),
    },
  ];
  // Selection only serves bulk actions; a role without any sees no checkboxes.
  return selectable ? columns : columns.filter((c) => c.id !== 'select');
}
