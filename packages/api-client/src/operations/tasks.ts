import { z } from 'zod';
import { defineOperation } from './define';
import { withCode } from '../schema/error-codes';
import { limitParam, offsetParam, pathId } from '../schema/rules';
import { int, list, obj, opt, str } from '../schema/tolerant';

/** Job / task states (4.12.1 L8968, 4.12.2 L9052). */
export const JOB_STATUSES = ['Running', 'Completed', 'Failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const isJobStatus = (s: unknown): s is JobStatus => (JOB_STATUSES as readonly unknown[]).includes(s);

/** The ten task names the reference documents (4.12.2 L9053; catalog B.3). Other operations' names are extensions. */
export const TASK_NAMES = [
  'CreateGaussDBV5Instance',
  'BackupSnapshotGaussDBV5Instance',
  'CloneGaussDBV5NewInstance',
  'RestoreGaussDBV5Instance',
  'RestoreGaussDBV5InstanceToExistedInst',
  'DeleteGaussDBV5Instance',
  'EnlargeGaussDBV5Volume',
  'ResizeGaussDBV5Flavor',
  'GaussDBV5ExpandClusterCN',
  'GaussDBV5ExpandClusterDN',
] as const;
export type TaskName = (typeof TASK_NAMES)[number];

const jobSchema = obj({
  id: str(),
  name: str(),
  /** One of JOB_STATUSES; kept a string so a new state never breaks a page. */
  status: str(),
  created: opt(str()),
  ended: opt(str()),
  /** "60%" while Running, "" otherwise. */
  progress: opt(str()),
  /** The 4.12.2 spelling, tolerated here too (TASK-2). */
  process: opt(str()),
  instance: opt(
    obj({
      id: opt(str()),
      name: opt(str()),
    }),
  ),
  fail_reason: opt(str()),
});
export type Job = z.output<typeof jobSchema>;

const taskItemSchema = obj({
  instance_info: opt(
    obj({
      instance_id: opt(str()),
      instance_name: opt(str()),
      /** Lower case in this list (`creating`, `deleted`), unlike the instance list. */
      instance_status: opt(str()),
    }),
  ),
  job_id: str(),
  name: str(),
  status: str(),
  /** Progress: `process` in the table and example, `progress` on the wire (D.14, TASK-2). */
  process: opt(str()),
  progress: opt(str()),
  fail_reason: opt(str()),
  /** Sent by the service though absent from the table (PUBLIC_API_NOTES). */
  created_at: opt(str()),
  ended_at: opt(str()),
});
export type TaskItem = z.output<typeof taskItemSchema>;

/** A job's or task's progress whichever spelling the service used; `undefined` when there is none. */
export function progressOf(t: { progress?: string | null; process?: string | null }): string | undefined {
  const p = t.progress ?? t.process;
  return p === null || p === undefined || p === '' ? undefined : p;
}

const TIME_RULE =
  'an ISO-8601 date-time such as 2024-05-01T08:00:00Z or 2024-05-01T08:00:00+0800, or epoch milliseconds';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses a task-list time filter to epoch ms; NaN when it is not one (TASK-4). */
export function taskTimeMs(v: string): number {
  if (/^\d{1,13}$/.test(v)) return Number(v);
  if (!ISO_TIME.test(v)) return Number.NaN;
  return Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

const taskTime = (label: string) =>
  withCode(
    z.string({ message: `${label}: must be ${TIME_RULE}` }).refine((v) => Number.isFinite(taskTimeMs(v)), {
      message: `${label}: must be ${TIME_RULE}`,
    }),
    'DBS.200001',
  );

/** Task-name filter: a documented name or an extension name of the same shape (TASK-3). */
const taskNameFilter = () =>
  withCode(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,127}$/, {
      message: `name: must be a task name such as ${TASK_NAMES.slice(0, 3).join(', ')} (letters, digits and "_")`,
    }),
    'DBS.200001',
  );

const listTasksQuery = z
  .strictObject({
    status: withCode(
      z.enum(JOB_STATUSES, { message: `status: must be one of ${JOB_STATUSES.join(', ')}` }),
      'DBS.200001',
    ).optional(),
    name: taskNameFilter().optional(),
    start_time: taskTime('start_time').optional(),
    end_time: taskTime('end_time').optional(),
    offset: offsetParam().optional(),
    limit: limitParam(100).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.start_time === undefined || q.end_time === undefined) return;
    const start = taskTimeMs(q.start_time);
    const end = taskTimeMs(q.end_time);
    if (Number.isFinite(start) && Number.isFinite(end) && end < start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end_time'],
        message: 'end_time: must not be earlier than start_time',
      });
    }
  });

export const taskOperations = {
  getJob: defineOperation({
    id: 'getJob',
    section: '4.12.1',
    title: 'Get a job',
    titleZh: '获取任务信息',
    area: 'tasks',
    method: 'GET',
    path: '/v3/{project_id}/jobs',
    query: z.strictObject({
      id: withCode(
        z
          .string({ message: 'id: required, the job id' })
          .trim()
          .min(1, { message: 'id: required, the job id' })
          .max(128, { message: 'id: at most 128 characters' }),
        'DBS.200001',
      ),
    }),
    response: obj({
      job: jobSchema,
    }),
    successStatus: 200,
  }),

  listTasks: defineOperation({
    id: 'listTasks',
    section: '4.12.2',
    title: 'List tasks',
    titleZh: '查询任务列表',
    area: 'tasks',
    method: 'GET',
    path: '/v3/{project_id}/tasks',
    query: listTasksQuery,
    response: obj({
      tasks: list(taskItemSchema),
      total_count: opt(int()),
    }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'tasks', totalKey: 'total_count', maxLimit: 100 },
  }),

  deleteJob: defineOperation({
    id: 'deleteJob',
    section: '4.12.3',
    title: 'Delete a job record',
    titleZh: '删除任务记录',
    area: 'tasks',
    method: 'DELETE',
    path: '/v3/{project_id}/jobs/{job_id}',
    pathParams: z.strictObject({ job_id: pathId('job_id') }),
    // No body on success; tolerate `{}` or an empty body.
    response: opt(obj({})),
    successStatus: 200,
    idempotent: true,
    destructive: true,
  }),
} as const;
