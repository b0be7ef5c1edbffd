import type { TFunction } from 'i18next';
import { allItems } from '../../../shared/api/operations';
import { downloadCsv } from '../../../shared/lib/csv';
import type { ListInstancesQuery } from '../api/use-instances';
import { deploymentLabel } from './instance-columns';

/** Every row of the current filter (all pages), as a CSV download. */
export async function exportInstancesCsv(
  project: string,
  query: ListInstancesQuery,
  t: TFunction,
  onProgress: (n: number) => void,
): Promise<void> {
  const { offset: _offset, limit: _limit, ...filter } = query;
  const rows = await allItems('listInstances', project, { query: filter }, undefined, onProgress);
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
  downloadCsv(
    `instances-${project}-${new Date().toISOString().slice(0, 10)}.csv`,
    header,
    rows.map((i) => [
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
    ]),
  );
}
