import { DAY } from '../../clock/clock';
import { registerHandler } from '../../http/handlers';
import { JOB_DURATIONS } from '../../jobs/job-model';
import { registerSweeper } from '../../jobs/effects';
import type { EmulatorRuntime } from '../../runtime';
import { stableInt } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { instances, startInstanceAction } from '../instance-state';
import { instanceOf, updateInstance } from './common';
import { getOps, opsCollection, updateOps, type AutoEnlargePolicy, type DataUsage } from './ops-state';

/**
 * THE disk model: how much data an instance holds at any time. Everything that shows or acts on disk usage
 * reads it here: 4.3.1 (`getVolumeUsage`), the STORAGE FULL status and the auto-enlarge policy of 4.4.21 (the
 * sweeper below), and the size of backups (backups/model.ts `dataGbAt`).
 *
 * Data is kept in GB, not as a share: `used_gb` at time `at`, growing `gb_per_day` until `until`, so enlarging
 * the disk lowers the used share and nothing else moves the figure. An instance without a record holds a stable
 * share of the disk it was first seen with (8–60 %, from its id); the first change of its disk size or growth
 * pins that figure in a record. With a manual clock and no growth, usage never changes.
 */

const VOLUME_MAX_GB_PER_SHARD = 16384;
const STEP_GB_PER_SHARD = 4;

/** The share an instance without a record holds (a stable figure per instance). */
const baselineShare = (inst: Pick<InstanceDoc, 'id'>) => (8 + stableInt(inst.id, 53)) / 100;

/** GB of data from a record at time `t` (flat before `at`, growing until `until`). */
function fromRecord(u: DataUsage, t: number): number {
  const end = Math.min(t, u.until ?? Infinity);
  return u.used_gb + (u.gb_per_day * Math.max(0, end - u.at)) / DAY;
}

/** GB of data on the instance's disk at time `t` (default now), never more than the disk. */
export function usedGb(rt: EmulatorRuntime, inst: InstanceDoc, t = rt.clock.now()): number {
  const usage = getOps(rt, inst.project_id, inst.id).usage;
  const gb = usage ? fromRecord(usage, t) : inst.volume.size * baselineShare(inst);
  return Math.min(inst.volume.size, gb);
}

/** Whether the instance's data grows at time `t`. */
export function isGrowing(rt: EmulatorRuntime, inst: InstanceDoc, t = rt.clock.now()): boolean {
  const u = getOps(rt, inst.project_id, inst.id).usage;
  return !!u && u.gb_per_day > 0 && (u.until ?? Infinity) > t;
}

/**
 * Pins the current figure in a record and sets how the data grows from now: `growth` replaces the growth (a new
 * data load), absent keeps the current one. Call before the disk's size changes, so the data stays what it is.
 */
export function rebaseUsage(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  growth?: { gbPerDay: number; until: number | null },
): DataUsage {
  const now = rt.clock.now();
  const before = getOps(rt, inst.project_id, inst.id).usage;
  const keep =
    before && (before.until ?? Infinity) > now
      ? { gb_per_day: before.gb_per_day, until: before.until ?? null }
      : { gb_per_day: 0, until: null };
  const usage: DataUsage = {
    used_gb: Math.round(usedGb(rt, inst, now) * 1000) / 1000,
    at: now,
    gb_per_day: growth ? Math.max(0, growth.gbPerDay) : keep.gb_per_day,
    until: growth ? growth.until : keep.until,
  };
  updateOps(rt, inst.project_id, inst.id, (d) => ({ ...d, usage }));
  return usage;
}

/** `{ used, total }` as 4.3.1 sends them (strings, GB): a STORAGE FULL disk reads full. */
export function volumeUsage(rt: EmulatorRuntime, inst: InstanceDoc): { used: string; total: string } {
  const used = inst.status === 'STORAGE FULL' ? inst.volume.size : usedGb(rt, inst);
  return { used: used.toFixed(1), total: `${inst.volume.size}.0` };
}

/** 4.3.1. */
registerHandler('getVolumeUsage', (ctx) => volumeUsage(ctx.rt, instanceOf(ctx).inst));

const roundUpToStep = (gb: number, shards: number) =>
  Math.ceil(gb / (STEP_GB_PER_SHARD * shards)) * STEP_GB_PER_SHARD * shards;

export function defaultPolicy(inst: InstanceDoc): AutoEnlargePolicy {
  return {
    switch_option: false,
    limit_volume_size: inst.shard_num * VOLUME_MAX_GB_PER_SHARD,
    trigger_available_percent: 10,
    step_size: null,
    step_percent: 20,
  };
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

/**
 * Instances whose data grows: an `EnlargeGaussDBV5Volume` job when the free share drops below the auto-enlarge
 * policy's trigger (by the step, up to the limit); STORAGE FULL when the data fills the disk.
 */
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
      updateInstance(rt, inst.project_id, inst.id, (i) => ({
        ...i,
        status: 'STORAGE FULL',
        updated_at: now,
      }));
    }
  }
});
