import { z } from 'zod';
import { defineOperation } from './define';
import { availableFlavorSchema, datastoreSchema, flavorSchema } from '../schema/instance-schemas';
import { int, list, obj, opt, str } from '../schema/tolerant';
import { limitParam, offsetParam, pathId } from '../schema/rules';
import { exactEnum } from '../schema/rules';
import { withCode } from '../schema/error-codes';

export {
  availableFlavorSchema,
  datastoreSchema,
  flavorSchema,
  azStatusMap,
  AZ_STATUSES,
  type AvailableFlavor,
  type Datastore,
  type Flavor,
} from '../schema/instance-schemas';

/** `ha_mode` filter of 4.2.2: centralized or distributed flavors. */
export const FLAVOR_HA_MODES = ['centralization_standard', 'enterprise'] as const;

const versionFilter = () =>
  withCode(
    z
      .string({ error: 'version: must be an engine version such as 8.201' })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
        message: 'version: must be an engine version such as 8.201',
      }),
    'DBS.200041',
  );

/** 4.2: engine versions and flavors. */
export const flavorOperations = {
  listDatastoreVersions: defineOperation({
    id: 'listDatastoreVersions',
    section: '4.2.1',
    title: 'List engine versions',
    titleZh: '查询数据库引擎的版本',
    area: 'flavors',
    method: 'GET',
    // The reference's URI example shows 4.7.2's backup-policy path (L610); it is not an alias (PATH-2).
    path: '/v3/{project_id}/datastore/versions',
    response: obj({ versions: list(str()) }),
    successStatus: 200,
  }),
  listFlavors: defineOperation({
    id: 'listFlavors',
    section: '4.2.2',
    title: 'List flavors',
    titleZh: '查询数据库规格',
    area: 'flavors',
    method: 'GET',
    path: '/v3.1/{project_id}/flavors',
    query: z.strictObject({
      version: versionFilter().optional(),
      spec_code: withCode(
        z
          .string()
          .min(1, { message: 'spec_code: must not be empty' })
          .max(128, { message: 'spec_code: at most 128 characters' }),
        'DBS.280434',
      ).optional(),
      ha_mode: exactEnum(FLAVOR_HA_MODES, 'ha_mode', 'DBS.280402').optional(),
      limit: limitParam(100).optional(),
      offset: offsetParam().optional(),
    }),
    // The total is called `total` here, `total_count` elsewhere (TYPE-9).
    response: obj({ flavors: list(flavorSchema), total: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'flavors', totalKey: 'total', maxLimit: 100 },
  }),
  listDatastores: defineOperation({
    id: 'listDatastores',
    section: '4.2.3',
    title: 'List engines and their versions per deployment mode',
    titleZh: '查询引擎列表',
    area: 'flavors',
    method: 'GET',
    path: '/v3/{project_id}/datastores',
    response: obj({ datastores: list(datastoreSchema) }),
    successStatus: 200,
  }),
  listAvailableFlavors: defineOperation({
    id: 'listAvailableFlavors',
    section: '4.2.4',
    title: 'List flavors an instance can be resized to',
    titleZh: '查询实例可变更规格',
    area: 'flavors',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/available-flavors',
    pathParams: z.strictObject({ instance_id: pathId('instance_id') }),
    // limit/offset are in the parameter table but not in the URI template (L853-854, PATH-3).
    query: z.strictObject({ limit: limitParam(100).optional(), offset: offsetParam().optional() }),
    response: obj({ flavors: list(availableFlavorSchema), total_count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'flavors', totalKey: 'total_count', maxLimit: 100 },
  }),
} as const;
