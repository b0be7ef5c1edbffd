import { z } from 'zod';
import { withCode, withCrossFieldCodes } from './error-codes';
import {
  backupWindow,
  caseInsensitiveEnum,
  exactEnum,
  instanceName,
  keepDays,
  password,
  port,
  requiredText,
  SPECIAL_CHARS,
  tagKey,
  tagValue,
  timeZone,
  typeError,
  wholeNumber,
} from './rules';
import {
  HA_MODES,
  HA_CONSISTENCIES,
  REPLICATION_MODES,
  CONSISTENCY_PROTOCOLS,
  SOLUTIONS,
  SOLUTIONS_BY_MODE,
  OS_TYPES,
  VOLUME_TYPES,
  CHARGE_MODES,
  INSTANCE_TYPES,
  COMPONENT_TYPES,
  MAX_COORDINATORS,
  MAX_SHARDS,
  DEFAULT_DISTRIBUTED_SHARDS,
  VOLUME_GB_PER_SHARD_MIN,
  VOLUME_GB_PER_SHARD_MAX,
  VOLUME_STEP_GB_PER_SHARD,
  MIN_VERSION,
  versionBelow,
  checkVolumeSize,
  splitAzs,
  checkAvailabilityZones,
  availabilityZoneList,
  componentId,
} from './instance-constants';

export * from './instance-constants';

/**
 * Request rules of the instance sections (4.4.x): deployment shapes, availability zones, disk size per
 * shard count, scale-out limits. Decisions are in decisions/10-instances.md (INST-*).
 */
/** Shared field rules of the create body. */
export const instanceFields = {
  haMode: () => caseInsensitiveEnum(HA_MODES, 'ha.mode', 'DBS.280402'),
  consistency: () => caseInsensitiveEnum(HA_CONSISTENCIES, 'ha.consistency', 'DBS.280602'),
  replicationMode: () => caseInsensitiveEnum(REPLICATION_MODES, 'ha.replication_mode', 'DBS.280262'),
  consistencyProtocol: () =>
    caseInsensitiveEnum(CONSISTENCY_PROTOCOLS, 'ha.consistency_protocol', 'DBS.280602'),
  datastoreType: () => caseInsensitiveEnum(['GaussDB'] as const, 'datastore.type', 'DBS.280235'),
  datastoreVersion: () =>
    withCode(
      z
        .string({ error: typeError('datastore.version: must be a version string such as 8.201') })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
          message:
            'datastore.version: must be a version string such as 8.201 (letters, digits, ".", "-", "_")',
        }),
      'DBS.200041',
    ),
  volumeType: () => exactEnum(VOLUME_TYPES, 'volume.type (case-sensitive)', 'DBS.200026'),
  volumeSize: () => wholeNumber('volume.size', 'DBS.200023', { min: 1 }),
  solution: () => exactEnum(SOLUTIONS, 'solution', 'DBS.280635'),
  chargeMode: () => exactEnum(CHARGE_MODES, 'charge_info.charge_mode', 'DBS.280365'),
  flavorRef: () => requiredText('flavor_ref', 'DBS.280288'),
  region: () => requiredText('region', 'DBS.200024', 64),
  vpcId: () => requiredText('vpc_id', 'DBS.200048'),
  subnetId: () => requiredText('subnet_id', 'DBS.200049'),
  securityGroupId: () => requiredText('security_group_id', 'DBS.200001'),
  configurationId: () => requiredText('configuration_id', 'DBS.200057'),
  diskEncryptionId: () => requiredText('disk_encryption_id', 'DBS.200506'),
  enterpriseProjectId: () => requiredText('enterprise_project_id', 'DBS.280433', 64),
  masterAz: () => requiredText('master_az', 'DBS.200025', 64),
  shardingNum: () => wholeNumber('sharding_num', 'DBS.280601', { min: 1, max: MAX_SHARDS }),
  coordinatorNum: () => wholeNumber('coordinator_num', 'DBS.280600', { min: 1, max: MAX_COORDINATORS }),
  replicaNum: () =>
    withCode(
      wholeNumber('replica_num', 'DBS.280628').refine((v) => v === 3, {
        message: 'replica_num: only 3 is supported',
      }),
      'DBS.280628',
    ),
  osType: () => exactEnum(OS_TYPES, 'os_type (case-sensitive)', 'DBS.200001'),
  flag: (label: string, code = 'DBS.200001') =>
    withCode(z.boolean({ error: `${label}: must be true or false` }), code),
};

