import { DAY } from '../../clock/clock';
import { registerHandler } from '../../http/handlers';
import type { EmulatorRuntime } from '../../runtime';
import type { InstanceDoc } from '../instance-model';
import { instanceOf } from '../instance-ops/common';
import { completedFulls } from './automatic';
import type { BackupDoc } from './model';

/**
 * Restorable time ranges (4.7.7), as continuous WAL archiving gives them: every COMPLETED full backup
 * (automatic or manual) opens a range at its end that runs until the next full backup's end (less a second,
 * as in the reference's example) or, for the newest one, until now. Ranges go when their backup is pruned.
 */

export interface RestoreWindow {
  start: number;
  end: number;
  /** The full backup a point-in-time restore inside this range starts from. */
  base: BackupDoc;
}

export function restoreWindows(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  now = rt.clock.now(),
): RestoreWindow[] {
  if (inst.status === 'BUILD') return [];
  const fulls = completedFulls(rt, inst.project_id, inst.id)
    .filter((b) => b.end_at !== null && b.end_at <= now && !b.recycle)
    .sort((a, b) => a.end_at! - b.end_at!);
  const out: RestoreWindow[] = [];
  fulls.forEach((b, i) => {
    const next = fulls[i + 1];
    const start = b.end_at!;
    const end = next ? next.end_at! - 1000 : now;
    if (end > start) out.push({ start, end, base: b });
  });
  return out;
}

/** The range holding `t`, if any. */
export function windowAt(rt: EmulatorRuntime, inst: InstanceDoc, t: number): RestoreWindow | undefined {
  return restoreWindows(rt, inst).find((w) => t >= w.start && t <= w.end);
}

/** The ranges of one UTC day, clipped to the day. */
export function restoreTimesOn(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  date: string,
): { start_time: number; end_time: number }[] {
  const [y, m, d] = date.split('-').map(Number);
  const dayStart = Date.UTC(y!, m! - 1, d!);
  const dayEnd = dayStart + DAY - 1;
  return restoreWindows(rt, inst)
    .filter((w) => w.end >= dayStart && w.start <= dayEnd)
    .map((w) => ({ start_time: Math.max(w.start, dayStart), end_time: Math.min(w.end, dayEnd) }));
}

registerHandler('listRestoreTimes', (ctx) => {
  const { inst } = instanceOf(ctx);
  const { date } = ctx.query;
  return { restore_time: restoreTimesOn(ctx.rt, inst, date) };
});
