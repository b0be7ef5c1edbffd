import { getOperation, type OperationDescriptor } from '@gaussdb-console/api-client';
import type { Upstream } from './upstream';

/**
 * After a job-starting call's answer was lost, look for the job it may have started (issue #14, item 3).
 * The reference has no idempotency key, so the job is found by what identifies it: its task name (from the
 * descriptor), its instance (id, or name for a create) and its start no earlier than our attempt. Found,
 * the user is sent to it instead of being left to guess whether to try again.
 */

export interface JobLookupOptions {
  /** Looks this many times (the upstream may record the job a moment after the call timed out). */
  attempts?: number;
  intervalMs?: number;
  /** Tolerated difference between our clock and the upstream's. */
  clockSkewMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface FoundJob {
  id: string;
  name: string;
}

interface TaskRow {
  job_id?: string;
  name?: string;
  created_at?: string | null;
  instance_info?: { instance_id?: string | null; instance_name?: string | null } | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Which instance the call acted on: by id where the call names one, by name for a create. */
export function jobTargetOf(
  op: OperationDescriptor,
  input: { path?: Record<string, unknown>; body?: unknown },
): { id?: string; name?: string } | undefined {
  const body = (input.body && typeof input.body === 'object' ? input.body : {}) as Record<string, unknown>;
  const target = (body.target && typeof body.target === 'object' ? body.target : {}) as Record<
    string,
    unknown
  >;
  const id = str(input.path?.instance_id) ?? str(body.instance_id) ?? str(target.instance_id);
  if (id) return { id };
  const creates = op.job?.names.some((n) => n.startsWith('Create') || n.startsWith('Clone')) ?? false;
  const name = creates ? str(body.name) : undefined;
  return name ? { name } : undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function findStartedJob(
  upstream: Upstream,
  project: string,
  op: OperationDescriptor,
  input: { path?: Record<string, unknown>; body?: unknown },
  since: number,
  options: JobLookupOptions = {},
): Promise<FoundJob | undefined> {
  const listTasks = getOperation('listTasks');
  const names = op.job?.names ?? [];
  const target = jobTargetOf(op, input);
  if (!listTasks || names.length === 0 || !target) return undefined;
  const attempts = options.attempts ?? 3;
  const intervalMs = options.intervalMs ?? 2_000;
  const earliest = since - (options.clockSkewMs ?? 2 * 60_000);
  const sleep = options.sleep ?? defaultSleep;
  const query = {
    start_time: String(Math.max(0, earliest)),
    limit: 100,
    ...(names.length === 1 ? { name: names[0] } : {}),
  };
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(intervalMs);
    let rows: TaskRow[];
    try {
      const res = (await upstream.call(project, listTasks, { query })) as { tasks?: TaskRow[] };
      rows = Array.isArray(res.tasks) ? res.tasks : [];
    } catch {
      return undefined; // The lookup is a courtesy: if the upstream cannot say, the user checks the task center.
    }
    const matches = rows.filter((t) => {
      if (!t.job_id || !t.name || !names.includes(t.name)) return false;
      const created = t.created_at ? Date.parse(t.created_at) : Number.NaN;
      if (Number.isFinite(created) && created < earliest) return false;
      return target.id
        ? t.instance_info?.instance_id === target.id
        : t.instance_info?.instance_name === target.name;
    });
    const newest = matches.sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? ''))[0];
    if (newest?.job_id && newest.name) return { id: newest.job_id, name: newest.name };
  }
  return undefined;
}
