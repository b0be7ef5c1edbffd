import type { BackupPolicy } from '@gaussdb-console/api-client/browser';

const pad = (n: number) => String(n).padStart(2, '0');

/** The 24 one-hour windows 4.7.1 accepts (`hh:00-HH:00`, UTC, HH one more than hh). */
export const POLICY_WINDOWS = Array.from({ length: 24 }, (_, h) => `${pad(h)}:00-${pad((h + 1) % 24)}:00`);
export const DIFFERENTIAL_MINUTES = ['15', '30', '60', '180', '360', '720', '1440'] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Hours east of UTC of a `UTC+08:00` zone (0 when unreadable). */
export function zoneHours(zone: string | null | undefined): number {
  const m = /^UTC([+-])(\d{2}):(\d{2})$/.exec(zone ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60);
}

/** A UTC window `02:00-03:00` as the same hour in the instance's zone: `10:00–11:00`. */
export function windowInZone(window: string, zone: string | null | undefined): string {
  const m = /^(\d{2}):00-(\d{2}):00$/.exec(window);
  if (!m) return window;
  const shift = zoneHours(zone);
  const at = (h: number) => {
    const total = (((h + shift) % 24) + 24) % 24;
    return `${pad(Math.floor(total))}:${pad(Math.round((total % 1) * 60))}`;
  };
  return `${at(Number(m[1]))}–${at(Number(m[2]))}`;
}

/** `1,2,3` → [1, 2, 3] (unknown entries dropped). */
export const periodDays = (period: string | null | undefined) =>
  (period ?? '')
    .split(',')
    .map(Number)
    .filter((d) => d >= 1 && d <= 7);

/** The form's starting values from 4.7.2's answer (its numbers may come as strings, its split size under two names). */
export function policyFormValues(p: BackupPolicy | undefined) {
  // Answers reach the page as sent (numbers may be strings), so each value is made what the form needs.
  const n = (v: unknown, fallback: number) =>
    v === null || v === undefined || v === '' ? fallback : Number(v);
  const standby = p?.enable_standby_backup as unknown;
  return {
    backup_policy: {
      keep_days: n(p?.keep_days, 7),
      start_time: p?.start_time ?? '02:00-03:00',
      period: p?.period ?? '1,2,3,4,5,6,7',
      differential_period: String(p?.differential_period ?? '30'),
      rate_limit: n(p?.rate_limit, 0),
      prefetch_block: n(p?.prefetch_block, 64),
      file_split_size: n(p?.file_split_size ?? p?.filesplit_size, 4),
      enable_standby_backup: standby === true || standby === 'true',
    },
  };
}

/** Standby backup needs engine 3.100 or later (4.7.1). */
export function standbyBackupSupported(version: string | null | undefined): boolean {
  const [major = 0, minor = 0] = (version ?? '').split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 100);
}
