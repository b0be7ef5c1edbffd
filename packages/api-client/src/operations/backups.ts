import { z } from 'zod';
import { defineOperation } from './define';
import { int, jobAccepted, list, obj, opt, str } from '../schema/tolerant';
import { withCode } from '../schema/error-codes';
import {
  SPECIAL_CHARS,
  backupWindow,
  instanceName,
  keepDays,
  limitParam,
  offsetParam,
  password,
  port,
  timeZone,
} from '../schema/rules';
import { templateId } from '../schema/rules-parameters';
import {
  backupDescription,
  backupId,
  backupName,
  backupPeriod,
  backupTypeFilter,
  differentialPeriod,
  epochMillisParam,
  idField,
  intInRange,
  isIncrementalBackupType,
  looseBoolean,
  nonBlank,
  objectError,
  offsetTimeParam,
  parseOffsetTime,
  recoverySource,
  restoreAvailabilityZones,
  restorePoint,
  restoreVolume,
  utcDate,
} from '../schema/rules-backups';
import {
  backupPolicySchema,
  backupSchema,
  backupFileSchema,
  restoreTimeRangeSchema,
  restorableInstanceSchema,
  instanceSnapshotSchema,
  restoredInstanceSchema,
} from '../schema/backup-schemas';
export * from '../schema/backup-schemas';

// Backup & restore (reference 4.7) plus restore to the current/an existing instance, which the reference
// names as tasks but documents no endpoint for (ext.recovery, from the public API; BKP-8).

/** A body-less 200: tolerate an empty body, null, or an object the service may add later. */
const emptyResponse = () =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.union([z.undefined(), obj({})]));

const instancePath = z.strictObject({ instance_id: idField('instance_id') });

// ---- request bodies ----------------------------------------------------------------------------

/** 4.7.1 body: keep_days 1–732 (D.25), a one-hour window (D.27), weekdays, a differential interval. */
export const backupPolicyBody = z.strictObject({
  backup_policy: z.strictObject(
    {
      keep_days: keepDays(1),
      start_time: backupWindow(),
      period: backupPeriod(),
      differential_period: differentialPeriod(),
      rate_limit: intInRange('rate_limit', 0, 1024, 'DBS.200001').optional(),
      prefetch_block: intInRange('prefetch_block', 1, 8192, 'DBS.200001').optional(),
      file_split_size: intInRange('file_split_size', 0, 1024, 'DBS.200001', 4).optional(),
      enable_standby_backup: looseBoolean('enable_standby_backup').optional(),
    },
    objectError('backup_policy: must be an object { keep_days, start_time, period, differential_period, … }'),
  ),
});

/** True for a `POST /v3/{project_id}/instances` body that is a restore (4.7.8), not a legacy create (5.1.1). */
export function isRestoreToNewInstanceBody(body: unknown): boolean {
  return (
    typeof body === 'object' && body !== null && (body as Record<string, unknown>).restore_point !== undefined
  );
}

/** 4.7.8 body (restore_point with the D.36 point-in-time extension). */
export const restoreToNewInstanceBody = z.strictObject({
  name: instanceName(),
  availability_zone: restoreAvailabilityZones(),
  flavor_ref: nonBlank('flavor_ref', 'DBS.280288'),
  volume: restoreVolume(),
  vpc_id: nonBlank('vpc_id', 'DBS.200048'),
  subnet_id: nonBlank('subnet_id', 'DBS.200049'),
  security_group_id: nonBlank('security_group_id', 'DBS.200001').optional(),
  password: password({ specials: SPECIAL_CHARS.restore, code: 'DBS.200052' }),
  charge_info: z
    .strictObject({
      charge_mode: withCode(
        z.literal('postPaid', {
          message: 'charge_info.charge_mode: only "postPaid" (pay-per-use) can be restored to',
        }),
        'DBS.280365',
      ),
    })
    .optional(),
  // No sub-table in the reference and deprecated in the response (L6085): accepted with create's rules.
  backup_strategy: z
    .strictObject({ start_time: backupWindow().optional(), keep_days: keepDays(0).optional() })
    .optional(),
  restore_point: restorePoint(),
  configuration_id: templateId('configuration_id').optional(),
  port: port().optional(),
  time_zone: timeZone().optional(),
});

// ---- operations --------------------------------------------------------------------------------

