import type { CallInput, OperationId, Operations } from '@gaussdb-console/api-client';
import type { Project } from '../auth/projects';
import { HOUR, isoSeconds, MINUTE } from '../clock/clock';
import { compactStamp } from '../domain/backups/model';
import type { InstanceDoc } from '../domain/instance-model';
import { opsCollection } from '../domain/instance-ops/ops-state';
import { defaultPolicy, isGrowing, nextAutoSize, rebaseUsage, usedGb } from '../domain/instance-ops/volume';
import { instances } from '../domain/instance-state';
import { ApiError } from '../http/errors';
import type { BackgroundActor, EmulatorRuntime } from '../runtime';
import { failureReasons } from './failures';
import { invokeOperation } from './invoke';
import { SeededRandom } from './random';

/**
 * The demo's quiet background life (`--activity on`): now and then "another operator" restarts an instance,
 * changes a flavor or takes a manual backup, a data load fills a disk towards STORAGE FULL (and an operator
 * enlarges it), and once in a while a job fails with a reason from the reference's error code table.
 *
 * Every change goes through the code an API call runs: operations through `invokeOperation` (the descriptor's
 * validation, the registered handler, the state machine's guards), failures through the jobs' planned-failure
 * path (as the admin API's `failJob`), data growth through the disk model. Choices come from a seeded random
 * source and the pauses from the clock, so under a manual clock the life is reproducible. Pauses are minutes on
 * the real service, shortened by `--speed` like any simulated work.
 */
export interface ActivityOptions {
  /** Seed of the random choices. Default `gaussdb-demo-4`. */
  seed?: string;
  /** Minutes between two actions on the real service (the clock's speed shortens them). Default 5–15. */
  everyMinutes?: readonly [number, number];
  /** Share of the jobs it starts that are made to fail. Default 0.07 (at --speed 20, about one failure in ten minutes). */
  failureRate?: number;
}

export interface ActivityEvent {
  at: string;
  action: Action;
  instance: string;
  job_id?: string;
  /** The reason its job will fail with, when it was made to fail. */
  fails_with?: string;
}

type Action = 'restart' | 'resize' | 'backup' | 'data-load' | 'enlarge';

const FIRST_ACTION_MS = 2 * MINUTE;
/** At most this many data loads at once: a few disks fill, not the fleet. */
const MAX_LOADS = 2;
const JOB_NAMES: Record<Exclude<Action, 'data-load'>, string> = {
  restart: 'RestartGaussDBV5Instance',
  resize: 'ResizeGaussDBV5Flavor',
  backup: 'BackupSnapshotGaussDBV5Instance',
  enlarge: 'EnlargeGaussDBV5Volume',
};

export class BackgroundActivity implements BackgroundActor {
  private readonly random: SeededRandom;
  private readonly everyMinutes: readonly [number, number];
  private readonly failureRate: number;
  private nextAt: number;
  private performed = 0;
  private readonly recent: ActivityEvent[] = [];

  constructor(
    private readonly rt: EmulatorRuntime,
    options: ActivityOptions = {},
  ) {
    // The default seed's first half hour looks like the long run (at --speed 20: ~15 jobs and one failure in ten
    // minutes, every kind of action), so the first minutes of a demo are typical rather than unlucky.
    this.random = new SeededRandom(options.seed ?? 'gaussdb-demo-4');
    // At --speed 20 an action every 15–45 s: a job is running most of the time, each a few seconds to minutes.
    this.everyMinutes = options.everyMinutes ?? [5, 15];
    this.failureRate = options.failureRate ?? 0.07;
    this.nextAt = rt.clock.now() + rt.clock.work(FIRST_ACTION_MS);
  }

  tick(now: number): void {
    if (now < this.nextAt) return;
    // The next turn is set first: an action that breaks is logged once (by the scheduler), not on every tick.
    const [lo, hi] = this.everyMinutes;
    this.nextAt = now + Math.max(1000, this.rt.clock.work(this.random.between(lo * 60, hi * 60) * 1000));
    this.act(now);
  }

  state() {
    return {
      enabled: true,
      next_at: isoSeconds(this.nextAt),
      performed: this.performed,
      recent: [...this.recent],
    };
  }

