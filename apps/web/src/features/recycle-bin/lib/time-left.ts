const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A time of the recycle-bin API (`2022-08-09T09:26:44.000+08:00`, `…Z`, `…+0800`) in epoch ms. */
export function recycleTimeMs(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** When a deleted instance is purged: its deletion plus the retention period. */
export const purgeAt = (deletedAt: number, retentionDays: number) => deletedAt + retentionDays * DAY;

export interface TimeLeft {
  /** ms until the purge; ≤ 0 once it is due. */
  ms: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** Less than a day left: the page warns. */
  urgent: boolean;
}

/** The time left before a purge, split for display. */
export function timeLeft(purge: number, now: number): TimeLeft {
  const ms = purge - now;
  const left = Math.max(0, ms);
  return {
    ms,
    days: Math.floor(left / DAY),
    hours: Math.floor((left % DAY) / HOUR),
    minutes: Math.floor((left % HOUR) / MINUTE),
    seconds: Math.floor((left % MINUTE) / SECOND),
    urgent: ms < DAY,
  };
}
