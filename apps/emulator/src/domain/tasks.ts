import { isoSeconds, DAY } from '../clock/clock';
import { ApiError, errors } from '../http/errors';
import { registerHandler } from '../http/handlers';
import { jobProgress, jobsCollection, type JobDoc } from '../jobs/job-model';
import type { EmulatorRuntime } from '../runtime';
import type { Filter } from '../store/collection';
import { paging, requireProject } from './context';
import { instances } from './instance-state';
import { lowerStatus } from './instance-views';

/** 4.12.1 `job`: `progress` "45%" while running, "" once ended. */
export function jobView(rt: EmulatorRuntime, job: JobDoc) {
  return {
    id: job.id,
    name: job.name,
    status: job.status,
    created: isoSeconds(job.created_at),
    ended: job.ended_at === null ? '' : isoSeconds(job.ended_at),
    progress: job.status === 'Running' ? `${jobProgress(job, rt.clock.now())}%` : '',
    instance: { id: job.instance_id, name: job.instance_name },
    fail_reason: job.fail_reason,
  };
}

/** 4.12.2 task row: `process` (sic) instead of `progress`, null once ended; plus created_at/ended_at. */
export function taskView(rt: EmulatorRuntime, job: JobDoc) {
  const inst = instances(rt).get(job.project_id, job.instance_id);
  return {
    instance_info: {
      instance_id: job.instance_id,
      instance_name: inst?.name ?? job.instance_name,
      instance_status: lowerStatus(inst?.status),
    },
    job_id: job.id,
    name: job.name,
    status: job.status,
    process: job.status === 'Running' ? `${jobProgress(job, rt.clock.now())}%` : null,
    fail_reason: job.fail_reason,
    created_at: isoSeconds(job.created_at),
    ended_at: job.ended_at === null ? null : isoSeconds(job.ended_at),
  };
}

registerHandler('getJob', (ctx) => {
  const project = requireProject(ctx);
  const { id } = ctx.query;
  const job = ctx.rt.jobs.get(project.id, id);
  if (!job) throw errors.jobNotFound(id);
  return { job: jobView(ctx.rt, job) };
});

/** Accepts epoch ms or any date string Date can parse (the reference leaves the format open, D.42). */
function timeParam(v: unknown, field: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const s = String(v);
  const t = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  if (!Number.isFinite(t))
    throw new ApiError(400, 'DBS.200001', `${field}: must be epoch milliseconds or an ISO date-time`, field);
  return t;
}

registerHandler('listTasks', (ctx) => {
  const project = requireProject(ctx);
  const q = ctx.query;
  const { offset, limit } = paging(q, 100);
  // Only the last month of tasks (4.12.2).
  const where: Filter[] = [
    {
      col: 'created_at',
      op: '>=',
      value: Math.max(timeParam(q.start_time, 'start_time') ?? 0, ctx.rt.clock.now() - 30 * DAY),
    },
  ];
  const end = timeParam(q.end_time, 'end_time');
  if (end !== undefined) where.push({ col: 'created_at', op: '<=', value: end });
  if (q.status) where.push({ col: 'status', op: '=', value: q.status });
  if (q.name) where.push({ col: 'name', op: '=', value: q.name });
  const page = ctx.rt.store
    .collection(jobsCollection)
    .find({ projectId: project.id, where, orderBy: [{ col: 'created_at', desc: true }], offset, limit });
  return { tasks: page.items.map((j) => taskView(ctx.rt, j)), total_count: page.total };
});

registerHandler('deleteJob', (ctx) => {
  const project = requireProject(ctx);
  const { job_id } = ctx.path;
  const col = ctx.rt.store.collection(jobsCollection);
  const job = col.get(project.id, job_id);
  if (!job) throw errors.jobNotFound(job_id);
  if (job.status === 'Running')
    throw new ApiError(400, 'DBS.200086', `The job ${job_id} is still running and cannot be deleted.`);
  col.delete(project.id, job_id);
  return undefined;
});
