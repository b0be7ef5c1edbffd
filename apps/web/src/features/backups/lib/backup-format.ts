import type { Backup } from '@gaussdb-console/api-client/browser';
import { apiTimeMs } from '../api/use-backups';

/** MB (4.7.3 `size`) in words: "812.4 MB", "1.5 GB". */
export function formatMb(value: number | string | null | undefined): string {
  // The reference sends numbers as strings in places ("size": "120"); answers are not coerced on the way in.
  const mb = value === null || value === undefined || value === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(mb)) return '—';
  if (mb >= 1024 * 1024) return `${(mb / 1024 / 1024).toFixed(1)} TB`;
  if (mb >= 1024) return `${(mb / 1024).toFixed(1)} GB`;
  return `${mb.toFixed(mb >= 100 ? 0 : 1)} MB`;
}

/** KB (4.7.5 file `size`) in words. */
export const formatKb = (kb: number | string | null | undefined) =>
  kb === null || kb === undefined || kb === '' ? '—' : formatMb(Number(kb) / 1024);

/** `auto` | `manual` | `incremental`: the key of a backup's kind (the API spells incremental Log_Xbsa). */
export function kindOf(b: Pick<Backup, 'type'>): 'auto' | 'manual' | 'incremental' {
  const t = (b.type ?? '').toLowerCase();
  if (t === 'manual') return 'manual';
  if (t === 'auto') return 'auto';
  return 'incremental';
}

/** How long a backup ran, in ms (NaN while it runs). */
export const backupDurationMs = (b: Backup) => apiTimeMs(b.end_time) - apiTimeMs(b.begin_time);

/** A list-filter date (`yyyy-mm-dd`, the browser's day) as the API's time at its start or end. */
export function dayBound(date: string, end: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), end ? 23 : 0, end ? 59 : 0, end ? 59 : 0);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