  private act(now: number): void {
    const filled = this.filledByLoads(now);
    const action: Action =
      filled.length > 0 && this.random.chance(0.6)
        ? 'enlarge'
        : this.random.weighted<Action>([
            ['restart', 3],
            ['backup', 2],
            ['data-load', 2],
            // Flavors only grow (4.2.4 offers scale-up targets): rarely, or the fleet ends on the largest.
            ['resize', 1],
          ])!;
    const pool = action === 'enlarge' ? filled : this.candidates();
    // A guard may refuse an instance (a user got there first): a few tries, then wait for the next turn.
    for (let tries = 0; tries < 3 && pool.length > 0; tries++) {
      const inst = pool.splice(Math.floor(this.random.next() * pool.length), 1)[0]!;
      try {
        const event = this.perform(action, inst, now);
        if (!event) continue;
        this.performed++;
        this.recent.push(event);
        if (this.recent.length > 50) this.recent.shift();
        this.rt.log.info(
          `activity: ${event.action} ${event.instance}${event.job_id ? ` (job ${event.job_id})` : ''}${event.fails_with ? `, will fail: ${event.fails_with}` : ''}`,
        );
        return;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
  }

  /** Does `action` on `inst`; undefined when it does not apply to it. Refusals are the operations' ApiErrors. */
  private perform(action: Action, inst: InstanceDoc, now: number): ActivityEvent | undefined {
    const project = this.rt.projects.find((p) => p.id === inst.project_id);
    if (!project) return undefined;
    const base = { at: isoSeconds(now), action, instance: inst.name };
    const path = { instance_id: inst.id };
    switch (action) {
      case 'data-load':
        return this.startDataLoad(inst, now) ? base : undefined;
      case 'restart':
        return this.startJob(
          base,
          JOB_NAMES.restart,
          () => this.call(project, 'restartInstance', { path }).job_id,
        );
      case 'resize': {
        const target = this.call(project, 'listAvailableFlavors', { path, query: { limit: 10 } }).flavors?.[0]
          ?.spec_code;
        if (!target) return undefined;
        return this.startJob(
          base,
          JOB_NAMES.resize,
          () => this.call(project, 'resizeFlavor', { path, body: { flavor_ref: target } }).job_id,
        );
      }
      case 'backup':
        return this.startJob(
          base,
          JOB_NAMES.backup,
          () =>
            this.call(project, 'createManualBackup', {
              body: {
                instance_id: inst.id,
                name: `ops-${compactStamp(now).slice(0, 14)}`,
                description: 'Taken by the operations team',
              },
            }).job_id,
        );
      case 'enlarge': {
        const size = nextAutoSize(inst, { ...defaultPolicy(inst), step_percent: 25 });
        if (size === undefined) return undefined;
        return this.startJob(
          base,
          JOB_NAMES.enlarge,
          () => this.call(project, 'expandInstance', { path, body: { enlarge_volume: { size } } }).job_id,
        );
      }
    }
  }

  private call<Id extends OperationId>(project: Project, id: Id, input: CallInput<Operations[Id]>) {
    return invokeOperation(this.rt, project, id, input, `activity-${this.performed + 1}`);
  }

  /** Starts a job through `start`; now and then it is made to fail with a realistic reason. */
  private startJob(
    base: Omit<ActivityEvent, 'job_id'>,
    jobName: string,
    start: () => string | null | undefined,
  ): ActivityEvent {
    const reason = this.random.chance(this.failureRate)
      ? this.random.pick(failureReasons(jobName))
      : undefined;
    const jobId = reason ? this.rt.jobs.withPlannedFailure(jobName, reason, start) : start();
    return { ...base, ...(jobId ? { job_id: jobId } : {}), ...(reason ? { fails_with: reason } : {}) };
  }

  /**
   * A data load: the instance's data grows for 8–24 hours (real service; shortened by the speed: 24–72 minutes at
   * speed 20) towards 90–106 % of its disk, through the disk model. The sweeper then does what it does with any
   * growing disk.
   */
  private startDataLoad(inst: InstanceDoc, now: number): boolean {
    if (this.loadsRunning(now) >= MAX_LOADS || isGrowing(this.rt, inst, now)) return false;
    const used = usedGb(this.rt, inst, now);
    if (used / inst.volume.size > 0.75) return false;
    const target = (this.random.between(90, 106) / 100) * inst.volume.size;
    const lasts = Math.max(1000, this.rt.clock.work(this.random.between(8 * 60, 24 * 60) * MINUTE));
    const gbPerDay = ((target - used) / lasts) * 24 * HOUR;
    this.rt.store.transaction(() => rebaseUsage(this.rt, inst, { gbPerDay, until: now + lasts }));
    return true;
  }

  private loadsRunning(now: number): number {
    return opsCollection(this.rt)
      .all({ where: [{ col: 'growing', op: '=', value: 1 }] })
      .filter((d) => d.usage?.until != null && d.usage.until > now).length;
  }

  /** Disks a data load (not the seed) filled or nearly filled, whose owner has no auto-enlarge policy on. */
  private filledByLoads(now: number): InstanceDoc[] {
    const out: InstanceDoc[] = [];
    for (const d of opsCollection(this.rt).all({ where: [{ col: 'growing', op: '=', value: 1 }] })) {
      if (d.usage?.until == null || d.auto_enlarge?.switch_option) continue;
      const inst = instances(this.rt).get(d.project_id, d.id);
      if (!inst || inst.pending || inst.frozen) continue;
      if (
        inst.status === 'STORAGE FULL' ||
        (inst.status === 'ACTIVE' && usedGb(this.rt, inst, now) / inst.volume.size >= 0.9)
      )
        out.push(inst);
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** A sample of settled instances (ACTIVE, nothing running, not frozen, every node up), in a stable order. */
  private candidates(): InstanceDoc[] {
    const col = instances(this.rt);
    const where = [{ col: 'status', op: '=' as const, value: 'ACTIVE' }];
    const total = col.count({ where });
    const offset = total > 40 ? this.random.between(0, total - 40) : 0;
    return col
      .find({ where, orderBy: [{ col: 'created_at' }], offset, limit: 40 })
      .items.filter((i) => !i.pending && !i.frozen && i.nodes.every((n) => n.status === 'ACTIVE'));
  }
}
