import { randomUUID } from 'node:crypto';
import type { EmulatorRuntime } from '../runtime';
import { allSweepers, getJobEffect } from './effects';
import { jobsCollection, type EffectRef, type JobDoc } from './job-model';

/** Meta key of the last emulator time written to the store (a manual clock resumes there on restart). */
export const CLOCK_META_KEY = 'clock_now';
/** Meta key of how far admin advances have put a real clock ahead of the wall clock (kept across restarts). */
export const CLOCK_OFFSET_META_KEY = 'clock_offset_ms';

export interface CreateJobInput {
  projectId: string;
  /** Task name (4.12). */
  name: string;
  instanceId: string;
  instanceName: string;
  /** How long the work takes on the real service (the clock's speed shortens it). */
  durationMs: number;
  onComplete?: EffectRef;
  onFail?: EffectRef;
  /** Make the job fail at its end with this reason (demo data, tests). */
  failWith?: string;
}

/**
 * Creates jobs and finishes them when the emulator clock passes their due time. The scheduler is driven by
 * the clock: a timer in real mode, `clock.advance` in manual mode, and a catch-up before every request.
 */
export class JobService {
  /** Planned failures for the next jobs of a name (fault injection): name → reasons, consumed in order. */
  private readonly plannedFailures = new Map<string, string[]>();

  constructor(private readonly rt: EmulatorRuntime) {}

  private get jobs() {
    return this.rt.store.collection(jobsCollection);
  }

  /**
   * Starts a job now. `durationMs` is how long the work takes on the real service; the job runs it
   * compressed by the clock's speed (`clock.work`), between two real timestamps.
   */
  createJob(input: CreateJobInput): JobDoc {
    const { clock } = this.rt;
    const now = clock.now();
    const duration = clock.work(input.durationMs);
    const planned = input.failWith ?? this.plannedFailures.get(input.name)?.shift() ?? null;
    const job: JobDoc = {
      id: randomUUID(),
      project_id: input.projectId,
      name: input.name,
      instance_id: input.instanceId,
      instance_name: input.instanceName,
      status: 'Running',
      created_at: now,
      duration_ms: duration,
      due_at: now + duration,
      ended_at: null,
      fail_reason: null,
      planned_failure: planned,
      on_complete: input.onComplete ?? null,
      on_fail: input.onFail ?? null,
    };
    // A manual clock remembers how far it got with the job: a restart after kill -9 resumes from here.
    if (clock.mode === 'manual') this.rt.store.setMeta(CLOCK_META_KEY, String(now));
    return this.jobs.put(job);
  }

  /** The next job named `name` will fail with `reason` (admin fault injection). */
  planFailure(name: string, reason: string): void {
    const list = this.plannedFailures.get(name) ?? [];
    list.push(reason);
    this.plannedFailures.set(name, list);
  }

  /**
   * Runs `fn` so that the job named `name` it starts fails with `reason` (the background activity's failures go
   * through the same planned-failure path as the admin API's `failJob`). A plan `fn` did not use is withdrawn, so
   * it never reaches somebody else's job.
   */
  withPlannedFailure<R>(name: string, reason: string, fn: () => R): R {
    const list = this.plannedFailures.get(name) ?? [];
    list.unshift(reason);
    this.plannedFailures.set(name, list);
    try {
      return fn();
    } finally {
      if (list[0] === reason) list.shift();
    }
  }

  get(projectId: string, id: string): JobDoc | undefined {
    return this.jobs.get(projectId, id);
  }

  /** The running job of an instance, if any. */
  runningFor(projectId: string, instanceId: string): JobDoc | undefined {
    return this.jobs.all({
      projectId,
      where: [
        { col: 'instance_id', op: '=', value: instanceId },
        { col: 'status', op: '=', value: 'Running' },
      ],
    })[0];
  }

  /** Finishes every job that is due and runs the sweepers. Safe to call often (indexed, usually a no-op). */
  tick(): void {
    const now = this.rt.clock.now();
    const due = this.jobs.all({
      where: [{ col: 'due_at', op: '<=', value: now }],
      orderBy: [{ col: 'due_at' }],
    });
    for (const job of due) this.finish(job, now);
    for (const [name, sweep] of allSweepers()) {
      try {
        this.rt.store.transaction(() => sweep(this.rt, now));
      } catch (e) {
        this.rt.log.error(`sweeper ${name} failed`, e);
      }
    }
    // The demo's background life, when it is on: after the sweepers, so it sees the world they left.
    try {
      this.rt.activity?.tick(now);
    } catch (e) {
      this.rt.log.error('background activity failed', e);
    }
  }

  private finish(job: JobDoc, now: number): void {
    const ended = job.due_at;
    try {
      this.rt.store.transaction(() => {
        if (job.planned_failure) {
          this.runEffect(job.on_fail, job);
          this.jobs.put({ ...job, status: 'Failed', ended_at: ended, fail_reason: job.planned_failure });
        } else {
          this.runEffect(job.on_complete, job);
          this.jobs.put({ ...job, status: 'Completed', ended_at: ended });
        }
      });
    } catch (e) {
      // A broken effect must not wedge the scheduler: fail the job, keep the world as it was.
      this.rt.log.error(`job ${job.id} (${job.name}) effect failed`, e);
      this.rt.store.transaction(() => {
        this.runEffectSafely(job.on_fail, job);
        this.jobs.put({
          ...job,
          status: 'Failed',
          ended_at: Math.min(ended, now),
          fail_reason: 'Internal error while finishing the task.',
        });
      });
    }
  }

  private runEffect(ref: EffectRef | null, job: JobDoc): void {
    if (!ref) return;
    const effect = getJobEffect(ref.kind);
    if (!effect) throw new Error(`no job effect registered for kind ${ref.kind}`);
    effect(this.rt, ref.args ?? {}, job);
  }

  private runEffectSafely(ref: EffectRef | null, job: JobDoc): void {
    try {
      this.runEffect(ref, job);
    } catch (e) {
      this.rt.log.error(`job ${job.id} fail effect failed too`, e);
    }
  }
}
