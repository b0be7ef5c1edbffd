import { DAY, HOUR, MINUTE } from '../../clock/clock';
import { stableInt } from '../ids';
import type { BackupPolicyDoc } from './model';

/**
 * The automatic schedule as pure time arithmetic (UTC, like the policy's window):
 * - a full backup starts once a day inside the `start_time` hour, on the policy's weekdays, a stable number of
 *   minutes into the window per instance (so a fleet does not start all at once);
 * - incremental backups every `differential_period` minutes.
 */

const offsets = new Map<string, number>();
/** Minutes into the window an instance's full backup starts (5–44); remembered, the schedule asks often. */
export function windowOffsetMin(instanceId: string): number {
  let v = offsets.get(instanceId);
  if (v === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    v = 5 + stableInt(`${instanceId}:window`, 40);
    offsets.set(instanceId, v);
  }
  return v;
}

export const windowHour = (startTime: string) => Number(startTime.slice(0, 2));

/** ISO weekday (1 = Monday … 7 = Sunday) of a UTC time. */
export function isoWeekday(ms: number): number {
  const d = new Date(ms).getUTCDay();
  return d === 0 ? 7 : d;
}

const periodDays = (period: string) => new Set(period.split(',').map(Number));

/** The full-backup slot of the UTC day containing `ms`. */
export function slotOfDay(policy: Pick<BackupPolicyDoc, 'id' | 'start_time'>, ms: number): number {
  return (
    Math.floor(ms / DAY) * DAY + windowHour(policy.start_time) * HOUR + windowOffsetMin(policy.id) * MINUTE
  );
}

/** Full-backup slots in (after, upTo], on the policy's weekdays, none earlier than `earliest`. */
export function fullSlots(
  policy: Pick<BackupPolicyDoc, 'id' | 'start_time' | 'period'>,
  after: number,
  upTo: number,
  earliest: number,
): number[] {
  const days = periodDays(policy.period);
  const out: number[] = [];
  const from = Math.max(after, earliest - 1);
  for (let day = Math.floor(from / DAY) * DAY; day <= upTo; day += DAY) {
    const slot = slotOfDay(policy, day);
    if (slot > from && slot > after && slot <= upTo && days.has(isoWeekday(slot))) out.push(slot);
  }
  return out;
}

/** The first full-backup slot after `ms` (searching two weeks ahead; a policy always names a weekday). */
export function nextFullSlot(
  policy: Pick<BackupPolicyDoc, 'id' | 'start_time' | 'period'>,
  ms: number,
): number {
  const days = periodDays(policy.period);
  for (let day = Math.floor(ms / DAY) * DAY; day <= ms + 15 * DAY; day += DAY) {
    const slot = slotOfDay(policy, day);
    if (slot > ms && days.has(isoWeekday(slot))) return slot;
  }
  return ms + DAY;
}

const incrStep = (policy: Pick<BackupPolicyDoc, 'differential_period'>) =>
  Number(policy.differential_period) * MINUTE;
const incrOffset = (policy: Pick<BackupPolicyDoc, 'id' | 'differential_period'>) =>
  (windowOffsetMin(policy.id) * MINUTE) % incrStep(policy);

/** Incremental slots in (after, upTo], none earlier than `earliest`. */
export function incrementalSlots(
  policy: Pick<BackupPolicyDoc, 'id' | 'differential_period'>,
  after: number,
  upTo: number,
  earliest: number,
): number[] {
  const step = incrStep(policy);
  const offset = incrOffset(policy);
  const from = Math.max(after, earliest - 1);
  const out: number[] = [];
  for (let slot = Math.floor((from - offset) / step) * step + offset; slot <= upTo; slot += step) {
    if (slot > from && slot > after) out.push(slot);
  }
  return out;
}

export function nextIncrementalSlot(
  policy: Pick<BackupPolicyDoc, 'id' | 'differential_period'>,
  ms: number,
): number {
  const step = incrStep(policy);
  const offset = incrOffset(policy);
  return Math.floor((ms - offset) / step) * step + offset + step;
}
