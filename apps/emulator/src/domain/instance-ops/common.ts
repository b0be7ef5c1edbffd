import type { Project } from '../../auth/projects';
import { MINUTE } from '../../clock/clock';
import { ApiError, errors } from '../../http/errors';
import { type HandlerContext } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import { requireProject } from '../context';
import type { InstanceDoc, InstanceStatus, NodeDoc } from '../instance-model';
import { BUSY_STATUSES, getInstanceOr404, instances } from '../instance-state';

/**
 * Helpers every day-2 operation shares: loading the instance of the path, status guards for the synchronous
 * calls (the asynchronous ones go through the core's `startInstanceAction`), and the accepted-job answer.
 */

/** Emulator-time durations of the jobs this area starts (divided by --speed in real time). */
export const OPS_DURATIONS = {
  rename: 30_000,
  restart: 3 * MINUTE,
  switchover: 1 * MINUTE,
  publicIp: 1 * MINUTE,
  startNodes: 3 * MINUTE,
  stopNodes: 2 * MINUTE,
  switchReplica: 15 * MINUTE,
  features: 2 * MINUTE,
  upgradeInplace: 30 * MINUTE,
  upgradeGreyStep: 20 * MINUTE,
  upgradeCommit: 3 * MINUTE,
  upgradeRollback: 10 * MINUTE,
  hotfix: 5 * MINUTE,
  autoEnlarge: 5 * MINUTE,
} as const;

/** The project and the instance of a request whose path names an instance. */
export function instanceOf(ctx: Pick<HandlerContext, 'project' | 'rt'> & { path: { instance_id: string } }): {
  project: Project;
  inst: InstanceDoc;
} {
  const project = requireProject(ctx);
  const { instance_id } = ctx.path;
  return { project, inst: getInstanceOr404(ctx.rt, project.id, instance_id) };
}

/**
 * The guard of a synchronous operation, with the same answers as the core state machine: frozen → DBS.280449,
 * an operation running → 409 DBS.200011, storage full → 409 DBS.200316, any other status → DBS.200086.
 */
export function assertStatus(inst: InstanceDoc, allowed: readonly InstanceStatus[], action: string): void {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', `The DB instance is frozen; ${action} is not allowed.`);
  if (inst.pending) throw errors.busy(inst.status, action);
  if (allowed.includes(inst.status)) return;
  if (inst.status === 'STORAGE FULL')
    throw new ApiError(
      409,
      'DBS.200316',
      `The DB instance status is STORAGE FULL; ${action} is not possible.`,
    );
  if (BUSY_STATUSES.includes(inst.status)) throw errors.busy(inst.status, action);
  throw errors.notAllowedInStatus(inst.status, action);
}

export const isStopped = (n: NodeDoc) => n.status === 'STOPPED';

/** Stopping nodes is exclusive with resizing, backups, password resets, restarts, upgrades (the user manual). */
export function assertNoStoppedNodes(inst: InstanceDoc, action: string): void {
  const stopped = inst.nodes.filter(isStopped);
  if (stopped.length === 0) return;
  throw new ApiError(
    400,
    'DBS.200086',
    `${action} is not allowed while nodes are stopped (${stopped.map((n) => n.name).join(', ')}); start them first (POST …/db-startup).`,
  );
}

/** `{ job_id }`, plus `order_id` for yearly/monthly instances (catalog D.41). */
export function accepted(inst: InstanceDoc, job: JobDoc): { job_id: string; order_id?: string } {
  return inst.charge_mode === 'prePaid' ? { job_id: job.id, order_id: orderId(job) } : { job_id: job.id };
}

export const orderId = (job: JobDoc) => `CS${job.id.replace(/-/g, '').slice(0, 20).toUpperCase()}`;

export const isDistributed = (inst: InstanceDoc) => inst.mode !== 'centralization_standard';

/** Read-modify-write of the instance document (inside the request's or the job's transaction). */
export function updateInstance(
  rt: EmulatorRuntime,
  projectId: string,
  instanceId: string,
  fn: (inst: InstanceDoc) => InstanceDoc,
): InstanceDoc | undefined {
  const col = instances(rt);
  const inst = col.get(projectId, instanceId);
  if (!inst) return undefined;
  return col.put(fn(inst));
}

/** AZ codes the instance's nodes live in, in first-seen order. */
export function instanceAzs(inst: InstanceDoc): string[] {
  return [
    ...new Set(
      inst.availability_zone
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The number in a component id (`dn_6004` → 6004), for ordering. */
export const componentNumber = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? 0);
