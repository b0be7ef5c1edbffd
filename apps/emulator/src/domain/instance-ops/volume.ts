import { DAY } from '../../clock/clock';
import { JOB_DURATIONS } from '../../jobs/job-model';
import { registerSweeper } from '../../jobs/effects';
import type { EmulatorRuntime } from '../../runtime';
import { stableInt } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { instances, startInstanceAction } from '../instance-state';
import { updateInstance } from './common';
import { getOps, opsCollection, type AutoEnlargePolicy } from './ops-state';

/**
 * Disk usage that grows with data, and the auto-enlarge policy of 4.4.21 acting on it. Usage is kept in GB
 * (`used_gb` at time `at`, growing `gb_per_day`), so enlarging the disk lowers the used share. Instances
 * without a growth record use a stable share of their disk, as the core's 4.3.1 shows it.
 *
 * The sweeper: an instance whose free share drops below the policy's trigger gets an `EnlargeGaussDBV5Volume`
 * job (by the step, up to the policy's limit); one whose data fills the disk turns STORAGE FULL.
 */

const VOLUME_MAX_GB_PER_SHARD = 16384;
const STEP_GB_PER_SHARD = 4;

export function usedGb(rt: EmulatorRuntime, inst: InstanceDoc, now = rt.clock.now()): number {
  const usage = getOps(rt, inst.project_id, inst.id).usage;
  if (!usage) return Math.round(inst.volume.size * ((8 + stableInt(inst.id, 53)) / 100));
  return Math.min(inst.volume.size, usage.used_gb + (usage.gb_per_day * Math.max(0, now - usage.at)) / DAY);
}

/** `{ used, total }` as 4.3.1 sends them (strings); offered to the core's getVolumeUsage. */
export function volumeUsage(rt: EmulatorRuntime, inst: InstanceDoc): { used: string; total: string } {
  const used = inst.status === 'STORAGE FULL' ? inst.volume.size : usedGb(rt, inst);
  return { used: used.toFixed(1), total: `${inst.volume.size}.0` };
}

const roundUpToStep = (gb: number, shards: number) => Math.ceil(gb / (STEP_GB_PER_SHARD * shards)) * STEP_GB_PER_SHARD * shards;

export function defaultPolicy(inst: InstanceDoc): AutoEnlargePolicy {
  return { switch_option: false, limit_volume_size: inst.shard_num * VOLUME_MAX_GB_PER_SHARD, trigger_available_percent: 10, step_size: null, step_percent: 20 };
}

export function autoEnlargePolicyView(rt: EmulatorRuntime, inst: InstanceDoc) {
  const p = getOps(rt, inst.project_id, inst.id).auto_enlarge ?? defaultPolicy(inst);
  return {
    switch_option: p.switch_option,
    limit_volume_size: p.limit_volume_size,
    // The range a limit may take: from the current disk to the maximum for the shard count.
    min_volume_size: inst.volume.size,
    max_volume_size: inst.shard_num * VOLUME_MAX_GB_PER_SHARD,
    trigger_available_percent: p.trigger_available_percent,
    percents: [10, 15, 20],
    step_size: p.step_size,
    step_percent: p.step_percent,
  };
}

/** The size an auto-enlargement goes to, or undefined when the limit is reached. */
export function nextAutoSize(inst: InstanceDoc, p: AutoEnlargePolicy): number | undefined {
  const step = p.step_size ?? Math.ceil((inst.volume.size * (p.step_percent ?? 20)) / 100);
  const target = Math.min(p.limit_volume_size, roundUpToStep(inst.volume.size + step, inst.shard_num));
  const aligned = target - (target % (STEP_GB_PER_SHARD * inst.shard_num));
  return aligned > inst.volume.size ? aligned : undefined;
}

registerSweeper('instance-ops.volume', (rt, now) => {
  for (const ops of opsCollection(rt).all({ where: [{ col: 'growing', op: '=', value: 1 }] })) {
    const inst = instances(rt).get(ops.project_id, ops.id);
    if (!inst || inst.pending || inst.frozen) continue;
    const used = usedGb(rt, inst, now);
    const policy = ops.auto_enlarge;
    if (inst.status === 'ACTIVE' && policy?.switch_option) {
      const freePercent = ((inst.volume.size - used) / inst.volume.size) * 100;
      const size = freePercent < policy.trigger_available_percent ? nextAutoSize(inst, policy) : undefined;
      if (size !== undefined) {
        startInstanceAction(rt, inst, 'enlargeVolume', {
          jobName: 'EnlargeGaussDBV5Volume',
          durationMs: JOB_DURATIONS.EnlargeGaussDBV5Volume,
          onComplete: { kind: 'ops.volumeEnlarged', args: { size } },
        });
        continue;
      }
    }
    if (inst.status === 'ACTIVE' && used >= inst.volume.size) {
      updateInstance(rt, inst.project_id, inst.id, (i) => ({ ...i, status: 'STORAGE FULL', updated_at: now }));
    }
  }
});
