import { z } from 'zod';
import { instanceSchema } from '../schema/instance-schemas';
import { auditEntry } from './audit';
import { storageOutlookEntry } from './storage';

/** Routes the pages need that no single operation answers, composed by the BFF from several reads. */

/** A task as the dashboard shows it (from 4.12.1's rows). */
export const dashboardTask = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  progress: z.number().nullable(),
  instance: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  created_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  fail_reason: z.string().nullable(),
});
export type DashboardTask = z.infer<typeof dashboardTask>;

/** One quota line of 4.14.1 (`instance`, `vcpus`, `ram`, ...). */
export const dashboardQuota = z.looseObject({
  type: z.string(),
  used: z.number().optional(),
  quota: z.number().optional(),
});

/** GET /api/v1/projects/:project/dashboard. */
export const dashboard = z.object({
  project: z.string(),
  generated_at: z.string(),
  instances: z.object({
    total: z.number().int().nonnegative(),
    by_status: z.record(z.string(), z.number().int().nonnegative()),
    by_mode: z.record(z.string(), z.number().int().nonnegative()),
    /** Instances not ACTIVE, worst first (at most 50): what the wall screen lists. */
    not_active: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
  }),
  /**
   * What the instances hold, summed from their flavors and disks (4.4.4): the API has a quota for the
   * instance count only (4.4.17), so vCPU and memory are shown as use without a limit.
   */
  resources: z.object({
    vcpus: z.number().nonnegative(),
    memory_gb: z.number().nonnegative(),
    storage_gb: z.number().nonnegative(),
  }),
  /** The console's own disk-usage readings (storage forecast): totals and the instances that fill first. */
  storage: z.object({
    sampled: z.number().int().nonnegative(),
    used_gb: z.number().nonnegative(),
    total_gb: z.number().nonnegative(),
    fills_first: z.array(storageOutlookEntry),
  }),
  /** The newest audit entries: for administrators only, null for every other role. */
  recent_audit: z.array(auditEntry).nullable(),
  tasks: z.object({
    running: z.array(dashboardTask),
    running_count: z.number().int().nonnegative(),
    /** Failed tasks created since `failed_since` (24 h before `generated_at`): the task list's filter. */
    failed_last_24h: z.number().int().nonnegative(),
    failed_since: z.string(),
    recent_failures: z.array(dashboardTask),
  }),
  quota: z.array(dashboardQuota),
  /** True when a list was too long to read whole: the counts are then lower bounds. */
  truncated: z.boolean(),
});
export type Dashboard = z.infer<typeof dashboard>;

/** GET /api/v1/projects/:project/tags/:key/:value/instances: every instance carrying the tag. */
export const tagInstances = z.object({
  tag: z.object({ key: z.string(), value: z.string() }),
  instances: z.array(instanceSchema),
  total_count: z.number().int().nonnegative(),
  truncated: z.boolean(),
});
export type TagInstances = z.infer<typeof tagInstances>;
