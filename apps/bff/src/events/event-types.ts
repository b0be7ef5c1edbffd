/** What the console's event stream carries (GET /api/v1/projects/:project/events). */
export interface JobEvent {
  id: string;
  name: string;
  status: string;
  /** 0–100 while Running. */
  progress?: number;
  instance?: { id?: string; name?: string };
  fail_reason?: string | null;
  created?: string | null;
  ended?: string | null;
}

export interface InstanceEvent {
  id: string;
  name?: string;
  status: string;
  previous?: string;
}

export type StreamEvent =
  | { type: 'job'; data: JobEvent }
  | { type: 'instance'; data: InstanceEvent };

export interface NumberedEvent {
  seq: number;
  event: StreamEvent;
}
