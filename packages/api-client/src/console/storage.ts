import { z } from 'zod';

/**
 * The console's storage forecast (beyond the vendor console): the BFF samples each instance's disk usage
 * (4.3.1) at a bounded rate, keeps the history in its own store and fits a trend.
 */

/** One reading of 4.3.1, in GB, at an ISO 8601 UTC time. */
export const storageSample = z.object({
  time: z.string(),
  used_gb: z.number().nonnegative(),
  total_gb: z.number().nonnegative(),
});
export type StorageSample = z.infer<typeof storageSample>;

/**
 * Why no "full in N days" is given: too few samples or too short a span to tell, usage not growing, or
 * readings too scattered for a straight line to mean anything.
 */
export const FORECAST_REASONS = ['too_few_samples', 'not_growing', 'unsteady'] as const;

/** The trend of the recent samples: a least-squares line, and when it reaches the disk's size. */
export const storageForecast = z.object({
  /** GB a day; null without enough samples. */
  growth_gb_per_day: z.number().nullable(),
  /** Whole days until the disk is full at that rate; null when the trend does not support one. */
  days_to_full: z.number().int().nonnegative().nullable(),
  full_at: z.string().nullable(),
  /** How well the line fits (R², 0–1); null without enough samples. */
  fit: z.number().min(0).max(1).nullable(),
  reason: z.enum(FORECAST_REASONS).nullable(),
  samples: z.number().int().nonnegative(),
  span_hours: z.number().nonnegative(),
});
export type StorageForecast = z.infer<typeof storageForecast>;

/** GET /api/v1/projects/:project/instances/:instance_id/storage-history. */
export const storageHistory = z.object({
  instance_id: z.string(),
  /** Oldest first, the last 30 days at most. */
  samples: z.array(storageSample),
  forecast: storageForecast,
  /** How often the console reads an instance's usage, in minutes. */
  sample_minutes: z.number().int().positive(),
});
export type StorageHistory = z.infer<typeof storageHistory>;

/** An instance in the "fills first" list: its last reading and its trend. */
export const storageOutlookEntry = z.object({
  id: z.string(),
  name: z.string().nullable(),
  used_gb: z.number().nonnegative(),
  total_gb: z.number().nonnegative(),
  used_percent: z.number().min(0).max(100),
  sampled_at: z.string(),
  forecast: storageForecast,
});
export type StorageOutlookEntry = z.infer<typeof storageOutlookEntry>;

/** GET /api/v1/projects/:project/storage-forecast: the instances that will fill first. */
export const storageOutlook = z.object({
  project: z.string(),
  /** Instances with at least one reading. */
  sampled: z.number().int().nonnegative(),
  used_gb: z.number().nonnegative(),
  total_gb: z.number().nonnegative(),
  /** Soonest full first, then the fullest; at most 10. */
  fills_first: z.array(storageOutlookEntry),
  sample_minutes: z.number().int().positive(),
});
export type StorageOutlook = z.infer<typeof storageOutlook>;
