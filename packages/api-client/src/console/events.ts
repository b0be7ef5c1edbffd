import { z } from 'zod';

/** GET /api/v1/projects/:project/events (Server-Sent Events): what each event's `data` holds. */


/** `event: job`: a job started, moved, or ended. */
export const jobEvent = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  /** 0–100 while Running. */
  progress: z.number().optional(),
  instance: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  fail_reason: z.string().nullish(),
  created: z.string().nullish(),
  ended: z.string().nullish(),
});
export type JobEvent = z.infer<typeof jobEvent>;

/** `event: instance`: an instance changed status. */
export const instanceEvent = z.object({
  id: z.string(),
  name: z.string().optional(),
  status: z.string(),
  previous: z.string().optional(),
});
export type InstanceEvent = z.infer<typeof instanceEvent>;

/** `event: snapshot`: the running jobs, sent first to a new listener that has nothing to replay. */
export const snapshotEvent = z.object({ jobs: z.array(jobEvent) });
export type SnapshotEvent = z.infer<typeof snapshotEvent>;

export const streamEvents = { job: jobEvent, instance: instanceEvent, snapshot: snapshotEvent } as const;
export type StreamEventName = keyof typeof streamEvents;
