import { defineCollection } from '../store/collection';

export type JobStatus = 'Running' | 'Completed' | 'Failed';

/** What to run when a job ends: an effect registered by `kind` plus JSON arguments (survives restarts). */
export interface EffectRef {
  kind: string;
  args?: Record<string, unknown>;
}

/** A background job as stored. Times are emulator-clock epoch ms. */
export interface JobDoc {
  id: string;
  project_id: string;
  /** Task name shown by 4.12 (`CreateGaussDBV5Instance`, ...). */
  name: string;
  instance_id: string;
  instance_name: string;
  status: JobStatus;
  created_at: number;
  duration_ms: number;
  /** created_at + duration_ms: when the scheduler finishes it. */
  due_at: number;
  ended_at: number | null;
  fail_reason: string | null;
  /** Set when the job was planned to fail (demo data, fault injection): the reason it will fail with. */
  planned_failure: string | null;
  on_complete: EffectRef | null;
  on_fail: EffectRef | null;
}

export const jobsCollection = defineCollection<JobDoc>({
  name: 'jobs',
  columns: {
    name: { type: 'TEXT', get: (j) => j.name },
    status: { type: 'TEXT', get: (j) => j.status },
    instance_id: { type: 'TEXT', get: (j) => j.instance_id },
    created_at: { type: 'INTEGER', get: (j) => j.created_at },
    // Only running jobs have a due time: the scheduler's query touches nothing else.
    due_at: { type: 'INTEGER', get: (j) => (j.status === 'Running' ? j.due_at : null) },
  },
});

/** `"45%"` while running (never 100% before it ends). */
export function jobProgress(job: JobDoc, now: number): number {
  if (job.status !== 'Running') return 100;
  if (job.duration_ms <= 0) return 99;
  return Math.max(0, Math.min(99, Math.floor(((now - job.created_at) / job.duration_ms) * 100)));
}

/**
 * Realistic durations (emulator time; the clock's speed divides them in real time). Areas may use their own
 * numbers; these are the defaults the instance operations use.
 */
export const JOB_DURATIONS = {
  CreateGaussDBV5Instance: 15 * 60_000,
  CreateGaussDBV5InstanceDistributed: 25 * 60_000,
  DeleteGaussDBV5Instance: 2 * 60_000,
  RestartGaussDBV5Instance: 3 * 60_000,
  ResizeGaussDBV5Flavor: 10 * 60_000,
  EnlargeGaussDBV5Volume: 5 * 60_000,
  GaussDBV5ExpandClusterCN: 20 * 60_000,
  GaussDBV5ExpandClusterDN: 30 * 60_000,
  BackupSnapshotGaussDBV5Instance: 8 * 60_000,
  CloneGaussDBV5NewInstance: 20 * 60_000,
  RestoreGaussDBV5Instance: 20 * 60_000,
  Short: 30_000,
} as const;
