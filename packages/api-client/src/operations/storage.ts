import { z } from 'zod';
import { defineOperation } from './define';
import { storageTypeSchema } from '../schema/instance-schemas';
import { list, obj, str } from '../schema/tolerant';
import { caseInsensitiveEnum, pathId } from '../schema/rules';
import { withCode } from '../schema/error-codes';

export { storageTypeSchema, type StorageType } from '../schema/instance-schemas';

/**
 * `ha_mode` of 4.3.2: the reference lists only `enterprise` (L999); `centralization_standard` is accepted
 * too so that the create form can ask for either deployment (TYPE-11).
 */
export const STORAGE_HA_MODES = ['enterprise', 'centralization_standard'] as const;

/** 4.3: disk usage and disk types. */
export const storageOperations = {
  getVolumeUsage: defineOperation({
    id: 'getVolumeUsage',
    section: '4.3.1',
    title: 'Get instance disk usage',
    titleZh: '查询实例存储空间使用信息',
    area: 'storage',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/volume-usage',
    pathParams: z.strictObject({ instance_id: pathId('instance_id') }),
    // Declared String, GB; the example mixes "15" and "185.0" (TYPE-2).
    response: obj({ used: str(), total: str() }),
    successStatus: 200,
  }),
  listStorageTypes: defineOperation({
    id: 'listStorageTypes',
    section: '4.3.2',
    title: 'List disk types',
    titleZh: '查询数据库磁盘类型',
    area: 'storage',
    method: 'GET',
    path: '/v3/{project_id}/storage-type',
    query: z.strictObject({
      version: withCode(
        z
          .string({ error: 'version: required, an engine version from listDatastoreVersions, e.g. 8.201' })
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
            message: 'version: must be an engine version such as 8.201',
          }),
        'DBS.200041',
      ),
      ha_mode: caseInsensitiveEnum(STORAGE_HA_MODES, 'ha_mode', 'DBS.280402').optional(),
    }),
    response: obj({ storage_type: list(storageTypeSchema) }),
    successStatus: 200,
  }),
} as const;
