import { z } from 'zod';
import { instanceSchema } from '../schema/instance-schemas';

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
  }),
  tasks: z.object({
    running: z.array(dashboardTask),
    running_count: z.number().int().nonnegative(),
    failed_last_24h: z.number().int().nonnegative(),
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
