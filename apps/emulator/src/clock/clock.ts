/**
 * The emulator's clock. Everything that reads "now" (job timestamps, token expiry, the recycle bin, backup
 * schedules) reads this clock, never Date.now(), so tests can step time by hand.
 *
 * - `real`: the wall clock, always. Timestamps the emulator shows are real times; `speed` never moves them.
 *   `speed` only shortens simulated work (`work(ms)`): a 15-minute create takes 45 s at speed 20, and its
 *   job shows a real start, a real end and a 45 s duration. `advance(ms)` (admin API, tests) puts the clock
 *   ahead of the wall clock by an offset.
 * - `manual`: frozen until `advance(ms)` moves it (tests: no sleeps).
 */
export type ClockMode = 'real' | 'manual';

export interface ClockOptions {
  mode: ClockMode;
  /** How many times faster than on the real service simulated work runs (jobs, backups). */
  speed?: number;
  /** `manual`: the time it starts at (default: the real time now). Ignored by the `real` clock. */
  start?: number;
  /** `real`: how far ahead of the wall clock it runs (advances of a previous run). Default 0. */
  offset?: number;
  /** The wall clock (tests inject a controllable one). Default `Date.now`. */
  realTime?: () => number;
}

export type ClockListener = (now: number) => void;

export class EmulatorClock {
  readonly mode: ClockMode;
  readonly speed: number;
  readonly realTime: () => number;
  /** Manual: the current time. Real: the offset ahead of the wall clock. */
  private base: number;
  private readonly listeners = new Set<ClockListener>();

  constructor(options: ClockOptions) {
    this.mode = options.mode;
    this.speed = options.speed ?? 1;
    if (!(this.speed > 0) || !Number.isFinite(this.speed))
      throw new Error('clock speed must be a finite number > 0');
    this.realTime = options.realTime ?? Date.now;
    this.base =
      this.mode === 'manual' ? (options.start ?? this.realTime()) : Math.max(0, options.offset ?? 0);
  }

  now(): number {
    return this.mode === 'manual' ? this.base : this.realTime() + this.base;
  }

  /** How far the clock runs ahead of the wall clock (`real` mode; 0 unless advanced). */
  get offset(): number {
    return this.mode === 'manual' ? this.base - this.realTime() : this.base;
  }

  /**
   * How long simulated work that takes `ms` on the real service takes here: `ms / speed`, whole ms. Job
   * durations, backup durations and the remaining time of seeded work go through it; timestamps never do.
   */
  work(ms: number): number {
    return Math.max(0, Math.round(ms / this.speed));
  }

  /** Moves time forward by `ms` (both modes) and notifies listeners (the job scheduler). Returns the new time. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms): ms must be a finite number ≥ 0');
    this.base += ms;
    const now = this.now();
    for (const l of this.listeners) l(now);
    return now;
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
