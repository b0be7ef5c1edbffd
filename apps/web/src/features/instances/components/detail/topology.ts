import type { ComponentNode, InstanceComponent } from '@gaussdb-console/api-client/browser';

/** Components flattened with their node, as the topology diagram and table need them. */
export interface PlacedComponent extends InstanceComponent {
  nodeId: string;
  nodeName: string;
  az: string;
  nodeStatus: string | null | undefined;
}

export interface Shard {
  id: string;
  replicas: PlacedComponent[];
}

export interface Topology {
  azs: string[];
  cns: PlacedComponent[];
  shards: Shard[];
  /** GTM, CM, ETCD: the cluster's control band. */
  control: PlacedComponent[];
  all: PlacedComponent[];
}

export const componentType = (c: Pick<InstanceComponent, 'type' | 'id'>): string =>
  (c.type ?? c.id.split('_')[0] ?? '').toUpperCase();

export function buildTopology(nodes: ComponentNode[]): Topology {
  const all: PlacedComponent[] = nodes.flatMap((n) =>
    (n.components ?? []).map((c) => ({
      ...c,
      nodeId: n.id,
      nodeName: n.name ?? n.id,
      az: n.availability_zone_id ?? '—',
      nodeStatus: n.status,
    })),
  );
  const azs = [...new Set(nodes.map((n) => n.availability_zone_id ?? '—'))].sort();
  const byShard = new Map<string, PlacedComponent[]>();
  for (const c of all.filter((x) => componentType(x) === 'DN')) {
    const key = c.distributed_id ?? 'shard';
    byShard.set(key, [...(byShard.get(key) ?? []), c]);
  }
  const shards = [...byShard.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([id, replicas]) => ({
      id,
      replicas: replicas.sort((a, b) => (a.status === 'Primary' ? -1 : b.status === 'Primary' ? 1 : 0)),
    }));
  return {
    azs,
    cns: all.filter((c) => componentType(c) === 'CN'),
    shards,
    control: all.filter((c) => ['GTM', 'CM', 'ETCD'].includes(componentType(c))),
    all,
  };
}