/**
 * STRICT request schemas of 4.4.1–4.4.13. Each failure names its field and the rule; cross-field rules
 * add `params.dbsCode` when their code differs from the one registered on the field.
 */

type Ctx = z.core.$RefinementCtx;
/** Cross-field rules run once every field is valid on its own (field rules may not abort parsing). */
const crossFieldsOnlyWhenFieldsValid = { when: (p: z.core.ParsePayload) => p.issues.length === 0 };
const fail = (ctx: Ctx, path: PropertyKey[], message: string, dbsCode: string) =>
  ctx.addIssue({ code: 'custom', path, message, params: { dbsCode } });

const objectOf = <T extends z.core.$ZodLooseShape>(label: string, shape: T, code: string) =>
  withCode(z.strictObject(shape, { error: typeError(`${label}: required, an object`) }), code);

// 4.4.1 -------------------------------------------------------------------------------------------

export const createInstanceBody = withCode(
  z
    .strictObject(
      {
        name: instanceName(),
        datastore: objectOf(
          'datastore',
          { type: instanceFields.datastoreType(), version: instanceFields.datastoreVersion().optional() },
          'DBS.280237',
        ),
        ha: objectOf(
          'ha',
          {
            mode: instanceFields.haMode(),
            consistency: instanceFields.consistency(),
            replication_mode: instanceFields.replicationMode(),
            consistency_protocol: instanceFields.consistencyProtocol().optional(),
          },
          'DBS.280402',
        ),
        configuration_id: instanceFields.configurationId().optional(),
        port: port().optional(),
        password: password({ specials: SPECIAL_CHARS.create, code: 'DBS.200052' }),
        backup_strategy: objectOf(
          'backup_strategy',
          { start_time: backupWindow(), keep_days: keepDays(0).optional() },
          'DBS.280216',
        ).optional(),
        disk_encryption_id: instanceFields.diskEncryptionId().optional(),
        flavor_ref: instanceFields.flavorRef(),
        volume: objectOf(
          'volume',
          { type: instanceFields.volumeType(), size: instanceFields.volumeSize() },
          'DBS.280325',
        ),
        region: instanceFields.region(),
        availability_zone: availabilityZoneList(),
        vpc_id: instanceFields.vpcId(),
        subnet_id: instanceFields.subnetId(),
        security_group_id: instanceFields.securityGroupId().optional(),
        charge_info: objectOf(
          'charge_info',
          { charge_mode: instanceFields.chargeMode() },
          'DBS.280365',
        ).optional(),
        time_zone: timeZone().optional(),
        replica_num: instanceFields.replicaNum().optional(),
        enable_force_switch: instanceFields.flag('enable_force_switch', 'DBS.200175').optional(),
        solution: instanceFields.solution().optional(),
        os_type: instanceFields.osType().optional(),
        master_az: instanceFields.masterAz().optional(),
        enable_single_float_ip: instanceFields.flag('enable_single_float_ip').optional(),
        // Extensions (INST-4, INST-15): the v3 create's shard/CN counts and the list's enterprise project.
        sharding_num: instanceFields.shardingNum().optional(),
        coordinator_num: instanceFields.coordinatorNum().optional(),
        enterprise_project_id: instanceFields.enterpriseProjectId().optional(),
      },
      { error: typeError('request body: must be a JSON object') },
    )
    .superRefine((b, ctx) => {
      const mode = b.ha.mode;
      const version = b.datastore.version;
      const centralized = mode === 'centralization_standard';

      // solution per mode (D.21, INST-3): required for centralized and combined, optional (hws) for enterprise.
      const allowed = SOLUTIONS_BY_MODE[mode];
      if (b.solution === undefined) {
        if (mode !== 'enterprise')
          fail(
            ctx,
            ['solution'],
            `solution: required when ha.mode is ${mode}; one of ${allowed.join(', ')}`,
            'DBS.280635',
          );
      } else if (!allowed.includes(b.solution)) {
        fail(
          ctx,
          ['solution'],
          `solution: ${b.solution} is not available for ha.mode ${mode}; use ${allowed.join(' or ')}`,
          'DBS.280635',
        );
      }
      const solution = b.solution ?? (mode === 'enterprise' ? 'hws' : undefined);
      if (solution === 'double' && versionBelow(version, MIN_VERSION.double))
        fail(
          ctx,
          ['solution'],
          `solution: double (1 primary + 1 standby) needs engine version ${MIN_VERSION.double} or later`,
          'DBS.280629',
        );
      if (solution === 'hcs2' && versionBelow(version, MIN_VERSION.hcs2))
        fail(
          ctx,
          ['solution'],
          `solution: hcs2 needs engine version ${MIN_VERSION.hcs2} or later`,
          'DBS.280635',
        );

      // 1 primary + 1 standby replicates with paxos only (L1136, INST-14).
      if (solution === 'double' && b.ha.consistency_protocol === 'quorum')
        fail(
          ctx,
          ['ha', 'consistency_protocol'],
          'ha.consistency_protocol: a double (1 primary + 1 standby) instance supports only paxos',
          'DBS.280602',
        );

      // AZ layout and master AZ (L1103-1108, L1118; INST-7).
      const azFailure = checkAvailabilityZones(b.availability_zone, solution);
      if (azFailure) fail(ctx, ['availability_zone'], azFailure.message, azFailure.code);
      if (b.master_az !== undefined) {
        if (solution !== 'double' && solution !== 'triset')
          fail(
            ctx,
            ['master_az'],
            'master_az: only for solution double (required) or triset (optional)',
            'DBS.200025',
          );
        else if (!splitAzs(b.availability_zone).includes(b.master_az))
          fail(ctx, ['master_az'], 'master_az: must be one of the AZs in availability_zone', 'DBS.200025');
      } else if (solution === 'double') {
        fail(
          ctx,
          ['master_az'],
          'master_az: required when solution is double; one of the AZs in availability_zone',
          'DBS.200025',
        );
      }

      // Shards and CNs: distributed only (D.20, INST-4).
      if (centralized) {
        if (b.sharding_num !== undefined)
          fail(
            ctx,
            ['sharding_num'],
            'sharding_num: only for distributed instances (ha.mode enterprise or combined)',
            'DBS.280601',
          );
        if (b.coordinator_num !== undefined)
          fail(
            ctx,
            ['coordinator_num'],
            'coordinator_num: only for distributed instances (ha.mode enterprise or combined)',
            'DBS.280600',
          );
      }
      const shards = centralized ? 1 : (b.sharding_num ?? DEFAULT_DISTRIBUTED_SHARDS);
      if (!centralized && b.coordinator_num !== undefined && b.coordinator_num > 2 * shards)
        fail(
          ctx,
          ['coordinator_num'],
          `coordinator_num: must be at most twice the number of shards (${2 * shards})`,
          'DBS.280600',
        );

      // Disk per shard count (D.19, INST-5).
      const sizeFailure = checkVolumeSize(b.volume.size, shards);
      if (sizeFailure) fail(ctx, ['volume', 'size'], sizeFailure.message, sizeFailure.code);

      // Version-gated and mode-gated options (INST-13).
      if (b.enable_force_switch === true && versionBelow(version, MIN_VERSION.enableForceSwitch))
        fail(
          ctx,
          ['enable_force_switch'],
          `enable_force_switch: needs engine version ${MIN_VERSION.enableForceSwitch} or later`,
          'DBS.200175',
        );
      if (b.os_type === 'Hce' && versionBelow(version, MIN_VERSION.hce))
        fail(ctx, ['os_type'], `os_type: Hce needs engine version ${MIN_VERSION.hce} or later`, 'DBS.200001');
      if (b.enable_single_float_ip === true) {
        if (!centralized)
          fail(
            ctx,
            ['enable_single_float_ip'],
            'enable_single_float_ip: only for centralized instances (ha.mode centralization_standard)',
            'DBS.200001',
          );
        else if (versionBelow(version, MIN_VERSION.singleFloatIp))
          fail(
            ctx,
            ['enable_single_float_ip'],
            `enable_single_float_ip: needs engine version ${MIN_VERSION.singleFloatIp} or later`,
            'DBS.200001',
          );
      }
    }, crossFieldsOnlyWhenFieldsValid),
  'DBS.200001',
);
withCrossFieldCodes(createInstanceBody, {
  'DBS.280635': ['solution'],
  'DBS.280629': ['solution'],
  'DBS.280602': ['ha.consistency_protocol'],
  'DBS.200025': ['availability_zone'],
  'DBS.280601': ['sharding_num'],
  'DBS.280600': ['coordinator_num'],
  'DBS.280611': ['volume.size'],
  'DBS.280612': ['volume.size'],
  'DBS.200175': ['enable_force_switch'],
});
export type CreateInstanceBody = z.input<typeof createInstanceBody>;

