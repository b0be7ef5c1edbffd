import { z } from 'zod';
import { defineOperation } from './define';
import { bool, int, list, obj, opt, str } from '../schema/tolerant';
import { withCode } from '../schema/error-codes';
import { limitParam, offsetParam, pathId } from '../schema/rules';
import {
  advancedFeatureParams,
  availabilityZone,
  nodeIdList,
  passwordToCheck,
  PUBLIC_IP_ACTIONS,
  publicIpAddress,
  publicIpId,
} from '../schema/rules-instance-ops';

/**
 * Instance day-2 operations, reference sections 4.4.14–4.4.27: password check, public IPs, SSL certificate,
 * quotas, node start/stop, coordinators, auto-enlarge policy, statistics, enterprise projects, replica-shape
 * switches and advanced features. Decisions cited as OPS-n are in decisions/20-instance-ops.md.
 */

const instancePath = z.strictObject({ instance_id: pathId('instance_id') });
const nodePath = z.strictObject({ instance_id: pathId('instance_id'), node_id: pathId('node_id') });

/** `{ job_id }`: the answer of the asynchronous calls here that the reference gives no `order_id`. */
const jobIdOnly = () => obj({ job_id: str() });

/** Accepted replica switch: `job_id` (pay-per-use) and/or `order_id` (yearly/monthly), L3520-3523. */
const switchAccepted = () =>
  obj({ job_id: opt(str()), order_id: opt(str()) }).refine((r) => r.job_id != null || r.order_id != null, {
    message: 'a switch answer carries a job_id or an order_id',
  });

/** The sections from 4.4.18 on list these request headers (L3030-3033 and alike). */
const LANGUAGE_HEADERS = 'X-Auth-Token (required); X-Language: zh-cn | en-us (optional, default en-us).';

const isAutoPay = () => withCode(z.boolean({ message: 'is_auto_pay: must be true or false' }), 'DBS.200001');

// ---- responses --------------------------------------------------------------------------------------------

export const projectQuotaSchema = obj({ type: str(), used: int(), quota: int() });
export type ProjectQuota = z.output<typeof projectQuotaSchema>;

export const coordinatorNodeSchema = obj({
  id: str(),
  name: opt(str()),
  /** `normal` | `abnormal` | `creating` | `createfail` (L3214). */
  status: opt(str()),
  availability_zone: opt(str()),
  support_reduce: opt(bool()),
});
export type CoordinatorNode = z.output<typeof coordinatorNodeSchema>;

export const autoEnlargePolicySchema = obj({
  switch_option: opt(bool()),
  limit_volume_size: opt(int()),
  min_volume_size: opt(int()),
  max_volume_size: opt(int()),
  trigger_available_percent: opt(int()),
  percents: opt(list(int())),
  step_size: opt(int()),
  step_percent: opt(int()),
});
export type AutoEnlargePolicy = z.output<typeof autoEnlargePolicySchema>;

export const instanceStatisticsSchema = obj({
  /** Declared Integer, the example sends "10" (D.13); coerced. */
  total_count: int(),
  instances_statistics: list(obj({ status: str(), count: int() })),
});
export type InstanceStatistics = z.output<typeof instanceStatisticsSchema>;

export const enterpriseProjectSchema = obj({
  id: str(),
  name: opt(str()),
  description: opt(str()),
  /** "1" enabled, "2" disabled (L3436). */
  status: opt(str()),
  created_at: opt(str()),
  updated_at: opt(str()),
});
export type EnterpriseProject = z.output<typeof enterpriseProjectSchema>;

export const advancedFeatureSchema = obj({
  name: str(),
  /** Declared `true`/`false`, the example sends `off`: read as text that mirrors `value` (D.45, OPS-7). */
  status: opt(str()),
  description: opt(str()),
  /** `integer` | `string` | `boolean`. */
  type: opt(str()),
  value: opt(str()),
  range: opt(str()),
  range_description: opt(str()),
});
export type AdvancedFeature = z.output<typeof advancedFeatureSchema>;

// ---- bodies ---------------------------------------------------------------------------------------------

/** 4.4.18/4.4.19 (and 4.9.9): nodes to start or stop; `[]` = the whole instance. */
export const nodeIdsBody = z.strictObject({ node_ids: nodeIdList() });

const hasNodeIds = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'node_ids' in body;

