import { z } from 'zod';
import { defineOperation } from './define';
import { withCode } from '../schema/error-codes';
import { limitParam, offsetParam } from '../schema/rules';
import { int, list, obj, opt, str } from '../schema/tolerant';

/** 4.13 Recycle bin: deleted instances wait here 1–7 days with a final backup. There is no restore endpoint (D.57). */

export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 7;
/** What GET answers before any PUT: not stated by the reference (RCY-3). */
export const DEFAULT_RETENTION_DAYS = 7;

const RETENTION_RULE = `an integer ${RETENTION_DAYS_MIN}–${RETENTION_DAYS_MAX} (days)`;

const retentionDays = () =>
  withCode(
    z
      .number({ message: `recycle_policy.retention_period_in_days: required, ${RETENTION_RULE}` })
      .int({ message: `recycle_policy.retention_period_in_days: must be ${RETENTION_RULE}` })
      .min(RETENTION_DAYS_MIN, {
        message: `recycle_policy.retention_period_in_days: must be ${RETENTION_RULE}`,
      })
      .max(RETENTION_DAYS_MAX, {
        message: `recycle_policy.retention_period_in_days: must be ${RETENTION_RULE}`,
      }),
    'DBS.200001',
  );

/** 4.13.2 answers flat and as a string (`"5"`); the PUT shape (wrapped) is tolerated too (RCY-2). */
const recyclePolicyResponse = obj({
  retention_period_in_days: opt(int()),
  recycle_policy: opt(obj({ retention_period_in_days: opt(int()) })),
});
export type RecyclePolicy = z.output<typeof recyclePolicyResponse>;

/** The retention in days from a 4.13.2 answer, whichever shape it came in. */
export function retentionDaysOf(p: RecyclePolicy): number {
  return p.retention_period_in_days ?? p.recycle_policy?.retention_period_in_days ?? DEFAULT_RETENTION_DAYS;
}

export const RECYCLE_STATUSES = ['Running', 'Active'] as const;

const recycleInstanceSchema = obj({
  id: str(),
  name: str(),
  /** `Ha` | `Independent`. */
  ha_mode: opt(str()),
  engine_version: opt(str()),
  /** "0" pay-per-use, "1" yearly/monthly; the example sends the number 0 (D.13). */
  pay_model: opt(str()),
  created_at: opt(str()),
  deleted_at: opt(str()),
  /** `high` | `ultrahigh` | `essd`; the example says `localssd` (D.22). */
  volume_type: opt(str()),
  /** Several addresses joined by " / " in the example. */
  data_vip: opt(str()),
  enterprise_project_id: opt(str()),
  recycle_backup_id: opt(str()),
  /** The wire and example spelling (PUBLIC_API_NOTES). */
  recycle_status: opt(str()),
  /** The table's spelling (D.14, RCY-4). */
  recycle_statuses: opt(str()),
  /** `basic` | `standard` | `enterprise`. */
  mode: opt(str()),
});
export type RecycleInstance = z.output<typeof recycleInstanceSchema>;

/** A recycle-bin entry's backup status, whichever spelling the service used. */
export function recycleStatusOf(i: RecycleInstance): string | undefined {
  return i.recycle_status ?? i.recycle_statuses ?? undefined;
}

export const recycleBinOperations = {
  setRecyclePolicy: defineOperation({
    id: 'setRecyclePolicy',
    section: '4.13.1',
    title: 'Set the recycle-bin policy',
    titleZh: '设置回收站策略',
    area: 'recycle-bin',
    method: 'PUT',
    path: '/v3/{project_id}/recycle-policy',
    body: z.strictObject({
      recycle_policy: z.strictObject(
        { retention_period_in_days: retentionDays() },
        { message: 'recycle_policy: required, { retention_period_in_days }' },
      ),
    }),
    // `{}` on success.
    response: opt(obj({})),
    successStatus: 200,
    // Setting the same retention twice leaves the same state.
    idempotent: true,
  }),

  getRecyclePolicy: defineOperation({
    id: 'getRecyclePolicy',
    section: '4.13.2',
    title: 'Get the recycle-bin policy',
    titleZh: '查看回收站策略',
    area: 'recycle-bin',
    method: 'GET',
    path: '/v3/{project_id}/recycle-policy',
    response: recyclePolicyResponse,
    successStatus: 200,
  }),

  listRecycleInstances: defineOperation({
    id: 'listRecycleInstances',
    section: '4.13.3',
    title: 'List instances in the recycle bin',
    titleZh: '查询回收站所有引擎实例列表',
    area: 'recycle-bin',
    method: 'GET',
    path: '/v3/{project_id}/recycle-instances',
    query: z.strictObject({
      instance_name: withCode(
        z
          .string()
          .trim()
          .min(1, { message: 'instance_name: must not be empty' })
          .max(64, { message: 'instance_name: at most 64 characters' }),
        'DBS.200001',
      ).optional(),
      offset: offsetParam().optional(),
      // Default 50, max 50 here, not 100 (D.54).
      limit: limitParam(50).optional(),
    }),
    response: obj({
      instances: list(recycleInstanceSchema),
      total_count: opt(int()),
    }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'instances', totalKey: 'total_count', maxLimit: 50 },
  }),
} as const;
