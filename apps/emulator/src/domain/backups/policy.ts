import { DAY, MINUTE } from '../../clock/clock';
import { ApiError, errors } from '../../http/errors';
import { registerHandler, type BodyOf } from '../../http/handlers';
import type { EmulatorRuntime } from '../../runtime';
import { compareVersions } from '../flavors';
import type { InstanceDoc } from '../instance-model';
import { instances } from '../instance-state';
import { instanceOf } from '../instance-ops/common';
import { policies, type BackupPolicyDoc } from './model';
import { nextFullSlot, nextIncrementalSlot } from './schedule';

/**
 * The automatic backup policy (4.7.1, 4.7.2). An instance starts with the `backup_strategy` it was created with
 * (window and retention) and the service's defaults for the rest. The policy document also remembers how far
 * the automatic schedule got (see automatic.ts).
 */

/** Incremental (Log_Xbsa) backups exist from engine 3.301 on (4.7.3). */
export const supportsIncremental = (inst: Pick<InstanceDoc, 'datastore'>) =>
  compareVersions(inst.datastore.version, '3.301') >= 0;

export function defaultPolicy(inst: InstanceDoc, now: number): BackupPolicyDoc {
  const policy: BackupPolicyDoc = {
    id: inst.id,
    project_id: inst.project_id,
    keep_days: inst.backup_strategy.keep_days || 7,
    start_time: inst.backup_strategy.start_time,
    period: '1,2,3,4,5,6,7',
    differential_period: '30',
    rate_limit: 0,
    prefetch_block: 64,
    file_split_size: 4,
    enable_standby_backup: false,
    last_full_slot: now,
    last_incr_slot: now,
    initial_backup_done: false,
    full_since: null,
    // Due at once: the schedule takes the first backup in the same tick if the instance is already ACTIVE.
    next_due: now,
  };
  return policy;
}

/** When the schedule next needs to look at the instance. */
export function nextDue(inst: InstanceDoc, policy: BackupPolicyDoc, now: number): number {
  // Until its first full backup, a new instance is looked at every minute (it becomes ACTIVE at some point).
  if (!policy.initial_backup_done) return now + MINUTE;
  const candidates = [nextFullSlot(policy, now), now + DAY];
  if (supportsIncremental(inst)) candidates.push(nextIncrementalSlot(policy, now));
  return Math.min(...candidates);
}

/** The stored policy, or the one the instance starts with (not written). */
export function policyOf(rt: EmulatorRuntime, inst: InstanceDoc): BackupPolicyDoc {
  return policies(rt).get(inst.project_id, inst.id) ?? defaultPolicy(inst, rt.clock.now());
}

export function ensurePolicy(rt: EmulatorRuntime, inst: InstanceDoc, now: number): BackupPolicyDoc {
  return policies(rt).get(inst.project_id, inst.id) ?? policies(rt).put(defaultPolicy(inst, now));
}

export function policyView(p: BackupPolicyDoc) {
  return {
    keep_days: p.keep_days,
    start_time: p.start_time,
    period: p.period,
    differential_period: p.differential_period,
    rate_limit: p.rate_limit,
    prefetch_block: p.prefetch_block,
    // Deprecated spelling the reference still returns beside file_split_size.
    filesplit_size: p.file_split_size,
    file_split_size: p.file_split_size,
    enable_standby_backup: p.enable_standby_backup,
  };
}

/** 4.7.1's `backup_policy` as the contract validated it. */
export type PolicyChange = BodyOf<'setBackupPolicy'>['backup_policy'];

/** 4.7.1: replaces the policy; the instance's `backup_strategy` (shown by the instance list) follows it. */
export function setPolicy(rt: EmulatorRuntime, inst: InstanceDoc, change: PolicyChange): BackupPolicyDoc {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', 'The DB instance is frozen; its backup policy cannot be changed.');
  if (inst.status === 'BUILD' || inst.status === 'FAILED')
    throw errors.notAllowedInStatus(inst.status, 'setting the backup policy');
  if (change.enable_standby_backup === true) {
    // 4.7.1: "不支持单节点实例及3.100.0以下的实例".
    const why =
      compareVersions(inst.datastore.version, '3.100') < 0
        ? `engine ${inst.datastore.version} is below 3.100`
        : inst.nodes.length < 2
          ? 'it is a single-node instance'
          : undefined;
    if (why) {
      throw new ApiError(
        400,
        'DBS.200040',
        `backup_policy.enable_standby_backup: instance ${inst.name} cannot back up from a standby: ${why} (needs 3.100 or later and more than one node)`,
        'backup_policy.enable_standby_backup',
      );
    }
  }
  const now = rt.clock.now();
  const current = ensurePolicy(rt, inst, now);
  const next: BackupPolicyDoc = {
    ...current,
    keep_days: change.keep_days,
    start_time: change.start_time,
    period: change.period,
    differential_period: change.differential_period,
    rate_limit: change.rate_limit ?? current.rate_limit,
    prefetch_block: change.prefetch_block ?? current.prefetch_block,
    file_split_size: change.file_split_size ?? current.file_split_size,
    enable_standby_backup: change.enable_standby_backup ?? current.enable_standby_backup,
  };
  next.next_due = Math.min(nextDue(inst, next, now), now + MINUTE);
  policies(rt).put(next);
  instances(rt).put({
    ...inst,
    backup_strategy: { start_time: change.start_time, keep_days: change.keep_days },
  });
  return next;
}

registerHandler('getBackupPolicy', (ctx) => {
  const { inst } = instanceOf(ctx);
  return { backup_policy: policyView(policyOf(ctx.rt, inst)) };
});

registerHandler('setBackupPolicy', (ctx) => {
  const { inst } = instanceOf(ctx);
  const body = ctx.body;
  setPolicy(ctx.rt, inst, body.backup_policy);
  return {};
});