export const instanceOpsOperations = {
  checkWeakPassword: defineOperation({
    id: 'checkWeakPassword',
    section: '4.4.14',
    title: 'Check whether a password is weak',
    titleZh: '弱密码校验',
    area: 'instances',
    method: 'POST',
    path: '/v3/{project_id}/weak-password-verification',
    body: z.strictObject({ password: passwordToCheck() }),
    response: obj({ is_weak_password: bool() }),
    successStatus: 200,
    // A pure check with no side effect: safe to repeat although it is a POST (OPS-1).
    idempotent: true,
    defaultErrorCode: 'DBS.200001',
  }),

  changeNodePublicIp: defineOperation({
    id: 'changeNodePublicIp',
    section: '4.4.15',
    title: 'Bind or unbind an elastic public IP on a node',
    titleZh: '绑定/解绑弹性公网 IP',
    area: 'instances',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/nodes/{node_id}/public-ip',
    pathParams: nodePath,
    body: z.strictObject({
      action: withCode(
        z.enum(PUBLIC_IP_ACTIONS, { message: 'action: must be BIND or UNBIND (case-sensitive)' }),
        'DBS.200001',
      ),
      public_ip: publicIpAddress(),
      public_ip_id: publicIpId(),
    }),
    response: jobIdOnly(),
    successStatus: 202,
    job: { names: ['BindGaussDBV5PublicIp', 'UnbindGaussDBV5PublicIp'], nameIsExtension: true },
    defaultErrorCode: 'DBS.200001',
  }),

  getSslCertDownloadLink: defineOperation({
    id: 'getSslCertDownloadLink',
    section: '4.4.16',
    title: 'Get the SSL certificate download link',
    titleZh: '查询实例 SSL 证书下载地址',
    area: 'instances',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/ssl-cert/download-link',
    pathParams: instancePath,
    response: obj({ download_link: str() }),
    successStatus: 200,
  }),

  getProjectQuotas: defineOperation({
    id: 'getProjectQuotas',
    section: '4.4.17',
    title: "Get the project's instance quota",
    titleZh: '查询租户的实例配额',
    area: 'instances',
    method: 'GET',
    path: '/v3/{project_id}/project-quotas',
    query: z.strictObject({
      type: withCode(z.enum(['instance'], { message: 'type: must be "instance"' }), 'DBS.200001').optional(),
    }),
    response: obj({ quotas: obj({ resources: list(projectQuotaSchema) }) }),
    successStatus: 200,
  }),

  startNodes: defineOperation({
    id: 'startNodes',
    section: '4.4.18',
    title: 'Start nodes (or the whole instance)',
    titleZh: '启动节点',
    area: 'instances',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/db-startup',
    pathParams: instancePath,
    body: nodeIdsBody,
    response: jobIdOnly(),
    successStatus: 202,
    notes: LANGUAGE_HEADERS,
    job: { names: ['StartGaussDBV5Nodes'], nameIsExtension: true },
    // 4.9.9 (startDatabase) documents the very same call; both descriptors accept the same body (OPS-3).
    sharesRouteWith: '4.9.9',
    matchesBody: hasNodeIds,
    defaultErrorCode: 'DBS.200001',
  }),

  stopNodes: defineOperation({
    id: 'stopNodes',
    section: '4.4.19',
    title: 'Stop nodes (or the whole instance)',
    titleZh: '停止节点',
    area: 'instances',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/db-stop',
    pathParams: instancePath,
    body: nodeIdsBody,
    response: jobIdOnly(),
    successStatus: 202,
    notes: LANGUAGE_HEADERS,
    job: { names: ['StopGaussDBV5Nodes'], nameIsExtension: true },
    // Stops service on the nodes (all of them for `[]`).
    destructive: true,
    defaultErrorCode: 'DBS.200001',
  }),

  listCoordinators: defineOperation({
    id: 'listCoordinators',
    section: '4.4.20',
    title: 'List coordinator (CN) nodes',
    titleZh: '查询协调节点列表',
    area: 'instances',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/coordinators',
    pathParams: instancePath,
    response: obj({
      instance_id: opt(str()),
      max_reduction_num: opt(int()),
      nodes: list(coordinatorNodeSchema),
    }),
    successStatus: 200,
  }),

  getAutoEnlargePolicy: defineOperation({
    id: 'getAutoEnlargePolicy',
    section: '4.4.21',
    title: 'Get the disk auto-enlarge policy',
    titleZh: '查询磁盘自动扩容策略',
    area: 'instances',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/auto-enlarge-policy',
    pathParams: instancePath,
    response: autoEnlargePolicySchema,
    successStatus: 200,
  }),

  getInstanceStatistics: defineOperation({
    id: 'getInstanceStatistics',
    section: '4.4.22',
    title: 'Count instances by status',
    titleZh: '实例统计',
    area: 'instances',
    method: 'GET',
    // No {project_id} in the format nor the example (D.5): the token's project is meant (OPS-4).
    path: '/v3/instances-statistics',
    projectless: true,
    response: instanceStatisticsSchema,
    successStatus: 200,
  }),

  listEnterpriseProjects: defineOperation({
    id: 'listEnterpriseProjects',
    section: '4.4.23',
    title: 'List enterprise projects',
    titleZh: '查询企业项目列表',
    area: 'instances',
    method: 'GET',
    path: '/v3/{project_id}/enterprise-projects',
    // The request example drops the project id (L3451, D.5; OPS-5).
    aliases: ['/v3/enterprise-projects'],
    query: z.strictObject({
      name_keyword: withCode(
        z.string().max(255, { message: 'name_keyword: at most 255 characters' }),
        'DBS.200001',
      ).optional(),
      offset: offsetParam().optional(),
      limit: limitParam(1000).optional(),
      // Listed as required by the table (L3422) but meaningless here (D.10): tolerated and ignored (OPS-5).
      instance_id: pathId('instance_id').optional(),
    }),
    response: obj({ enterprise_projects: list(enterpriseProjectSchema), total_count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'enterprise_projects', totalKey: 'total_count', maxLimit: 1000 },
  }),

  switchToLoggerReplica: defineOperation({
    id: 'switchToLoggerReplica',
    section: '4.4.24',
    title: 'Switch 1 primary + 2 standbys to 1 primary + 1 standby + 1 logger',
    titleZh: '一主两备切换一主一备一日志',
    area: 'instances',
    method: 'POST',
    // The URI format is singular `/instance/`, the example and the public API plural (D.2; OPS-6).
    path: '/v3/{project_id}/instances/{instance_id}/switch-logger-replica',
    aliases: ['/v3/{project_id}/instance/{instance_id}/switch-logger-replica'],
    pathParams: instancePath,
    body: z.strictObject({
      availability_zone: availabilityZone('availability_zone'),
      is_auto_pay: isAutoPay().optional(),
    }),
    response: switchAccepted(),
    successStatus: 202,
    notes: LANGUAGE_HEADERS,
    job: { names: ['SwitchGaussDBV5LoggerReplica'], nameIsExtension: true },
    // Rebuilds a standby as a log-only replica: the shard loses a full data copy and service blips.
    destructive: true,
    defaultErrorCode: 'DBS.200001',
  }),

  switchToStandbyReplica: defineOperation({
    id: 'switchToStandbyReplica',
    section: '4.4.25',
    title: 'Switch 1 primary + 1 standby + 1 logger to 1 primary + 2 standbys',
    titleZh: '一主一备一日志切换一主两备',
    area: 'instances',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/switch-replica',
    aliases: ['/v3/{project_id}/instance/{instance_id}/switch-replica'],
    pathParams: instancePath,
    // Every field is optional, so an absent body is accepted as well as `{}`.
    body: z.strictObject({ is_auto_pay: isAutoPay().optional() }).optional(),
    response: switchAccepted(),
    successStatus: 202,
    notes: LANGUAGE_HEADERS,
    job: { names: ['SwitchGaussDBV5Replica'], nameIsExtension: true },
    destructive: true,
    defaultErrorCode: 'DBS.200001',
  }),

  listAdvancedFeatures: defineOperation({
    id: 'listAdvancedFeatures',
    section: '4.4.26',
    title: 'List advanced features',
    titleZh: '查询高级特性',
    area: 'instances',
    method: 'GET',
    path: '/v3/{project_id}/instances/{instance_id}/advance-features',
    pathParams: instancePath,
    response: obj({ features: list(advancedFeatureSchema) }),
    successStatus: 200,
    notes: LANGUAGE_HEADERS,
  }),

  modifyAdvancedFeatures: defineOperation({
    id: 'modifyAdvancedFeatures',
    section: '4.4.27',
    title: 'Turn advanced features on or off',
    titleZh: '修改高级特性',
    area: 'instances',
    method: 'POST',
    path: '/v3/{project_id}/instances/{instance_id}/advance-features',
    pathParams: instancePath,
    body: z.strictObject({ params: advancedFeatureParams() }),
    response: jobIdOnly(),
    successStatus: 202,
    notes: LANGUAGE_HEADERS,
    job: { names: ['ModifyGaussDBV5AdvancedFeatures'], nameIsExtension: true },
    defaultErrorCode: 'DBS.06010013',
  }),
} as const;
