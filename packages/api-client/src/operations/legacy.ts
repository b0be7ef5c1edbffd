import { z } from 'zod';
import { defineOperation } from './define';
import { withCode } from '../schema/error-codes';
import {
  backupWindow,
  caseInsensitiveEnum,
  instanceName,
  keepDays,
  limitParam,
  offsetParam,
  password,
  pathId,
  port,
  SPECIAL_CHARS,
  typeError,
} from '../schema/rules';
import {
  availabilityZoneList,
  checkAvailabilityZones,
  checkVolumeSize,
  DEFAULT_DISTRIBUTED_SHARDS,
  instanceFields as f,
  listInstancesQueryShape,
} from '../schema/rules-instances';
import { createdInstanceSchema, instanceSchema } from '../schema/instance-schemas';
import { int, jobAccepted, list, obj, opt, str } from '../schema/tolerant';

/**
 * 5.1 Historical (v3) instance APIs. They stay in the contract because the service still answers them;
 * the console uses the v3.1 calls (4.4.x). Decisions: LEG-1..LEG-8 in docs/api-decisions.md.
 */

/** 5.1.1 deploys only these two forms (no `combined`, L9489). */
export const LEGACY_HA_MODES = ['enterprise', 'centralization_standard'] as const;

type Ctx = z.core.$RefinementCtx;
/** A cross-field failure; `dbsCode` travels on the issue when it differs from the field's own code. */
const fail = (ctx: Ctx, path: PropertyKey[], message: string, dbsCode: string) =>
  ctx.addIssue({ code: 'custom', path, message, params: { dbsCode } });

const objectOf = <T extends z.core.$ZodLooseShape>(label: string, shape: T, code: string) =>
  withCode(z.strictObject(shape, { error: typeError(`${label}: required, an object`) }), code);

/** True for a `POST /v3/{project_id}/instances` body that is a legacy create, not a 4.7.8 restore (`restore_point`). */
export function isLegacyCreateBody(body: unknown): boolean {
  return !(
    typeof body === 'object' &&
    body !== null &&
    (body as Record<string, unknown>).restore_point !== undefined
  );
}

/** 5.1.1 body (table 5-2, L9458-9507): v3.1's create without solution/time zone/etc., plus shard and CN counts. */
export const createInstanceV3Body = z
  .strictObject(
    {
      name: instanceName(),
      datastore: objectOf(
        'datastore',
        { type: f.datastoreType(), version: f.datastoreVersion().optional() },
        'DBS.280237',
      ),
      ha: objectOf(
        'ha',
        {
          mode: caseInsensitiveEnum(LEGACY_HA_MODES, 'ha.mode', 'DBS.280402'),
          consistency: f.consistency(),
          replication_mode: f.replicationMode(),
        },
        'DBS.280402',
      ),
      configuration_id: f.configurationId().optional(),
      port: port().optional(),
      // Its own special-character set (L9465, D.18, LEG-2).
      password: password({ specials: SPECIAL_CHARS.legacyCreate, code: 'DBS.200052' }),
      backup_strategy: objectOf(
        'backup_strategy',
        { start_time: backupWindow(), keep_days: keepDays(0).optional() },
        'DBS.280216',
      ).optional(),
      flavor_ref: f.flavorRef(),
      // No volume.type enum in 5.1.1: the v3.1 rule (ULTRAHIGH only, D.22) applies (LEG-4).
      volume: objectOf('volume', { type: f.volumeType(), size: f.volumeSize() }, 'DBS.280325'),
      region: f.region(),
      availability_zone: availabilityZoneList(),
      vpc_id: f.vpcId(),
      subnet_id: f.subnetId(),
      // Required here, optional in v3.1 (L9475).
      security_group_id: f.securityGroupId(),
      charge_info: objectOf('charge_info', { charge_mode: f.chargeMode() }, 'DBS.280365').optional(),
      sharding_num: f.shardingNum().optional(),
      coordinator_num: f.coordinatorNum().optional(),
    },
    { error: typeError('request body: must be a JSON object') },
  )
  .superRefine((b, ctx) => {
    const centralized = b.ha.mode === 'centralization_standard';

    // Shards and CNs are for distributed instances only (L9477-9478, LEG-3).
    if (centralized) {
      if (b.sharding_num !== undefined)
        fail(
          ctx,
          ['sharding_num'],
          'sharding_num: only for distributed instances (ha.mode enterprise)',
          'DBS.280601',
        );
      if (b.coordinator_num !== undefined)
        fail(
          ctx,
          ['coordinator_num'],
          'coordinator_num: only for distributed instances (ha.mode enterprise)',
          'DBS.280600',
        );
    }
    const shards = centralized ? 1 : (b.sharding_num ?? DEFAULT_DISTRIBUTED_SHARDS);
    if (!centralized && b.coordinator_num !== undefined && b.coordinator_num > 2 * shards) {
      fail(
        ctx,
        ['coordinator_num'],
        `coordinator_num: must be at most twice the number of shards (${2 * shards} for ${shards} shards)`,
        'DBS.280600',
      );
    }

    // Disk per shard (L9503, D.19).
    const sizeFailure = checkVolumeSize(b.volume.size, shards);
    if (sizeFailure) fail(ctx, ['volume', 'size'], sizeFailure.message, sizeFailure.code);

    // Three identical AZs or three different ones (L9472).
    const azFailure = checkAvailabilityZones(b.availability_zone, undefined);
    if (azFailure) fail(ctx, ['availability_zone'], azFailure.message, azFailure.code);
  });

