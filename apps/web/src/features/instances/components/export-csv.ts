import type { Instance } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import { callOperation } from '../../../shared/api/operations';
import type { ListInstancesQuery } from '../api/use-instances';
import { deploymentLabel } from './instance-columns';

const cell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  // Quote every field; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** Every row of the current filter (all pages, 100 at a time), as a CSV download. */
export async function exportInstancesCsv(
  project: string,
  query: ListInstancesQuery,
  t: TFunction,
  onProgress: (n: number) => void,
): Promise<void> {
  const rows: Instance[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await callOperation('listInstances', project, { query: { ...query, offset, limit: 100 } });
    rows.push(...page.instances);
    onProgress(rows.length);
    if (
      page.instances.length < 100 ||
      (page.total_count !== undefined && page.total_count !== null && rows.length >= page.total_count)
    )
      break;
  }
  const header = [
    'id',
    'name',
    'status',
    'type',
    'engine',
    'version',
    'vcpu',
    'ram_gb',
    'storage_gb',
    'availability_zone',
    'private_ips',
    'port',
    'vpc_id',
    'subnet_id',
    'created',
    'tags',
  ];
  const lines = rows.map((i) =>
    [
      i.id,
      i.name,
      i.status,
      deploymentLabel(t, i),
      i.datastore?.type,
      i.datastore?.version,
      i.flavor_info?.vcpu,
      i.flavor_info?.mem,
      i.volume?.size,
      i.availability_zone,
      (i.private_ips ?? []).join(' '),
      i.port,
      i.vpc_id,
      i.subnet_id,
      i.created,
      (i.tags ?? []).map((tg) => `${tg.key}=${tg.value ?? ''}`).join(';'),
    ]
      .map(cell)
      .join(','),
  );
  const blob = new Blob(['\uFEFF' + [header.join(','), ...lines].join('\r\n')], {
    type: 'text/csv;charset=utf-8',
  });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `instances-${project}-${new Date().toISOString().slice(0, 10)}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
