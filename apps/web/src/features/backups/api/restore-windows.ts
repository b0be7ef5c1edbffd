import type { Backup, RestoreTimeRange } from '@gaussdb-console/api-client/browser';
import { backupEnd } from './use-backups';

/**
 * What the restore sections' answers mean together: 4.7.7's day-by-day ranges joined into windows, whether
 * a time lies in one (and why not), and the full backup (4.7.3) a point-in-time restore starts from.
 */

/** A restorable interval in epoch ms, both ends included. */
export interface Window {
  start: number;
  end: number;
}

/**
 * The API answers the ranges of one UTC day at a time (4.7.7), clipping a range that crosses midnight at
 * 23:59:59.999 and starting it again at 00:00. This joins those pieces back into the real ranges (and
 * drops duplicates); ranges separated by more than a millisecond stay apart (two base backups).
 */
export function joinRanges(ranges: readonly RestoreTimeRange[]): Window[] {
  const sorted = ranges
    .map((r) => ({ start: Number(r.start_time), end: Number(r.end_time) }))
    .filter((w) => Number.isFinite(w.start) && Number.isFinite(w.end) && w.end >= w.start)
    .sort((a, b) => a.start - b.start);
  const out: Window[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.start <= last.end + 1) last.end = Math.max(last.end, w.end);
    else out.push({ ...w });
  }
  return out;
}

/** Why a time cannot be restored to, with the windows around it. */
export type TimeCheck =
  | { ok: true; window: Window }
  | { ok: false; reason: 'none' }
  | { ok: false; reason: 'future'; latest: Window }
  | { ok: false; reason: 'beforeFirst'; first: Window }
  | { ok: false; reason: 'afterLast'; latest: Window }
  | { ok: false; reason: 'between'; before: Window; after: Window };

/** Whether `t` lies inside a restorable window, and if not, why (the words come from the caller). */
export function checkTime(windows: readonly Window[], t: number, now: number): TimeCheck {
  const first = windows[0];
  const latest = windows[windows.length - 1];
  if (!first || !latest) return { ok: false, reason: 'none' };
  const inside = windows.find((w) => t >= w.start && t <= w.end);
  if (inside) return { ok: true, window: inside };
  if (t > now) return { ok: false, reason: 'future', latest };
  if (t < first.start) return { ok: false, reason: 'beforeFirst', first };
  if (t > latest.end) return { ok: false, reason: 'afterLast', latest };
  const beforeIdx = windows.findIndex((w, i) => w.end < t && (windows[i + 1]?.start ?? Infinity) > t);
  return { ok: false, reason: 'between', before: windows[beforeIdx]!, after: windows[beforeIdx + 1]! };
}

/** The restorable time nearest to `t` (itself when it is restorable); undefined without any window. */
export function nearestRestorable(windows: readonly Window[], t: number): number | undefined {
  let best: number | undefined;
  for (const w of windows) {
    const c = Math.min(Math.max(t, w.start), w.end);
    if (best === undefined || Math.abs(c - t) < Math.abs(best - t)) best = c;
  }
  return best;
}

export const isCompletedFull = (b: Backup) => b.status === 'COMPLETED' && Number.isFinite(backupEnd(b));

/**
 * The full backup a point-in-time restore to `t` starts from: the newest COMPLETED full backup whose data
 * ends at or before `t` (the WAL archived since then is replayed up to `t`).
 */
export function baseBackupFor(fulls: readonly Backup[], t: number): Backup | undefined {
  let base: Backup | undefined;
  for (const b of fulls)
    if (isCompletedFull(b) && backupEnd(b) <= t && (!base || backupEnd(b) > backupEnd(base))) base = b;
  return base;
}

/** COMPLETED full backups older than `base`, newest first: what a DBA may choose instead of it. */
export function olderBackups(fulls: readonly Backup[], base: Backup | undefined): Backup[] {
  if (!base) return [];
  return fulls
    .filter((b) => isCompletedFull(b) && b.id !== base.id && backupEnd(b) <= backupEnd(base))
    .sort((a, b) => backupEnd(b) - backupEnd(a));
}
