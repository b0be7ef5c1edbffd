import { ApiError } from '../../http/errors';
import { registerHandler } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import type { InstanceDoc } from '../instance-model';
import { assertActionAllowed, registerInstanceEffect, startInstanceAction } from '../instance-state';
import { componentNumber, instanceAzs, instanceOf, isStopped, OPS_DURATIONS, orderId } from './common';
import { getOps, updateOps } from './ops-state';

/**
 * 4.4.24 / 4.4.25: 1 primary + 2 standbys ↔ 1 primary + 1 standby + 1 logger. The logger keeps only WAL, to
 * make a majority with one data copy less. The reference allows it only for distributed independent
 * deployments with three replicas per shard (L3489, L3565); the logger is recorded in this area's state and
 * shown by `replicaForm`.
 */

export type ReplicaForm = '1P2S' | '1P1S1L';

export function replicaForm(rt: EmulatorRuntime, inst: InstanceDoc): ReplicaForm {
  return getOps(rt, inst.project_id, inst.id).logger_node_id ? '1P1S1L' : '1P2S';
}

function assertDistributedThreeReplicas(inst: InstanceDoc): void {
  if (inst.mode !== 'enterprise' || inst.replica_num !== 3) {
    throw new ApiError(
      409,
      'DBS.280406',
      `Replica-form switches are only for distributed (independent deployment) instances with 1 primary + 2 standbys per shard; this one is ${inst.mode}.`,
    );
  }
}

export function switchToLogger(rt: EmulatorRuntime, inst: InstanceDoc, az: string): JobDoc {
  assertActionAllowed(inst, 'switchReplica');
  assertDistributedThreeReplicas(inst);
  if (replicaForm(rt, inst) !== '1P2S')
    throw new ApiError(409, 'DBS.280406', 'The instance already runs 1 primary + 1 standby + 1 logger.');
  if (!instanceAzs(inst).includes(az)) {
    throw new ApiError(
      400,
      'DBS.200025',
      `availability_zone: ${az} is not an AZ of this instance (${instanceAzs(inst).join(', ')}).`,
      'availability_zone',
    );
  }
  // The standby in that AZ becomes the logger (the highest-numbered one when several are).
  const candidates = inst.nodes
    .filter((n) => n.availability_zone === az && !isStopped(n))
    .map((n) => ({ n, dn: n.components.find((c) => c.type === 'DN') }))
    .filter((x) => x.dn && x.dn.role === 'slave')
    .sort((a, b) => componentNumber(b.dn!.id) - componentNumber(a.dn!.id));
  const chosen = candidates[0];
  if (!chosen) {
    throw new ApiError(
      400,
      'DBS.200025',
      `availability_zone: no running standby in ${az} can become the logger (the primary's AZ cannot host it).`,
      'availability_zone',
    );
  }
  return startInstanceAction(rt, inst, 'switchReplica', {
    jobName: 'SwitchGaussDBV5LoggerReplica',
    durationMs: OPS_DURATIONS.switchReplica,
    onComplete: { kind: 'ops.loggerSet', args: { node_id: chosen.n.id } },
  });
}

export function switchToStandby(rt: EmulatorRuntime, inst: InstanceDoc): JobDoc {
  assertActionAllowed(inst, 'switchReplica');
  assertDistributedThreeReplicas(inst);
  if (replicaForm(rt, inst) !== '1P1S1L')
    throw new ApiError(409, 'DBS.280406', 'The instance already runs 1 primary + 2 standbys.');
  return startInstanceAction(rt, inst, 'switchReplica', {
    jobName: 'SwitchGaussDBV5Replica',
    durationMs: OPS_DURATIONS.switchReplica,
    onComplete: { kind: 'ops.loggerSet', args: { node_id: null } },
  });
}

registerInstanceEffect('ops.loggerSet', (rt, args, job) => {
  updateOps(rt, job.project_id, job.instance_id, (d) => ({
    ...d,
    logger_node_id: typeof args.node_id === 'string' ? args.node_id : null,
  }));
});

/** Both ids, as the reference's table lists them (L3520-3523). */
const switchAnswer = (job: JobDoc) => ({ job_id: job.id, order_id: orderId(job) });

registerHandler('switchToLoggerReplica', (ctx) => {
  const { inst } = instanceOf(ctx);
  return switchAnswer(switchToLogger(ctx.rt, inst, ctx.body.availability_zone));
});

registerHandler('switchToStandbyReplica', (ctx) => {
  const { inst } = instanceOf(ctx);
  return switchAnswer(switchToStandby(ctx.rt, inst));
});
