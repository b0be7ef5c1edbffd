import { z } from 'zod/mini';

/**
 * GET /api/v1/projects/:project/events (Server-Sent Events): what each event's `data` holds. zod/mini, as
 * the session's schemas: every page of the web listens from its first render.
 */

/** `event: job`: a job started, moved, or ended. */
export const jobEvent = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  /** 0–100 while Running. */
  progress: z.optional(z.number()),
  instance: z.optional(z.object({ id: z.optional(z.string()), name: z.optional(z.string()) })),
  fail_reason: z.nullish(z.string()),
  created: z.nullish(z.string()),
  ended: z.nullish(z.string()),
});
export type JobEvent = z.infer<typeof jobEvent>;

/** `event: instance`: an instance changed status. */
export const instanceEvent = z.object({
  id: z.string(),
  name: z.optional(z.string()),
  status: z.string(),
  previous: z.optional(z.string()),
});
export type InstanceEvent = z.infer<typeof instanceEvent>;

/** `event: snapshot`: the running jobs, sent first to a new listener that has nothing to replay. */
export const snapshotEvent = z.object({ jobs: z.array(jobEvent) });
export type SnapshotEvent = z.infer<typeof snapshotEvent>;

export const streamEvents = { job: jobEvent, instance: instanceEvent, snapshot: snapshotEvent } as const;
export type StreamEventName = keyof typeof streamEvents;
