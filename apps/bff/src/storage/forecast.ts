import type { StorageForecast, StorageSample } from '@gaussdb-console/api-client';

const DAY_MS = 24 * 3600_000;

/** Fewer readings, or a shorter span, say nothing about a trend. */
export const MIN_SAMPLES = 4;
export const MIN_SPAN_MS = 3 * 3600_000;
/** A line that explains less of the readings' spread than this is no trend (R²). */
export const MIN_FIT = 0.6;
/** Growth slower than this (GB a day) is "not growing": no date is given. */
export const MIN_GROWTH_GB_PER_DAY = 0.01;
/** The trend is read from the readings of this last stretch only. */
export const TREND_WINDOW_MS = 14 * DAY_MS;
/** Beyond this a date means nothing. */
const MAX_DAYS = 3650;

const noTrend = (
  reason: StorageForecast['reason'],
  samples: number,
  span: number,
  growth: number | null = null,
  fit: number | null = null,
): StorageForecast => ({
  growth_gb_per_day: growth,
  days_to_full: null,
  full_at: null,
  fit,
  reason,
  samples,
  span_hours: Math.round((span / 3600_000) * 10) / 10,
});

/**
 * A least-squares line through the used GB of the recent readings (oldest first), and when it reaches the
 * disk's current size: "full in about N days" only where the trend supports it (enough readings over
 * enough time, growing, and a line that fits them).
 */
export function forecast(samples: readonly StorageSample[], now: number): StorageForecast {
  const last = samples.at(-1);
  const recent = samples.filter((s) => Date.parse(s.time) >= now - TREND_WINDOW_MS);
  const first = recent[0];
  const span = first && last ? Date.parse(last.time) - Date.parse(first.time) : 0;
  if (!last || recent.length < MIN_SAMPLES || span < MIN_SPAN_MS)
    return noTrend('too_few_samples', recent.length, span);
  const t0 = Date.parse(first!.time);
  const xs = recent.map((s) => (Date.parse(s.time) - t0) / DAY_MS);
  const ys = recent.map((s) => s.used_gb);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const growth = Math.round(slope * 1000) / 1000;
  // A flat series fits any flat line perfectly; it is simply not growing.
  const fit = syy > 0 && sxx > 0 ? Math.min(1, (sxy * sxy) / (sxx * syy)) : null;
  const roundedFit = fit === null ? null : Math.round(fit * 1000) / 1000;
  if (slope < MIN_GROWTH_GB_PER_DAY) return noTrend('not_growing', n, span, growth, roundedFit);
  if (fit === null || fit < MIN_FIT) return noTrend('unsteady', n, span, growth, roundedFit);
  // From the line's value now, not the last reading, so one noisy reading does not move the date.
  const usedNow = my + slope * ((now - t0) / DAY_MS - mx);
  const days = Math.max(0, (last.total_gb - usedNow) / slope);
  if (days > MAX_DAYS) return noTrend('not_growing', n, span, growth, roundedFit);
  return {
    growth_gb_per_day: growth,
    days_to_full: Math.floor(days),
    full_at: new Date(now + days * DAY_MS).toISOString(),
    fit: roundedFit,
    reason: null,
    samples: n,
    span_hours: Math.round((span / 3600_000) * 10) / 10,
  };
}
