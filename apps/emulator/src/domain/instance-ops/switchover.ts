import { ApiError } from '../../http/errors';
import { registerHandler, type BodyOf } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import type { ComponentDoc, InstanceDoc, NodeDoc } from '../instance-model';
import { assertActionAllowed, registerInstanceEffect, startInstanceAction } from '../instance-state';
import { healthyComponent } from '../instance-topology';
import { getOps } from './ops-state';
import { accepted, componentNumber, instanceOf, isStopped, OPS_DURATIONS, updateInstance } from './common';

/**
 * 4.4.8 shard switchover and 4.4.11 balance. A shard is the set of DN components sharing a `distributed_id`;
 * its deployed ("home") primary is its lowest-numbered DN, the one the topology creates as primary, so
 * "balanced" needs no extra state: every shard's primary is back home.
 */

/** One shard of 4.4.19's body, as the contract validated it. */
export type ShardChoice = BodyOf<'switchShardPrimary'>['shards'][number];

const dnOf = (node: NodeDoc, componentId: string) => node.components.find((c) => c.id === componentId);

/** The rules of D.30: the standby DN (DBS.280828) on that node (DBS.280676), one per shard (DBS.280668). */
export function checkSwitchover(inst: InstanceDoc, shards: readonly ShardChoice[]): void {
  const seenShards = new Map<string, string>();
  shards.forEach((s, i) => {
    const componentId = s.component_id.trim();
    const node = inst.nodes.find((n) => n.id === s.node_id.trim());
    if (!node)
      throw new ApiError(
        400,
        'DBS.280407',
        `shards[${i}].node_id: ${s.node_id} is not a node of instance ${inst.id}.`,
        `shards[${i}].node_id`,
      );
    const comp = dnOf(node, componentId);
    if (!comp) {
      throw new ApiError(
        400,
        'DBS.280676',
        `shards[${i}].component_id: ${componentId} is not on node ${node.name} (it has ${node.components.map((c) => c.id).join(', ')}).`,
        `shards[${i}].component_id`,
      );
    }
    if (comp.type !== 'DN' || comp.role !== 'slave') {
      throw new ApiError(
        400,
        'DBS.280828',
        `shards[${i}].component_id: ${componentId} is ${comp.type === 'DN' ? 'the primary DN of its shard' : `a ${comp.type} component`}; give a standby DN.`,
        `shards[${i}].component_id`,
      );
    }
    const previous = seenShards.get(comp.distributed_id);
    if (previous) {
      throw new ApiError(
        400,
        'DBS.280668',
        `shards[${i}].component_id: ${componentId} and ${previous} are in the same shard (${comp.distributed_id}); one new primary per shard.`,
        `shards[${i}].component_id`,
      );
    }
    seenShards.set(comp.distributed_id, componentId);
    if (isStopped(node))
      throw new ApiError(
        400,
        'DBS.200086',
        `shards[${i}].node_id: node ${node.name} is stopped; a stopped standby cannot be promoted.`,
      );
  });
}

/**
 * Makes `componentId` the primary DN of its shard: the old primary becomes a standby. A DN node's role follows
 * the role of its DN; CM, ETCD and GTM keep theirs (they arbitrate independently).
 */
export function promote(inst: InstanceDoc, componentId: string): InstanceDoc {
  const target = inst.nodes.flatMap((n) => n.components).find((c) => c.id === componentId && c.type === 'DN');
  if (!target) return inst;
  const swap = (c: ComponentDoc): ComponentDoc => {
    if (c.type !== 'DN' || c.distributed_id !== target.distributed_id) return c;
    const role = c.id === componentId ? 'master' : 'slave';
    if (role === c.role) return c;
    const next = { ...c, role } as ComponentDoc;
    return c.status === 'Down' ? next : healthyComponent(next);
  };
  return {
    ...inst,
    nodes: inst.nodes.map((n) => {
      const components = n.components.map(swap);
      const dn = components.find((c) => c.type === 'DN');
      return { ...n, components, role: n.kind === 'dn' && dn ? dn.role : n.role };
    }),
  };
}

export function switchShardPrimary(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  shards: readonly ShardChoice[],
): JobDoc {
  assertActionAllowed(inst, 'switchover');
  checkSwitchover(inst, shards);
  const logger = getOps(rt, inst.project_id, inst.id).logger_node_id;
  const onLogger = shards.findIndex((s) => s.node_id.trim() === logger);
  if (onLogger >= 0) {
    throw new ApiError(
      400,
      'DBS.280828',
      `shards[${onLogger}].component_id: the DN on node ${logger} is a log-only replica and cannot become primary.`,
      `shards[${onLogger}].component_id`,
    );
  }
  return startInstanceAction(rt, inst, 'switchover', {
    jobName: 'SwitchGaussDBV5Shard',
    durationMs: OPS_DURATIONS.switchover,
    onComplete: {
      kind: 'ops.shardsSwitched',
      args: { components: shards.map((s) => s.component_id.trim()) },
    },
  });
}

registerHandler('switchShardPrimary', (ctx) => {
  const { inst } = instanceOf(ctx);
  return accepted(inst, switchShardPrimary(ctx.rt, inst, ctx.body.shards));
});

registerInstanceEffect('ops.shardsSwitched', (rt, args, job) => {
  updateInstance(rt, job.project_id, job.instance_id, (i) =>
    (args.components as string[]).reduce(promote, i),
  );
});

/** True when every shard's primary DN is its deployed one (the lowest-numbered DN of the shard). */
export function isBalanced(inst: InstanceDoc): boolean {
  const shards = new Map<string, ComponentDoc[]>();
  for (const c of inst.nodes.flatMap((n) => n.components)) {
    if (c.type !== 'DN') continue;
    shards.set(c.distributed_id, [...(shards.get(c.distributed_id) ?? []), c]);
  }
  for (const dns of shards.values()) {
    const home = [...dns].sort((a, b) => componentNumber(a.id) - componentNumber(b.id))[0];
    if (home && home.role !== 'master') return false;
  }
  return true;
}

registerHandler('getBalanceStatus', (ctx) => ({ balanced: isBalanced(instanceOf(ctx).inst) }));