export const backupOperations = {
  setBackupPolicy: defineOperation({
    id: 'setBackupPolicy',
    section: '4.7.1',
    title: 'Set the automatic backup policy',
    titleZh: '设置自动备份策略',
    area: 'backups',
    method: 'PUT',
    path: '/v3/{project_id}/instances/{instance_id}/backups/policy',
    pathParams: instancePath,
    body: backupPolicyBody,
    response: emptyResponse(),
    successStatus: 200,
    idempotent: true,
    defaultErrorCode: 'DBS.200001',
  }),

  getBackupPolicy: defineOperation({
    id: 'getBackupPolicy',
    section: '4.7.2',
    title: 'Get the automatic backup policy',
    titleZh: '查询自动备份策略',
    area: 'backups',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/backups/policy',
    pathParams: instancePath,
    response: obj({ backup_policy: backupPolicySchema }),
    successStatus: 200,
  }),

  listBackups: defineOperation({
    id: 'listBackups',
    section: '4.7.3',
    title: 'List backups',
    titleZh: '查询备份列表',
    area: 'backups',
    method: 'GET',
    path: '/v3.1/{project_id}/backups',
    query: z
      .strictObject({
        instance_id: idField('instance_id').optional(),
        backup_id: backupId('backup_id').optional(),
        backup_type: backupTypeFilter().optional(),
        offset: offsetParam().optional(),
        limit: limitParam(100).optional(),
        begin_time: offsetTimeParam('begin_time', 'DBS.200001').optional(),
        end_time: offsetTimeParam('end_time', 'DBS.280416').optional(),
      })
      .superRefine((q, ctx) => {
        if ((q.begin_time === undefined) !== (q.end_time === undefined)) {
          const missing = q.begin_time === undefined ? 'begin_time' : 'end_time';
          ctx.addIssue({
            code: 'custom',
            path: [missing],
            message: `${missing}: begin_time and end_time must be given together`,
          });
        } else if (q.begin_time !== undefined && q.end_time !== undefined) {
          const begin = parseOffsetTime(q.begin_time);
          const end = parseOffsetTime(q.end_time);
          if (begin !== undefined && end !== undefined && end <= begin) {
            ctx.addIssue({
              code: 'custom',
              path: ['end_time'],
              message: 'end_time: must be later than begin_time',
            });
          }
        }
        if (
          q.backup_type !== undefined &&
          isIncrementalBackupType(q.backup_type) &&
          q.instance_id === undefined
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['instance_id'],
            message: 'instance_id: required when listing incremental (Log_Xbsa) backups',
          });
        }
      }),
    response: obj({ backups: list(backupSchema), total_count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'backups', totalKey: 'total_count', maxLimit: 100 },
  }),

  createManualBackup: defineOperation({
    id: 'createManualBackup',
    section: '4.7.4',
    title: 'Create a manual backup',
    titleZh: '创建手动备份',
    area: 'backups',
    method: 'POST',
    path: '/v3/{project_id}/backups',
    body: z.strictObject({
      instance_id: idField('instance_id'),
      name: backupName(),
      description: backupDescription().optional(),
    }),
    response: obj({ backup: opt(backupSchema), job_id: opt(str()) }),
    successStatus: 202,
    job: { names: ['BackupSnapshotGaussDBV5Instance'] },
    defaultErrorCode: 'DBS.200001',
  }),

  getBackupDownloadLinks: defineOperation({
    id: 'getBackupDownloadLinks',
    section: '4.7.5',
    title: 'Get download links of a backup',
    titleZh: '获取备份下载链接',
    area: 'backups',
    method: 'GET',
    // The URI format has a /gaussdb prefix, the example an extra path segment; neither exists on the
    // public API (D.3, BKP-3).
    path: '/v3/{project_id}/backup-files',
    aliases: ['/gaussdb/v3/{project_id}/backup-files', '/v3/{project_id}/backup-files/{backup_id}'],
    // Not strict: the alias's path segment is dropped, the query's backup_id is the one that counts (BKP-3).
    pathParams: z.object({}),
    query: z.strictObject({ backup_id: backupId('backup_id') }),
    response: obj({ files: list(backupFileSchema), bucket: opt(str()) }),
    successStatus: 200,
  }),

  deleteManualBackup: defineOperation({
    id: 'deleteManualBackup',
    section: '4.7.6',
    title: 'Delete a manual backup',
    titleZh: '删除手动备份',
    area: 'backups',
    method: 'DELETE',
    path: '/v3/{project_id}/backups/{backup_id}',
    pathParams: z.strictObject({ backup_id: backupId('backup_id') }),
    response: obj({ backup_id: opt(str()), backup_name: opt(str()) }),
    successStatus: 200,
    destructive: true,
  }),

  listRestoreTimes: defineOperation({
    id: 'listRestoreTimes',
    section: '4.7.7',
    title: 'List restorable time ranges of a day',
    titleZh: '查询可恢复时间段',
    area: 'backups',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/restore-time',
    pathParams: instancePath,
    query: z.strictObject({ date: utcDate('date') }),
    response: obj({ restore_time: list(restoreTimeRangeSchema) }),
    successStatus: 200,
  }),

  restoreToNewInstance: defineOperation({
    id: 'restoreToNewInstance',
    section: '4.7.8',
    title: 'Restore a backup or point in time to a new instance',
    titleZh: '恢复到新实例',
    area: 'backups',
    method: 'POST',
    path: '/v3/{project_id}/instances',
    body: restoreToNewInstanceBody,
    response: obj({ instance: opt(restoredInstanceSchema), job_id: opt(str()), order_id: opt(str()) }),
    successStatus: 202,
    job: { names: ['CloneGaussDBV5NewInstance'] },
    // Same method and path as the legacy create (5.1.1): a body with restore_point is a restore (D.8).
    matchesBody: isRestoreToNewInstanceBody,
    sharesRouteWith: '5.1.1',
    defaultErrorCode: 'DBS.200001',
  }),

  listRestorableInstances: defineOperation({
    id: 'listRestorableInstances',
    section: '4.7.9',
    title: 'List instances a backup can be restored to',
    titleZh: '查询可用于备份恢复的实例列表',
    area: 'backups',
    method: 'GET',
    path: '/v3/{project_id}/restorable-instances',
    query: z.strictObject({
      source_instance_id: idField('source_instance_id'),
      backup_id: backupId('backup_id').optional(),
      restore_time: epochMillisParam('restore_time').optional(),
      offset: offsetParam().optional(),
      limit: limitParam(100).optional(),
    }),
    response: obj({ instances: list(restorableInstanceSchema), total_count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'instances', totalKey: 'total_count', maxLimit: 100 },
  }),

  getInstanceSnapshot: defineOperation({
    id: 'getInstanceSnapshot',
    section: '4.7.10',
    title: "Get the source instance's shape at a backup or point in time",
    titleZh: '根据时间点或者备份文件查询原实例信息',
    area: 'backups',
    method: 'GET',
    path: '/v3/{project_id}/instance-snapshot',
    query: z
      .strictObject({
        instance_id: idField('instance_id').optional(),
        backup_id: backupId('backup_id').optional(),
        restore_time: epochMillisParam('restore_time').optional(),
      })
      .superRefine((q, ctx) => {
        if (q.instance_id === undefined && q.backup_id === undefined && q.restore_time === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: 'query: give backup_id, or instance_id with restore_time',
          });
        } else if (q.restore_time !== undefined && q.instance_id === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['instance_id'],
            message: 'instance_id: required with restore_time (point-in-time)',
          });
        }
      }),
    response: instanceSnapshotSchema,
    successStatus: 200,
    defaultErrorCode: 'DBS.200001',
  }),

  restoreToExistingInstance: defineOperation({
    id: 'restoreToExistingInstance',
    section: 'ext.recovery',
    title: 'Restore a backup or point in time over an existing instance (extension)',
    titleZh: '恢复到当前实例或已有实例（扩展）',
    area: 'backups',
    method: 'POST',
    path: '/v3/{project_id}/instances/recovery',
    body: z.strictObject({
      source: recoverySource(),
      target: z.strictObject(
        { instance_id: idField('target.instance_id') },
        objectError('target: must be an object { instance_id }'),
      ),
    }),
    response: jobAccepted(),
    successStatus: 202,
    // Target = source: RestoreGaussDBV5Instance; another instance: …ToExistedInst (B.3 names both).
    job: { names: ['RestoreGaussDBV5Instance', 'RestoreGaussDBV5InstanceToExistedInst'] },
    destructive: true,
    defaultErrorCode: 'DBS.200001',
  }),
} as const;
