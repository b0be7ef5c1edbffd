import { ApiError } from '../../http/errors';
import { registerHandler, type ContextOf } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import type { InstanceDoc, NodeDoc } from '../instance-model';
import { assertActionAllowed, registerInstanceEffect, startInstanceAction } from '../instance-state';
import { healthyComponent } from '../instance-topology';
import {
  componentNumber,
  instanceOf,
  isDistributed,
  isStopped,
  OPS_DURATIONS,
  updateInstance,
} from './common';
import { promote } from './switchover';

/**
 * 4.4.18 / 4.9.9 (start nodes; one route, two sections), 4.4.19 (stop nodes) and 4.4.20 (CN list).
 * `node_ids: []` means the whole instance. A stopped node is `STOPPED` in the instance list and its components
 * are `Down`. Partial stops keep the service up, as the user manual asks: at least one CN keeps running, and
 * fewer than half of any shard's replicas are stopped; a stopped primary DN fails over to a running standby
 * (which leaves the instance unbalanced, 4.4.11).
 */

const notAllowed = (detail: string) => new ApiError(400, 'DBS.200086', detail);

function nodesByIds(inst: InstanceDoc, ids: readonly string[]): NodeDoc[] {
  return ids.map((id) => {
    const node = inst.nodes.find((n) => n.id === id);
    if (!node)
      throw new ApiError(
        400,
        'DBS.280407',
        `node_ids: ${id} is not a node of instance ${inst.id}.`,
        'node_ids',
      );
    return node;
  });
}

/** DN replicas per shard group: `distributed_id` → nodes hosting one of its DNs. */
function shardMembers(inst: InstanceDoc): Map<string, NodeDoc[]> {
  const shards = new Map<string, NodeDoc[]>();
  for (const n of inst.nodes) {
    for (const c of n.components)
      if (c.type === 'DN') shards.set(c.distributed_id, [...(shards.get(c.distributed_id) ?? []), n]);
  }
  return shards;
}

/** The nodes a stop request takes down; throws the rule it breaks. */
export function planStop(inst: InstanceDoc, nodeIds: readonly string[]): string[] {
  if (nodeIds.length === 0) {
    const stopped = inst.nodes.filter(isStopped);
    if (stopped.length > 0) {
      throw notAllowed(
        `The instance cannot be stopped while some nodes are already stopped (${stopped.map((n) => n.name).join(', ')}); start them first.`,
      );
    }
    return inst.nodes.map((n) => n.id);
  }
  const nodes = nodesByIds(inst, nodeIds);
  const already = nodes.filter(isStopped);
  if (already.length > 0)
    throw notAllowed(`Node ${already.map((n) => n.name).join(', ')} is already stopped.`);
  const down = new Set([...inst.nodes.filter(isStopped).map((n) => n.id), ...nodeIds]);
  if (isDistributed(inst)) {
    const cns = inst.nodes.filter((n) => n.kind === 'cn');
    if (cns.length > 0 && cns.every((n) => down.has(n.id))) {
      throw notAllowed(
        'At least one CN must keep running, or the instance cannot serve; to stop everything, send node_ids: [].',
      );
    }
  }
  for (const [shard, members] of shardMembers(inst)) {
    const stopped = members.filter((n) => down.has(n.id)).length;
    if (stopped > 0 && stopped * 2 >= members.length) {
      throw notAllowed(
        `Stopping these nodes would stop ${stopped} of the ${members.length} replicas of shard ${shard}; fewer than half of a shard's replicas may be stopped.`,
      );
    }
  }
  return nodeIds.slice();
}

export function stopNodes(rt: EmulatorRuntime, inst: InstanceDoc, nodeIds: readonly string[]): JobDoc {
  assertActionAllowed(inst, 'stopNodes');
  const ids = planStop(inst, nodeIds);
  return startInstanceAction(rt, inst, 'stopNodes', {
    jobName: 'StopGaussDBV5Nodes',
    durationMs: OPS_DURATIONS.stopNodes,
    onComplete: { kind: 'ops.nodesStopped', args: { node_ids: ids, whole: nodeIds.length === 0 } },
  });
}

