/** Placing times on the restore timeline and reading them from the user's inputs. */

/** Where `t` sits on a track from `from` to `to`, in percent (clamped). */
export function percentOf(t: number, from: number, to: number): number {
  if (to <= from) return 0;
  return Math.min(100, Math.max(0, ((t - from) / (to - from)) * 100));
}

/** The time at a fraction (0–1) of the track, whole seconds. */
export function timeAt(fraction: number, from: number, to: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round((from + f * (to - from)) / 1000) * 1000;
}

/** Epoch ms → the value of an `<input type="datetime-local" step="1">` in the browser's zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The value of a `datetime-local` input (browser's zone) → epoch ms; NaN when incomplete. */
export function fromLocalInput(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)).getTime();
}

/** The browser's UTC offset as `UTC+08:00`. */
export function localOffsetLabel(at: number): string {
  const minutes = -new Date(at).getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