// 4.4.2 -------------------------------------------------------------------------------------------

/** New CNs or shards in one request: the total after scale-out is at most 256 and there is at least one already. */
export const MAX_NEW_COORDINATORS = MAX_COORDINATORS - 1;
export const MAX_NEW_SHARDS = MAX_SHARDS - 1;
/** Largest disk the contract can check without the instance (256 shards × 16 TB); the emulator checks per shard count. */
export const MAX_ENLARGE_VOLUME_GB = MAX_SHARDS * VOLUME_GB_PER_SHARD_MAX;

const coordinatorsSchema = withCode(
  z
    .array(
      objectOf(
        'expand_cluster.coordinators[]',
        { az_code: requiredText('az_code', 'DBS.200025', 64) },
        'DBS.280600',
      ),
      {
        error: typeError('expand_cluster.coordinators: must be an array of {az_code}'),
      },
    )
    .min(1, { message: 'expand_cluster.coordinators: give one {az_code} per new CN' })
    .max(MAX_NEW_COORDINATORS, {
      message: `expand_cluster.coordinators: at most ${MAX_NEW_COORDINATORS} new CNs (256 CNs in total)`,
    }),
  'DBS.280608',
);

export const expandInstanceBody = withCode(
  z
    .strictObject(
      {
        expand_cluster: objectOf(
          'expand_cluster',
          {
            coordinators: coordinatorsSchema.optional(),
            shard: objectOf(
              'expand_cluster.shard',
              {
                count: wholeNumber('expand_cluster.shard.count', 'DBS.280604', {
                  min: 1,
                  max: MAX_NEW_SHARDS,
                }),
              },
              'DBS.280604',
            ).optional(),
          },
          'DBS.280609',
        ).optional(),
        enlarge_volume: objectOf(
          'enlarge_volume',
          {
            size: wholeNumber('enlarge_volume.size', 'DBS.200023', {
              min: VOLUME_GB_PER_SHARD_MIN,
              max: MAX_ENLARGE_VOLUME_GB,
            }).refine((v) => v % VOLUME_STEP_GB_PER_SHARD === 0, {
              message: 'enlarge_volume.size: must be a multiple of 4 × shards GB (40–16384 × shards)',
              params: { dbsCode: 'DBS.280611' },
            }),
          },
          'DBS.200023',
        ).optional(),
      },
      { error: typeError('request body: must be a JSON object') },
    )
    .superRefine((b, ctx) => {
      // Three exclusive shapes (INST-17).
      if (b.expand_cluster === undefined && b.enlarge_volume === undefined) {
        fail(
          ctx,
          [],
          'request body: give one of expand_cluster.coordinators (add CNs), expand_cluster.shard (add shards) or enlarge_volume (enlarge disk)',
          'DBS.280609',
        );
        return;
      }
      if (b.expand_cluster !== undefined && b.enlarge_volume !== undefined) {
        fail(
          ctx,
          [],
          'request body: expand_cluster and enlarge_volume cannot be sent together; send one operation per request',
          'DBS.200001',
        );
        return;
      }
      const ec = b.expand_cluster;
      if (ec !== undefined) {
        if (ec.coordinators !== undefined && ec.shard !== undefined)
          fail(
            ctx,
            ['expand_cluster'],
            'expand_cluster: CNs and shards cannot be added in the same request',
            'DBS.280606',
          );
        else if (ec.coordinators === undefined && ec.shard === undefined)
          fail(
            ctx,
            ['expand_cluster'],
            'expand_cluster: give coordinators (add CNs) or shard (add shards)',
            'DBS.280609',
          );
      }
    }, crossFieldsOnlyWhenFieldsValid),
  'DBS.200001',
);
withCrossFieldCodes(expandInstanceBody, {
  'DBS.280611': ['enlarge_volume.size'],
  'DBS.280612': ['enlarge_volume.size'],
  'DBS.280606': ['expand_cluster'],
});
export type ExpandInstanceBody = z.input<typeof expandInstanceBody>;

