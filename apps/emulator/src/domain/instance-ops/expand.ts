import { checkVolumeSize, EXPAND_JOB_NAMES, MAX_COORDINATORS, MAX_SHARDS } from '@gaussdb-console/api-client';
import { JOB_DURATIONS } from '../../jobs/job-model';
import { ApiError } from '../../http/errors';
import { registerHandler, type BodyOf } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import { newId } from '../ids';
import type { InstanceDoc, NodeDoc } from '../instance-model';
import {
  assertActionAllowed,
  instances,
  registerInstanceEffect,
  startInstanceAction,
} from '../instance-state';
import { healthyComponent, privateIp, shardNodes } from '../instance-topology';
import { accepted, componentNumber, instanceAzs, instanceOf, isDistributed, updateInstance } from './common';
import { rebaseUsage } from './volume';

/**
 * 4.4.2: add CNs, add shards, or enlarge the disk. The contract told the three shapes apart and checked the
 * body's own limits; here the rules that need the instance (L1291-1300) and the topology change on completion.
 */
/** 4.4.2's body as the contract validated it. */
export type ExpandBody = BodyOf<'expandInstance'>;

const notForCentralized = (what: string) =>
  new ApiError(
    409,
    'DBS.280406',
    `${what} is only possible on distributed instances; this instance is centralized (primary/standby).`,
  );

export function expandInstance(rt: EmulatorRuntime, inst: InstanceDoc, body: ExpandBody): JobDoc {
  // The state guard answers first: a rule about sizes means nothing while the instance cannot be touched.
  assertActionAllowed(inst, body.enlarge_volume ? 'enlargeVolume' : 'expandCluster');
  if (body.enlarge_volume) return enlargeVolume(rt, inst, body.enlarge_volume.size);
  const coordinators = body.expand_cluster?.coordinators;
  if (coordinators)
    return addCoordinators(
      rt,
      inst,
      coordinators.map((c) => c.az_code),
    );
  return addShards(rt, inst, body.expand_cluster?.shard?.count ?? 0);
}

function addCoordinators(rt: EmulatorRuntime, inst: InstanceDoc, azCodes: string[]): JobDoc {
  if (!isDistributed(inst)) throw notForCentralized('Adding CNs');
  const current = inst.nodes.filter((n) => n.kind === 'cn').length;
  if (current + azCodes.length > MAX_COORDINATORS) {
    throw new ApiError(
      400,
      'DBS.280608',
      `expand_cluster.coordinators: the instance has ${current} CNs; at most ${MAX_COORDINATORS - current} more can be added (${MAX_COORDINATORS} in total).`,
      'expand_cluster.coordinators',
    );
  }
  const azs = instanceAzs(inst);
  for (const az of azCodes) {
    if (azs.length === 1 && az !== azs[0]) {
      throw new ApiError(
        400,
        'DBS.200025',
        `expand_cluster.coordinators: the instance was created in one AZ (${azs[0]}); new CNs must be in that AZ, not ${az}.`,
        'expand_cluster.coordinators',
      );
    }
    if (!azs.includes(az)) {
      throw new ApiError(
        400,
        'DBS.200025',
        `expand_cluster.coordinators: ${az} is not an AZ of this instance (${azs.join(', ')}).`,
        'expand_cluster.coordinators',
      );
    }
  }
  return startInstanceAction(rt, inst, 'expandCluster', {
    jobName: EXPAND_JOB_NAMES.coordinators,
    durationMs: JOB_DURATIONS.GaussDBV5ExpandClusterCN,
    onComplete: { kind: 'ops.coordinatorsAdded', args: { azs: azCodes } },
  });
}

function addShards(rt: EmulatorRuntime, inst: InstanceDoc, count: number): JobDoc {
  if (!isDistributed(inst)) throw notForCentralized('Adding shards');
  if (inst.shard_num + count > MAX_SHARDS) {
    throw new ApiError(
      400,
      'DBS.280607',
      `expand_cluster.shard.count: the instance has ${inst.shard_num} shards; at most ${MAX_SHARDS - inst.shard_num} more can be added (${MAX_SHARDS} in total).`,
      'expand_cluster.shard.count',
    );
  }
  return startInstanceAction(rt, inst, 'expandCluster', {
    jobName: EXPAND_JOB_NAMES.shard,
    durationMs: JOB_DURATIONS.GaussDBV5ExpandClusterDN,
    onComplete: { kind: 'ops.shardsAdded', args: { count } },
  });
}

