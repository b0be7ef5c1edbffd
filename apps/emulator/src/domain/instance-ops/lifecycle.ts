import { ApiError } from '../../http/errors';
import { registerHandler } from '../../http/handlers';
import type { EmulatorRuntime } from '../../runtime';
import type { InstanceDoc } from '../instance-model';
import { registerInstanceEffect, startInstanceAction } from '../instance-state';
import { markNodes } from '../instance-topology';
import {
  accepted,
  assertNoStoppedNodes,
  assertStatus,
  instanceOf,
  OPS_DURATIONS,
  updateInstance,
} from './common';
import { isWeakPassword } from './contract-rules';
import { getOps, passwordHash, updateOps } from './ops-state';

/** 4.4.5, 4.4.6, 4.4.7 and 4.4.14: root password, name, restart, weak-password check. */

/**
 * 4.4.5: synchronous. The body's shape and complexity were checked by the contract (DBS.200052); here the
 * rules that need the world: weak (DBS.200068), same as the current one (DBS.200475), and the status.
 */
export function resetRootPassword(rt: EmulatorRuntime, inst: InstanceDoc, password: string): void {
  assertStatus(inst, ['ACTIVE'], 'resetting the root password');
  assertNoStoppedNodes(inst, 'Resetting the root password');
  if (isWeakPassword(password)) {
    throw new ApiError(
      400,
      'DBS.200068',
      'password: this is a well-known (weak) password; choose a stronger one.',
      'password',
    );
  }
  const hash = passwordHash(inst.id, password);
  if (getOps(rt, inst.project_id, inst.id).root_password_hash === hash) {
    throw new ApiError(
      400,
      'DBS.200475',
      'password: the new password must differ from the current one.',
      'password',
    );
  }
  updateOps(rt, inst.project_id, inst.id, (d) => ({ ...d, root_password_hash: hash }));
}

registerHandler('resetRootPassword', (ctx) => {
  const { inst } = instanceOf(ctx);
  resetRootPassword(ctx.rt, inst, ctx.body.password);
  return {};
});

/** 4.4.14: judging is the answer (OPS-1); nothing is stored. */
registerHandler('checkWeakPassword', (ctx) => ({ is_weak_password: isWeakPassword(ctx.body.password) }));

/** 4.4.6: the new name shows once the (short) job completes. */
registerHandler('renameInstance', (ctx) => {
  const { inst } = instanceOf(ctx);
  const { name } = ctx.body;
  const job = startInstanceAction(ctx.rt, inst, 'rename', {
    jobName: 'RenameGaussDBV5Instance',
    durationMs: OPS_DURATIONS.rename,
    onComplete: { kind: 'ops.renamed', args: { name } },
  });
  return { job_id: job.id };
});

registerInstanceEffect('ops.renamed', (rt, args, job) => {
  updateInstance(rt, job.project_id, job.instance_id, (i) => ({ ...i, name: String(args.name) }));
});

/**
 * 4.4.7: REBOOTING while the job runs (the core refuses BUILD, EXPANDING, MODIFYING, RESTORING and frozen
 * instances, L2080). A restart brings every component back with its current role.
 */
registerHandler('restartInstance', (ctx) => {
  const { inst } = instanceOf(ctx);
  assertNoStoppedNodes(inst, 'Restarting the instance');
  const job = startInstanceAction(ctx.rt, inst, 'restart', {
    jobName: 'RestartGaussDBV5Instance',
    durationMs: OPS_DURATIONS.restart,
    onComplete: { kind: 'ops.restarted' },
  });
  return accepted(inst, job);
});

registerInstanceEffect('ops.restarted', (rt, _args, job) => {
  updateInstance(rt, job.project_id, job.instance_id, (i) => ({ ...i, nodes: markNodes(i.nodes, 'ACTIVE') }));
});
