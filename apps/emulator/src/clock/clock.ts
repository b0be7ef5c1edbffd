/**
 * The emulator's clock. Everything that "takes time" (jobs, token expiry, the recycle bin) reads this clock,
 * never Date.now(), so that a demo can run fast (`--speed 50`) and tests can step time by hand.
 *
 * - `real`: wall-clock time since start-up, multiplied by `speed`, plus any manual advance.
 * - `manual`: frozen until `advance(ms)` moves it (tests: no sleeps).
 */
export type ClockMode = 'real' | 'manual';

export interface ClockOptions {
  mode: ClockMode;
  speed?: number;
  /** Emulated epoch ms at start; defaults to now. */
  start?: number;
}

export type ClockListener = (now: number) => void;

export class EmulatorClock {
  readonly mode: ClockMode;
  readonly speed: number;
  private base: number;
  private readonly realBase = Date.now();
  private readonly listeners = new Set<ClockListener>();

  constructor(options: ClockOptions) {
    this.mode = options.mode;
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0)) throw new Error('clock speed must be > 0');
    this.base = options.start ?? Date.now();
  }

  now(): number {
    if (this.mode === 'manual') return this.base;
    return Math.floor(this.base + (Date.now() - this.realBase) * this.speed);
  }

  /** Moves time forward by `ms` (both modes) and notifies listeners (the job scheduler). Returns the new time. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms): ms must be a finite number ≥ 0');
    this.base += ms;
    const now = this.now();
    for (const l of this.listeners) l(now);
    return now;
  }

  /** After a restart: never run behind the time the previous process had reached (jobs resume, not rewind). */
  resumeFrom(previousNow: number): void {
    const now = this.now();
    if (previousNow > now) this.base += previousNow - now;
  }

  onAdvance(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2021-07-12T09:22:04Z`: the reference's declared `yyyy-mm-ddThh:mm:ssZ`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2021-01-15 01:46:40 UTC`: the instance list's `created`/`updated` format (4.4.4). */
export function utcDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
