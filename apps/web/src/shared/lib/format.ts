import { i18n } from './i18n';

/**
 * Intl formatters cost about a millisecond each to make: one per language and kind, not one per call (a list
 * page formats a time or two per row, again every few seconds).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, make: () => F): F {
  const key = `${kind} ${i18n.language}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as F;
}

/** Times in the user's zone; the UTC form goes in the title so the offset is visible on hover. */
export function formatTime(value: string | number | null | undefined): { text: string; title: string } {
  if (value === null || value === undefined || value === '') return { text: '—', title: '' };
  const d =
    typeof value === 'number'
      ? new Date(value)
      : new Date(value.replace(' UTC', 'Z').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(d.getTime())) return { text: String(value), title: String(value) };
  const text = formatter(
    'time',
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(d);
  return { text, title: d.toISOString() };
}

export function formatAgo(ms: number): string {
  const rtf = formatter('ago', () => new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }));
  const s = Math.round((ms - Date.now()) / 1000);
  if (Math.abs(s) < 60) return rtf.format(s, 'second');
  if (Math.abs(s) < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (Math.abs(s) < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h}h ${m}m` : m ? `${m}m ${sec}s` : `${sec}s`;
}

export function formatGb(gb: number | null | undefined): string {
  if (gb === null || gb === undefined) return '—';
  return gb >= 1024 ? `${(gb / 1024).toFixed(gb % 1024 ? 1 : 0)} TB` : `${gb} GB`;
}

/** Progress arrives as "45%", "45" or 45. */
export function parseProgress(p: unknown): number | undefined {
  if (typeof p === 'number') return p;
  if (typeof p === 'string') {
    const n = Number.parseFloat(p);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
