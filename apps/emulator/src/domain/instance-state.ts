import { ApiError, errors } from '../http/errors';
import { registerJobEffect } from '../jobs/effects';
import type { EffectRef, JobDoc } from '../jobs/job-model';
import type { EmulatorRuntime } from '../runtime';
import { instancesCollection, type InstanceDoc, type InstanceStatus } from './instance-model';

/**
 * THE instance state machine: which operation may start in which status, the status while its job runs, and
 * the status after it succeeds or fails. Every area that changes an instance goes through
 * `startInstanceAction`, so the guards (catalog B.1 / A.4) live here and nowhere else.
 */
export interface InstanceAction {
  /** Statuses the action may start from. */
  from: readonly InstanceStatus[];
  /** Status while the job runs (null: unchanged). */
  during: InstanceStatus | null;
  /** Status after success (null: the status before the action). */
  after: InstanceStatus | null;
  /** Status after failure (null: the status before the action). */
  afterFail: InstanceStatus | null;
}

const HEALTHY: readonly InstanceStatus[] = ['ACTIVE'];
const SETTLED: readonly InstanceStatus[] = ['ACTIVE', 'FAILED', 'STORAGE FULL', 'UPGRADE TO BE OBSERVED'];

export const INSTANCE_ACTIONS = {
  create: { from: [], during: 'BUILD', after: 'ACTIVE', afterFail: 'FAILED' },
  delete: { from: SETTLED, during: null, after: null, afterFail: null },
  rename: { from: SETTLED, during: null, after: null, afterFail: null },
  restart: { from: ['ACTIVE', 'FAILED'], during: 'REBOOTING', after: 'ACTIVE', afterFail: null },
  resizeFlavor: { from: HEALTHY, during: 'MODIFYING', after: 'ACTIVE', afterFail: 'ACTIVE' },
  enlargeVolume: { from: ['ACTIVE', 'STORAGE FULL'], during: 'MODIFYING', after: 'ACTIVE', afterFail: null },
  expandCluster: { from: HEALTHY, during: 'EXPANDING', after: 'ACTIVE', afterFail: 'ACTIVE' },
  switchover: { from: HEALTHY, during: 'SWITCHOVER', after: 'ACTIVE', afterFail: 'ACTIVE' },
  switchReplica: { from: HEALTHY, during: 'MODIFYING', after: 'ACTIVE', afterFail: 'ACTIVE' },
  upgrade: { from: HEALTHY, during: 'UPGRADING', after: 'ACTIVE', afterFail: 'ACTIVE' },
  upgradeGrey: { from: HEALTHY, during: 'UPGRADING', after: 'UPGRADE TO BE OBSERVED', afterFail: 'ACTIVE' },
  upgradeCommit: {
    from: ['UPGRADE TO BE OBSERVED'],
    during: 'UPGRADING',
    after: 'ACTIVE',
    afterFail: 'UPGRADE TO BE OBSERVED',
  },
  upgradeRollback: {
    from: ['UPGRADE TO BE OBSERVED'],
    during: 'UPGRADING',
    after: 'ACTIVE',
    afterFail: 'UPGRADE TO BE OBSERVED',
  },
  backup: { from: HEALTHY, during: 'BACKING UP', after: 'ACTIVE', afterFail: 'ACTIVE' },
  restore: { from: HEALTHY, during: 'RESTORING', after: 'ACTIVE', afterFail: 'ACTIVE' },
  startNodes: { from: ['ACTIVE', 'FAILED'], during: null, after: null, afterFail: null },
  stopNodes: { from: ['ACTIVE', 'FAILED'], during: null, after: null, afterFail: null },
  configure: { from: HEALTHY, during: 'MODIFYING', after: 'ACTIVE', afterFail: 'ACTIVE' },
  publicIp: { from: SETTLED, during: null, after: null, afterFail: null },
  tenant: { from: HEALTHY, during: null, after: null, afterFail: null },
} as const satisfies Record<string, InstanceAction>;

export type InstanceActionName = keyof typeof INSTANCE_ACTIONS;

/** Statuses that mean "another operation is running". */
export const BUSY_STATUSES: readonly InstanceStatus[] = [
  'BUILD',
  'MODIFYING',
  'EXPANDING',
  'REBOOTING',
  'UPGRADING',
  'RESTORING',
  'SWITCHOVER',
  'MIGRATING',
  'BACKING UP',
];

