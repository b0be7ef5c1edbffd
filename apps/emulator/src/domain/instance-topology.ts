import { stableInt } from './ids';
import type { ComponentDoc, HaMode, NodeDoc } from './instance-model';

/**
 * Realistic topology of a new instance (DOMAIN.md):
 * - centralized `triset`: 3 nodes, each CM + ETCD + DN; one primary DN, two standbys (one shard group);
 * - centralized `double`: 2 nodes (primary in `master_az`), paxos;
 * - distributed: CN nodes, plus N shards × 3 DN replicas sharing a `distributed_id`; CM, ETCD and GTM run on
 *   the three replicas of the first shard. Nodes are spread round-robin over the requested AZs.
 */
export interface TopologyInput {
  instanceId: string;
  name: string;
  mode: HaMode;
  solution: string;
  azs: readonly string[];
  masterAz?: string | null;
  shards: number;
  coordinators: number;
  replicas: number;
  newNodeId: () => string;
}

export function privateIp(key: string): string {
  return `192.168.${stableInt(`${key}:a`, 250) + 1}.${stableInt(`${key}:b`, 250) + 2}`;
}

function node(
  input: TopologyInput,
  kind: 'cn' | 'dn',
  name: string,
  az: string,
  role: 'master' | 'slave',
  components: ComponentDoc[],
): NodeDoc {
  const id = input.newNodeId();
  return {
    id,
    name,
    kind,
    role,
    status: 'BUILD',
    availability_zone: az,
    private_ip: privateIp(id),
    components,
  };
}

const comp = (
  type: ComponentDoc['type'],
  id: string,
  role: 'master' | 'slave',
  distributedId = '',
): ComponentDoc => ({
  id,
  type,
  role,
  status: 'Down',
  distributed_id: distributedId,
});

/** Shard s (1-based) has group id `6000s1`-style ids as in the reference example (`60011`). */
export const shardGroupId = (s: number) => String(60000 + s * 10 + 1);

export function buildTopology(input: TopologyInput): NodeDoc[] {
  const azAt = (i: number) => input.azs[i % input.azs.length]!;
  if (input.mode === 'centralization_standard') {
    const count = input.solution === 'double' ? 2 : 3;
    // The primary goes to master_az when given (double requires it).
    const order = [...Array(count).keys()].map((i) => azAt(i));
    if (input.masterAz && order.includes(input.masterAz)) {
      order.splice(order.indexOf(input.masterAz), 1);
      order.unshift(input.masterAz);
    }
    return order.map((az, i) => {
      const role = i === 0 ? 'master' : 'slave';
      return node(input, 'dn', `${input.name}_root_${i}`, az, role, [
        comp('CM', `cm_${i + 1}`, role),
        comp('ETCD', `etcd_${7001 + i}`, role),
        comp('DN', `dn_${6001 + i}`, role, shardGroupId(1)),
      ]);
    });
  }
  const nodes: NodeDoc[] = [];
  for (let c = 0; c < input.coordinators; c++) {
    nodes.push(
      node(input, 'cn', `${input.name}_gaussdbv5cn_${c}`, azAt(c), 'master', [
        comp('CN', `cn_${5001 + c}`, 'master'),
      ]),
    );
  }
  nodes.push(...shardNodes(input, 1, input.shards));
  return nodes;
}

/** DN nodes for shards `from..to` (1-based), used at create and by shard scale-out. */
export function shardNodes(
  input: Pick<
    TopologyInput,
    'name' | 'azs' | 'replicas' | 'newNodeId' | 'instanceId' | 'mode' | 'solution' | 'shards' | 'coordinators'
  >,
  from: number,
  to: number,
): NodeDoc[] {
  const nodes: NodeDoc[] = [];
  const azAt = (i: number) => input.azs[i % input.azs.length]!;
  for (let s = from; s <= to; s++) {
    for (let r = 0; r < input.replicas; r++) {
      const role = r === 0 ? 'master' : 'slave';
      const components: ComponentDoc[] = [
        comp('DN', `dn_${6000 + (s - 1) * input.replicas + r + 1}`, role, shardGroupId(s)),
      ];
      if (s === 1 && r < 3) {
        components.unshift(comp('CM', `cm_${r + 1}`, role), comp('ETCD', `etcd_${7001 + r}`, role));
        if (r < 2) components.push(comp('GTM', `gtm_${1001 + r}`, role));
      }
      nodes.push(
        node(
          input as TopologyInput,
          'dn',
          `${input.name}_gaussdbv5dn${s}_${r}`,
          azAt(s - 1 + r),
          role,
          components,
        ),
      );
    }
  }
  return nodes;
}

/** Component statuses of a healthy, running instance. */
export function healthyComponent(c: ComponentDoc): ComponentDoc {
  const primary = c.role === 'master';
  switch (c.type) {
    case 'ETCD':
      return { ...c, status: primary ? 'StateLeader' : 'StateFollower' };
    case 'CN':
      return { ...c, status: 'Normal' };
    default:
      return { ...c, status: primary ? 'Primary' : 'Standby' };
  }
}

export function markNodes(nodes: readonly NodeDoc[], status: 'ACTIVE' | 'FAILED'): NodeDoc[] {
  return nodes.map((n) => ({
    ...n,
    status,
    components: n.components.map((c) =>
      status === 'ACTIVE' ? healthyComponent(c) : { ...c, status: 'Down' },
    ),
  }));
}