export type ExpandKind = 'coordinators' | 'shard' | 'volume';
/** Which of the three operations a (valid) 4.4.2 body asks for. */
export function expandKind(body: z.output<typeof expandInstanceBody>): ExpandKind {
  if (body.enlarge_volume) return 'volume';
  return body.expand_cluster?.coordinators ? 'coordinators' : 'shard';
}
/** Task names of 4.4.2 per shape (L9053, catalog B.3). */
export const EXPAND_JOB_NAMES: Record<ExpandKind, string> = {
  coordinators: 'GaussDBV5ExpandClusterCN',
  shard: 'GaussDBV5ExpandClusterDN',
  volume: 'EnlargeGaussDBV5Volume',
};

// 4.4.4 -------------------------------------------------------------------------------------------

/** `id`/`name` filter: exact, or fuzzy when it starts with `*`; a bare `*` is refused (L1540-1541). */
const fuzzyFilter = (label: string, code: string) =>
  withCode(
    z
      .string({ error: typeError(`${label}: must be a string`) })
      .min(1, { message: `${label}: must not be empty` })
      .max(128, { message: `${label}: at most 128 characters` })
      .refine((v) => v !== '*', {
        message: `${label}: "*" alone is not allowed; "*abc" matches names containing abc, otherwise the match is exact`,
      }),
    code,
  );