/** Throws the reference's error when `action` may not start on `inst` now. */
export function assertActionAllowed(inst: InstanceDoc, action: InstanceActionName): void {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', `The DB instance is frozen; ${action} is not allowed.`);
  if (inst.pending) throw errors.busy(inst.status, action);
  const spec: InstanceAction = INSTANCE_ACTIONS[action];
  if (spec.from.includes(inst.status)) return;
  if (inst.status === 'STORAGE FULL') {
    throw new ApiError(
      409,
      'DBS.200316',
      `The DB instance status is STORAGE FULL; ${action} is not possible.`,
    );
  }
  if (BUSY_STATUSES.includes(inst.status)) throw errors.busy(inst.status, action);
  throw errors.notAllowedInStatus(inst.status, action);
}

export function instances(rt: EmulatorRuntime) {
  return rt.store.collection(instancesCollection);
}

/** The instance or a 404 DBS.200002. */
export function getInstanceOr404(rt: EmulatorRuntime, projectId: string, id: string): InstanceDoc {
  const inst = instances(rt).get(projectId, id);
  if (!inst) throw errors.instanceNotFound(id);
  return inst;
}

export interface ActionJob {
  /** Task name shown by 4.12. */
  jobName: string;
  durationMs: number;
  /** Area effect to run after the generic status change on success (e.g. apply the new flavor). */
  onComplete?: EffectRef;
  onFail?: EffectRef;
  failWith?: string;
}

/**
 * Checks the guard, moves the instance to the action's `during` status, marks it busy and starts the job that
 * ends the action. Call inside the request's transaction. Returns the job (its id is the response's job_id).
 */
export function startInstanceAction(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  action: InstanceActionName,
  job: ActionJob,
): JobDoc {
  assertActionAllowed(inst, action);
  const created = rt.jobs.createJob({
    projectId: inst.project_id,
    name: job.jobName,
    instanceId: inst.id,
    instanceName: inst.name,
    durationMs: job.durationMs,
    onComplete: {
      kind: 'instance.action.completed',
      args: { action, previous: inst.status, then: job.onComplete ?? null },
    },
    onFail: {
      kind: 'instance.action.failed',
      args: { action, previous: inst.status, then: job.onFail ?? null },
    },
    failWith: job.failWith,
  });
  const spec: InstanceAction = INSTANCE_ACTIONS[action];
  instances(rt).put({ ...inst, status: spec.during ?? inst.status, pending: { action, job_id: created.id } });
  return created;
}

function runChained(rt: EmulatorRuntime, ref: unknown, job: JobDoc, effects: Map<string, ChainedEffect>) {
  if (!ref || typeof ref !== 'object') return;
  const r = ref as EffectRef;
  const fn = effects.get(r.kind);
  if (!fn) throw new Error(`no instance effect ${r.kind}`);
  fn(rt, r.args ?? {}, job);
}

/** An area's follow-up when an instance action's job ends (runs after the generic status change). */
export type ChainedEffect = (rt: EmulatorRuntime, args: Record<string, unknown>, job: JobDoc) => void;
const chained = new Map<string, ChainedEffect>();

/** Registers a follow-up effect by kind; pass `{ kind, args }` as `onComplete`/`onFail` of `startInstanceAction`. */
export function registerInstanceEffect(kind: string, fn: ChainedEffect): void {
  chained.set(kind, fn);
}

registerJobEffect('instance.action.completed', (rt, args, job) => {
  const action = args.action as InstanceActionName;
  const spec: InstanceAction = INSTANCE_ACTIONS[action];
  const col = instances(rt);
  const inst = col.get(job.project_id, job.instance_id);
  if (inst) {
    col.put({
      ...inst,
      status: spec.after ?? (args.previous as InstanceStatus),
      pending: null,
      updated_at: rt.clock.now(),
    });
  }
  runChained(rt, args.then, job, chained);
});

registerJobEffect('instance.action.failed', (rt, args, job) => {
  const action = args.action as InstanceActionName;
  const spec: InstanceAction = INSTANCE_ACTIONS[action];
  const col = instances(rt);
  const inst = col.get(job.project_id, job.instance_id);
  if (inst) {
    col.put({
      ...inst,
      status: spec.afterFail ?? (args.previous as InstanceStatus),
      pending: null,
      updated_at: rt.clock.now(),
    });
  }
  runChained(rt, args.then, job, chained);
});

/** Hooks other areas register to clean up their own documents when an instance is removed for good. */
type RemovalHook = (rt: EmulatorRuntime, inst: InstanceDoc) => void;
const removalHooks: RemovalHook[] = [];
export function onInstanceRemoved(hook: RemovalHook): void {
  removalHooks.push(hook);
}
export function runRemovalHooks(rt: EmulatorRuntime, inst: InstanceDoc): void {
  for (const h of removalHooks) h(rt, inst);
}
