/** What the console's event stream carries (GET /api/v1/projects/:project/events): the console contract's events. */
import type { InstanceEvent, JobEvent } from '@gaussdb-console/api-client';

export type { InstanceEvent, JobEvent };

export type StreamEvent = { type: 'job'; data: JobEvent } | { type: 'instance'; data: InstanceEvent };

export interface NumberedEvent {
  seq: number;
  event: StreamEvent;
}