/** Stops `ids`; for a partial stop, each primary DN on them hands over to its lowest-numbered running standby. */
export function withStoppedNodes(inst: InstanceDoc, ids: readonly string[], whole: boolean): InstanceDoc {
  const down = new Set(ids);
  let next: InstanceDoc = {
    ...inst,
    stopped: whole || inst.stopped,
    nodes: inst.nodes.map((n) =>
      down.has(n.id)
        ? { ...n, status: 'STOPPED', components: n.components.map((c) => ({ ...c, status: 'Down' })) }
        : n,
    ),
  };
  if (whole) return next;
  for (const node of inst.nodes.filter((n) => down.has(n.id))) {
    for (const primary of node.components.filter((c) => c.type === 'DN' && c.role === 'master')) {
      const standby = next.nodes
        .filter((n) => !isStopped(n))
        .flatMap((n) => n.components)
        .filter((c) => c.type === 'DN' && c.distributed_id === primary.distributed_id && c.role === 'slave')
        .sort((a, b) => componentNumber(a.id) - componentNumber(b.id))[0];
      if (standby) next = promote(next, standby.id);
    }
  }
  return next;
}

registerHandler('stopNodes', (ctx) => {
  const { inst } = instanceOf(ctx);
  return { job_id: stopNodes(ctx.rt, inst, ctx.body.node_ids).id };
});

registerInstanceEffect('ops.nodesStopped', (rt, args, job) => {
  updateInstance(rt, job.project_id, job.instance_id, (i) =>
    withStoppedNodes(i, args.node_ids as string[], args.whole === true),
  );
});

export function planStart(inst: InstanceDoc, nodeIds: readonly string[]): string[] {
  if (nodeIds.length === 0) {
    const stopped = inst.nodes.filter(isStopped);
    if (stopped.length === 0)
      throw notAllowed('No node of the instance is stopped; there is nothing to start.');
    return stopped.map((n) => n.id);
  }
  const nodes = nodesByIds(inst, nodeIds);
  const running = nodes.filter((n) => !isStopped(n));
  if (running.length > 0)
    throw notAllowed(
      `Only stopped nodes can be started; ${running.map((n) => `${n.name} is ${n.status}`).join(', ')}.`,
    );
  return nodeIds.slice();
}

export function startNodes(rt: EmulatorRuntime, inst: InstanceDoc, nodeIds: readonly string[]): JobDoc {
  assertActionAllowed(inst, 'startNodes');
  const ids = planStart(inst, nodeIds);
  return startInstanceAction(rt, inst, 'startNodes', {
    jobName: 'StartGaussDBV5Nodes',
    durationMs: OPS_DURATIONS.startNodes,
    onComplete: { kind: 'ops.nodesStarted', args: { node_ids: ids } },
  });
}

registerInstanceEffect('ops.nodesStarted', (rt, args, job) => {
  const up = new Set(args.node_ids as string[]);
  updateInstance(rt, job.project_id, job.instance_id, (i) => {
    const nodes = i.nodes.map((n) =>
      up.has(n.id) ? { ...n, status: 'ACTIVE', components: n.components.map(healthyComponent) } : n,
    );
    return { ...i, nodes, stopped: nodes.every(isStopped) };
  });
});

// 4.4.25 and 4.4.27 start nodes with the same body.
const startHandler = (ctx: ContextOf<'startNodes'>) => {
  const { inst } = instanceOf(ctx);
  return { job_id: startNodes(ctx.rt, inst, ctx.body.node_ids).id };
};
registerHandler('startNodes', startHandler);
registerHandler('startDatabase', (ctx) => startHandler(ctx));

/** 4.4.20 statuses are lower case (D.44). */
function coordinatorStatus(inst: InstanceDoc, node: NodeDoc): string {
  if (node.status === 'ACTIVE') return 'normal';
  if (node.status === 'BUILD') return 'creating';
  if (
    node.status === 'FAILED' &&
    inst.status === 'FAILED' &&
    inst.updated_at !== null &&
    inst.nodes.every((n) => n.status === 'FAILED')
  )
    return 'createfail';
  return 'abnormal';
}

registerHandler('listCoordinators', (ctx) => {
  const { inst } = instanceOf(ctx);
  if (!isDistributed(inst))
    throw new ApiError(409, 'DBS.280406', 'Centralized (primary/standby) instances have no CN nodes.');
  const cns = inst.nodes.filter((n) => n.kind === 'cn');
  const normal = cns.filter((n) => n.status === 'ACTIVE').length;
  // A CN scale-in must leave at least one normal CN (the reference has no scale-in call, D.57).
  const maxReduction = Math.max(0, normal - 1);
  return {
    instance_id: inst.id,
    max_reduction_num: maxReduction,
    nodes: cns.map((n) => ({
      id: n.id,
      name: n.name,
      status: coordinatorStatus(inst, n),
      availability_zone: n.availability_zone,
      support_reduce: maxReduction > 0 && n.status === 'ACTIVE',
    })),
  };
});