/** `tags=k1=v1,k2=v2` (L1521, PUBLIC_API_NOTES): each key and value follows the tag rules of 4.11.4. */
export const TAGS_FILTER_RULE = 'comma-separated key=value pairs, e.g. env=prod,team=db';
export function parseTagsFilter(v: string): { key: string; value: string }[] {
  return v.split(',').map((pair) => {
    const i = pair.indexOf('=');
    return i < 0
      ? { key: pair.trim(), value: '' }
      : { key: pair.slice(0, i).trim(), value: pair.slice(i + 1).trim() };
  });
}
const tagsFilter = () =>
  withCode(
    z.string({ error: typeError(`tags: must be ${TAGS_FILTER_RULE}`) }).superRefine((v, ctx) => {
      const k = tagKey();
      const val = tagValue();
      for (const pair of v.split(',')) {
        if (!pair.includes('=')) {
          ctx.addIssue({
            code: 'custom',
            message: `tags: "${pair}" is not key=value; must be ${TAGS_FILTER_RULE}`,
          });
          return;
        }
      }
      for (const t of parseTagsFilter(v)) {
        const rk = k.safeParse(t.key);
        if (!rk.success) {
          ctx.addIssue({
            code: 'custom',
            message: `tags: key "${t.key}": ${rk.error.issues[0]?.message ?? 'invalid'}`,
          });
          return;
        }
        const rv = val.safeParse(t.value);
        if (!rv.success) {
          ctx.addIssue({
            code: 'custom',
            message: `tags: value "${t.value}": ${rv.error.issues[0]?.message ?? 'invalid'}`,
          });
          return;
        }
      }
    }),
    'DBS.200001',
  );