/**
 * 5.1.2 takes the 4.4.4 filters (L9616-9625): the same rules and codes. `tags` and `charge_mode` are
 * undeclared in both tables but shown in the example / taken by the public API (D.11, LEG-6).
 */
export const listInstancesV3Query = z.strictObject({
  ...(Object.fromEntries(Object.entries(listInstancesQueryShape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof listInstancesQueryShape]: z.ZodOptional<(typeof listInstancesQueryShape)[K]>;
  }),
  offset: offsetParam().optional(),
  limit: limitParam(100).optional(),
});

export const legacyOperations = {
  createInstanceV3: defineOperation({
    id: 'createInstanceV3',
    section: '5.1.1',
    title: 'Create an instance (historical v3)',
    titleZh: '创建数据库实例',
    area: 'legacy',
    method: 'POST',
    path: '/v3/{project_id}/instances',
    body: createInstanceV3Body,
    response: obj({
      instance: opt(createdInstanceSchema),
      job_id: opt(str()),
      order_id: opt(str()),
    }),
    successStatus: 202,
    job: { names: ['CreateGaussDBV5Instance'] },
    // Same method and path as 4.7.8 restore-to-new-instance: a body without `restore_point` is a create (D.8).
    matchesBody: isLegacyCreateBody,
    sharesRouteWith: '4.7.8',
    defaultErrorCode: 'DBS.200001',
  }),

  listInstancesV3: defineOperation({
    id: 'listInstancesV3',
    section: '5.1.2',
    title: 'List instances (historical v3)',
    titleZh: '查询数据库实例列表',
    area: 'legacy',
    method: 'GET',
    path: '/v3/{project_id}/instances',
    query: listInstancesV3Query,
    // The same items as 4.4.4, with `datastore` holding only type and version.
    response: obj({
      instances: list(instanceSchema),
      total_count: opt(int()),
    }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'instances', totalKey: 'total_count', maxLimit: 100 },
  }),

  resizeFlavorV3: defineOperation({
    id: 'resizeFlavorV3',
    section: '5.1.3',
    title: 'Resize the flavor (historical v3)',
    titleZh: '规格变更',
    area: 'legacy',
    method: 'PUT',
    // Singular `/instance/`: format and example agree, and the public API spells it so (D.2, LEG-7).
    path: '/v3/{project_id}/instance/{instance_id}/flavor',
    pathParams: z.strictObject({ instance_id: pathId('instance_id') }),
    body: z.strictObject(
      { flavor_ref: f.flavorRef() },
      { error: typeError('request body: must be a JSON object { flavor_ref }') },
    ),
    response: jobAccepted(),
    successStatus: 202,
    job: { names: ['ResizeGaussDBV5Flavor'] },
    defaultErrorCode: 'DBS.200001',
  }),
} as const;