function enlargeVolume(rt: EmulatorRuntime, inst: InstanceDoc, size: number): JobDoc {
  if (size <= inst.volume.size) {
    throw new ApiError(
      400,
      'DBS.200306',
      `enlarge_volume.size: must be larger than the current ${inst.volume.size} GB.`,
      'enlarge_volume.size',
    );
  }
  const rule = checkVolumeSize(size, inst.shard_num, 'enlarge_volume.size');
  if (rule) throw new ApiError(400, rule.code, rule.message, 'enlarge_volume.size');
  // "All nodes must be normal" (L1300).
  const notNormal = inst.nodes.filter((n) => n.status !== 'ACTIVE');
  if (notNormal.length > 0) {
    throw new ApiError(
      400,
      'DBS.200086',
      `The disk can be enlarged only when every node is normal; not normal: ${notNormal.map((n) => `${n.name} (${n.status})`).join(', ')}.`,
    );
  }
  return startInstanceAction(rt, inst, 'enlargeVolume', {
    jobName: EXPAND_JOB_NAMES.volume,
    durationMs: JOB_DURATIONS.EnlargeGaussDBV5Volume,
    onComplete: { kind: 'ops.volumeEnlarged', args: { size } },
  });
}

registerHandler('expandInstance', (ctx) => {
  const { inst } = instanceOf(ctx);
  return accepted(inst, expandInstance(ctx.rt, inst, ctx.body));
});

/** New CN nodes, named and numbered after the existing ones, already running. */
export function newCoordinatorNodes(
  inst: InstanceDoc,
  azs: readonly string[],
  newNodeId: () => string,
): NodeDoc[] {
  const cns = inst.nodes.filter((n) => n.kind === 'cn');
  const nextIndex = cns.length;
  const nextComponent =
    Math.max(5000, ...cns.flatMap((n) => n.components.map((c) => componentNumber(c.id)))) + 1;
  return azs.map((az, i) => {
    const id = newNodeId();
    return {
      id,
      name: `${inst.name}_gaussdbv5cn_${nextIndex + i}`,
      kind: 'cn',
      role: 'master',
      status: 'ACTIVE',
      availability_zone: az,
      private_ip: privateIp(id),
      components: [
        healthyComponent({
          id: `cn_${nextComponent + i}`,
          type: 'CN',
          role: 'master',
          status: 'Normal',
          distributed_id: '',
        }),
      ],
    };
  });
}

registerInstanceEffect('ops.coordinatorsAdded', (rt, args, job) => {
  updateInstance(rt, job.project_id, job.instance_id, (i) => {
    const added = newCoordinatorNodes(i, args.azs as string[], () => newId('no14'));
    const lastCn = i.nodes.map((n) => n.kind).lastIndexOf('cn');
    const nodes = [...i.nodes.slice(0, lastCn + 1), ...added, ...i.nodes.slice(lastCn + 1)];
    return { ...i, nodes, coordinator_num: nodes.filter((n) => n.kind === 'cn').length };
  });
});

/** New shards: 3 (or `replica_num`) DN replicas each, running; the disk grows by the per-shard share. */
export function withNewShards(inst: InstanceDoc, count: number, newNodeId: () => string): InstanceDoc {
  const from = inst.shard_num + 1;
  const to = inst.shard_num + count;
  const added = shardNodes(
    {
      instanceId: inst.id,
      name: inst.name,
      mode: inst.mode,
      solution: inst.solution,
      azs: inst.availability_zone.split(',').map((s) => s.trim()),
      replicas: inst.replica_num,
      shards: to,
      coordinators: inst.coordinator_num,
      newNodeId,
    },
    from,
    to,
  ).map((n) => ({ ...n, status: 'ACTIVE', components: n.components.map(healthyComponent) }));
  const perShard = inst.volume.size / inst.shard_num;
  return {
    ...inst,
    nodes: [...inst.nodes, ...added],
    shard_num: to,
    volume: { ...inst.volume, size: perShard * to },
  };
}

// A bigger disk holds the same data: the disk model pins its figure before the size changes.
function pinUsage(rt: EmulatorRuntime, job: JobDoc): void {
  const inst = instances(rt).get(job.project_id, job.instance_id);
  if (inst) rebaseUsage(rt, inst);
}

registerInstanceEffect('ops.shardsAdded', (rt, args, job) => {
  pinUsage(rt, job);
  updateInstance(rt, job.project_id, job.instance_id, (i) =>
    withNewShards(i, Number(args.count), () => newId('no14')),
  );
});

registerInstanceEffect('ops.volumeEnlarged', (rt, args, job) => {
  pinUsage(rt, job);
  updateInstance(rt, job.project_id, job.instance_id, (i) => ({
    ...i,
    volume: { ...i.volume, size: Number(args.size) },
  }));
});