export const listInstancesQueryShape = {
  id: fuzzyFilter('id', 'DBS.280404'),
  name: fuzzyFilter('name', 'DBS.200001'),
  type: exactEnum(INSTANCE_TYPES, 'type (case-sensitive)', 'DBS.280342'),
  datastore_type: caseInsensitiveEnum(['GaussDB'] as const, 'datastore_type', 'DBS.280235'),
  vpc_id: requiredText('vpc_id', 'DBS.200048'),
  subnet_id: requiredText('subnet_id', 'DBS.200049'),
  tags: tagsFilter(),
  charge_mode: exactEnum(CHARGE_MODES, 'charge_mode', 'DBS.280365'),
};

// 4.4.5, 4.4.6, 4.4.8, 4.4.9, 4.4.10, 4.4.12 ----------------------------------------------------------

export const resetRootPasswordBody = z.strictObject(
  { password: password({ specials: SPECIAL_CHARS.resetRoot, code: 'DBS.200052', label: 'password' }) },
  { error: typeError('request body: must be a JSON object {password}') },
);

export const renameInstanceBody = z.strictObject(
  { name: instanceName() },
  { error: typeError('request body: must be a JSON object {name}') },
);

export const switchShardBody = withCode(
  z
    .strictObject(
      {
        shards: withCode(
          z
            .array(
              objectOf(
                'shards[]',
                { node_id: requiredText('node_id', 'DBS.280407'), component_id: componentId() },
                'DBS.280667',
              ),
              { error: typeError('shards: required, an array of {node_id, component_id}') },
            )
            .min(1, { message: 'shards: give at least one {node_id, component_id}' }),
          'DBS.280667',
        ),
      },
      { error: typeError('request body: must be a JSON object {shards}') },
    )
    .superRefine((b, ctx) => {
      // One new primary per shard (L2151): the same standby twice is refused here; same-shard pairs by the server.
      const seen = new Set<string>();
      b.shards.forEach((s, i) => {
        if (seen.has(s.component_id))
          fail(
            ctx,
            ['shards', i, 'component_id'],
            `shards[${i}].component_id: ${s.component_id} is listed twice; one new primary per shard`,
            'DBS.280668',
          );
        seen.add(s.component_id);
      });
    }, crossFieldsOnlyWhenFieldsValid),
  'DBS.200001',
);
withCrossFieldCodes(switchShardBody, { 'DBS.280668': ['shards'] });

export const listComponentsQueryShape = {
  component_type: exactEnum(COMPONENT_TYPES, 'component_type', 'DBS.200001'),
  availability_zone_id: requiredText('availability_zone_id', 'DBS.200025', 64),
};

export const resizeFlavorBody = z.strictObject(
  { flavor_ref: instanceFields.flavorRef() },
  { error: typeError('request body: must be a JSON object {flavor_ref}') },
);

export const deploymentFormQueryShape = {
  instance_id: requiredText('instance_id', 'DBS.280404'),
  solution: exactEnum(SOLUTIONS, 'solution', 'DBS.280635'),
};
