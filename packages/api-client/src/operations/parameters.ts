import { z } from 'zod';
import { defineOperation } from './define';
import { bool, int, jobAccepted, list, obj, opt, str } from '../schema/tolerant';
import { limitParam, offsetParam } from '../schema/rules';
import { idField, objectError } from '../schema/rules-backups';
import {
  applyInstanceIds,
  parameterValues,
  templateDescription,
  templateEngineVersion,
  templateId,
  templateInstanceMode,
  templateName,
} from '../schema/rules-parameters';

// Parameter templates ("configurations", reference 4.5). Route order for servers: the literal
// `/configurations/comparison` and `/configurations/name-validation` must be matched before
// `/configurations/{config_id}` (PARAM-6).

/** A body-less 200 ("无"): tolerate an empty body, null, or an object the service may add later. */
const emptyResponse = () =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.union([z.undefined(), obj({})]));

const configPath = z.strictObject({ config_id: templateId('config_id') });
const instancePath = z.strictObject({ instance_id: idField('instance_id') });
const pageQuery = z.strictObject({ offset: offsetParam().optional(), limit: limitParam(100).optional() });

/** A template as listed by 4.5.1 (`created`/`updated` are "yyyy-MM-dd HH:mm:ss", no zone). */
export const parameterTemplateSchema = obj({
  id: str(),
  name: str(),
  description: opt(str()),
  datastore_version: opt(str()),
  datastore_name: opt(str()),
  ha_mode: opt(str()),
  created: opt(str()),
  updated: opt(str()),
  user_defined: opt(bool()),
});
export type ParameterTemplate = z.output<typeof parameterTemplateSchema>;

/**
 * One parameter. 4.5.2 spells `restart_required`/`type`, 4.5.6 spells `need_restart`/`data_type` (D.14,
 * PARAM-4): both are accepted; read `restart_required ?? need_restart` and `type ?? data_type`.
 */
export const parameterSchema = obj({
  name: str(),
  value: opt(str()),
  restart_required: opt(bool()),
  need_restart: opt(bool()),
  readonly: opt(bool()),
  value_range: opt(str()),
  type: opt(str()),
  data_type: opt(str()),
  description: opt(str()),
});
export type Parameter = z.output<typeof parameterSchema>;

/** 4.5.6: one template with its parameters (`created_at`/`updated_at` are ISO-like with an offset). */
export const parameterTemplateDetailSchema = obj({
  id: str(),
  name: str(),
  description: opt(str()),
  engine_version: opt(str()),
  instance_mode: opt(str()),
  created_at: opt(str()),
  updated_at: opt(str()),
  configuration_parameters: opt(list(parameterSchema)),
});
export type ParameterTemplateDetail = z.output<typeof parameterTemplateDetailSchema>;

/** 4.5.2: the parameters in effect on one instance. */
export const instanceParametersSchema = obj({
  datastore_version: opt(str()),
  datastore_name: opt(str()),
  created: opt(str()),
  updated: opt(str()),
  configuration_parameters: list(parameterSchema),
});
export type InstanceParameters = z.output<typeof instanceParametersSchema>;

export const parameterDifferenceSchema = obj({
  name: str(),
  source_value: opt(str()),
  target_value: opt(str()),
});
export type ParameterDifference = z.output<typeof parameterDifferenceSchema>;

export const applicableInstanceSchema = obj({ instance_id: str(), instance_name: opt(str()) });
export type ApplicableInstance = z.output<typeof applicableInstanceSchema>;

export const TEMPLATE_APPLY_RESULTS = ['SUCCESS', 'FAILED', 'APPLYING'] as const;
/** 4.5.13: one application of a template to an instance; `error_code` is null on success. */
export const templateApplyRecordSchema = obj({
  instance_id: str(),
  instance_name: opt(str()),
  apply_result: opt(str()),
  applied_at: opt(str()),
  error_code: opt(str()),
});
export type TemplateApplyRecord = z.output<typeof templateApplyRecordSchema>;

/** 4.5.14: one change of one parameter of a template. */
export const templateModifyRecordSchema = obj({
  parameter_name: str(),
  old_value: opt(str()),
  new_value: opt(str()),
  update_result: opt(str()),
  updated_at: opt(str()),
});
export type TemplateModifyRecord = z.output<typeof templateModifyRecordSchema>;

export const parameterOperations = {
  listParameterTemplates: defineOperation({
    id: 'listParameterTemplates',
    section: '4.5.1',
    title: 'List parameter templates',
    titleZh: '获取参数模板列表',
    area: 'parameters',
    method: 'GET',
    path: '/v3.1/{project_id}/configurations',
    query: pageQuery,
    // The total is `count` here, `total_count` elsewhere (D.14).
    response: obj({ configurations: list(parameterTemplateSchema), count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'configurations', totalKey: 'count', maxLimit: 100 },
  }),

  getInstanceParameters: defineOperation({
    id: 'getInstanceParameters',
    section: '4.5.2',
    title: "Get an instance's parameters",
    titleZh: '获取指定实例的参数',
    area: 'parameters',
    method: 'GET',
    path: '/v3.1/{project_id}/instances/{instance_id}/configurations',
    pathParams: instancePath,
    response: instanceParametersSchema,
    successStatus: 200,
  }),

  modifyInstanceParameters: defineOperation({
    id: 'modifyInstanceParameters',
    section: '4.5.3',
    title: "Modify an instance's parameters",
    titleZh: '修改指定实例的参数',
    area: 'parameters',
    method: 'PUT',
    // v3, while the GET (4.5.2) is v3.1: routed exactly as documented (D.7).
    path: '/v3/{project_id}/instances/{instance_id}/configurations',
    pathParams: instancePath,
    body: z.strictObject(
      { values: parameterValues('values', { min: 1 }) },
      objectError('body: must be { values: { name: value } }'),
    ),
    response: obj({ restart_required: opt(bool()) }),
    successStatus: 200,
    idempotent: true,
    defaultErrorCode: 'DBS.212017',
  }),

  createParameterTemplate: defineOperation({
    id: 'createParameterTemplate',
    section: '4.5.4',
    title: 'Create a parameter template',
    titleZh: '创建参数模板',
    area: 'parameters',
    method: 'POST',
    path: '/v3/{project_id}/configurations',
    body: z.strictObject({
      name: templateName('name'),
      description: templateDescription('truncate').optional(),
      parameter_values: parameterValues('parameter_values', { min: 0 }).optional(),
      datastore: z.strictObject(
        { engine_version: templateEngineVersion(), instance_mode: templateInstanceMode() },
        objectError('datastore: must be an object { engine_version, instance_mode }'),
      ),
    }),
    response: obj({ id: str(), name: opt(str()), created_at: opt(str()) }),
    successStatus: 200,
    defaultErrorCode: 'DBS.212017',
  }),

  deleteParameterTemplate: defineOperation({
    id: 'deleteParameterTemplate',
    section: '4.5.5',
    title: 'Delete a parameter template',
    titleZh: '删除参数模板',
    area: 'parameters',
    method: 'DELETE',
    path: '/v3/{project_id}/configurations/{config_id}',
    pathParams: configPath,
    response: emptyResponse(),
    successStatus: 200,
    destructive: true,
  }),

  getParameterTemplate: defineOperation({
    id: 'getParameterTemplate',
    section: '4.5.6',
    title: 'Get a parameter template',
    titleZh: '查询参数模板详情',
    area: 'parameters',
    method: 'GET',
    path: '/v3/{project_id}/configurations/{config_id}',
    pathParams: configPath,
    response: parameterTemplateDetailSchema,
    successStatus: 200,
  }),

  copyParameterTemplate: defineOperation({
    id: 'copyParameterTemplate',
    section: '4.5.7',
    title: 'Copy a parameter template',
    titleZh: '复制参数模板',
    area: 'parameters',
    method: 'POST',
    path: '/v3/{project_id}/configurations/{config_id}/copy',
    pathParams: configPath,
    body: z.strictObject({
      name: templateName('name'),
      description: templateDescription('reject').optional(),
    }),
    response: obj({ config_id: str() }),
    successStatus: 200,
    defaultErrorCode: 'DBS.212017',
  }),

  resetParameterTemplate: defineOperation({
    id: 'resetParameterTemplate',
    section: '4.5.8',
    title: 'Reset a parameter template to its defaults',
    titleZh: '重置参数组',
    area: 'parameters',
    method: 'POST',
    path: '/v3/{project_id}/configurations/{config_id}/reset',
    pathParams: configPath,
    response: emptyResponse(),
    successStatus: 200,
    // Resetting twice leaves the same defaults.
    idempotent: true,
  }),

  compareParameterTemplates: defineOperation({
    id: 'compareParameterTemplates',
    section: '4.5.9',
    title: 'Compare two parameter templates',
    titleZh: '比较两个参数组模板之间的差异',
    area: 'parameters',
    method: 'POST',
    path: '/v3/{project_id}/configurations/comparison',
    body: z.strictObject({ source_id: templateId('source_id'), target_id: templateId('target_id') }),
    response: obj({ differences: list(parameterDifferenceSchema) }),
    successStatus: 200,
    // A read with a body: safe to repeat.
    idempotent: true,
  }),

  listApplicableInstances: defineOperation({
    id: 'listApplicableInstances',
    section: '4.5.10',
    title: 'List instances a template can be applied to',
    titleZh: '查询可应用实例列表',
    area: 'parameters',
    method: 'GET',
    path: '/v3/{project_id}/configurations/{config_id}/applicable-instances',
    pathParams: configPath,
    query: pageQuery,
    response: obj({ instances: list(applicableInstanceSchema), total_count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'instances', totalKey: 'total_count', maxLimit: 100 },
  }),

  checkParameterTemplateName: defineOperation({
    id: 'checkParameterTemplateName',
    section: '4.5.11',
    title: 'Check whether a template name exists',
    titleZh: '校验参数组名称是否存在',
    area: 'parameters',
    method: 'GET',
    path: '/v3/{project_id}/configurations/name-validation',
    query: z.strictObject({ name: templateName('name') }),
    response: obj({ exist: bool() }),
    successStatus: 200,
  }),

  applyParameterTemplate: defineOperation({
    id: 'applyParameterTemplate',
    section: '4.5.12',
    title: 'Apply a parameter template to instances',
    titleZh: '应用参数模板',
    area: 'parameters',
    method: 'PUT',
    path: '/v3/{project_id}/configurations/{config_id}/apply',
    pathParams: configPath,
    body: z.strictObject({ instance_ids: applyInstanceIds() }),
    response: jobAccepted(),
    successStatus: 202,
    // The reference names no task for it (B.3); PARAM-7.
    job: { names: ['ApplyGaussDBV5ParameterTemplate'], nameIsExtension: true },
    idempotent: false,
  }),

  listTemplateApplyHistory: defineOperation({
    id: 'listTemplateApplyHistory',
    section: '4.5.13',
    title: "List a template's applications",
    titleZh: '查询参数模板的应用记录',
    area: 'parameters',
    method: 'GET',
    path: '/v3/{project_id}/configurations/{config_id}/applied-histories',
    pathParams: configPath,
    query: pageQuery,
    response: obj({ histories: list(templateApplyRecordSchema), total_count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'histories', totalKey: 'total_count', maxLimit: 100 },
  }),

  listTemplateModifyHistory: defineOperation({
    id: 'listTemplateModifyHistory',
    section: '4.5.14',
    title: "List a template's parameter changes",
    titleZh: '查询参数模板的修改历史',
    area: 'parameters',
    method: 'GET',
    path: '/v3/{project_id}/configurations/{config_id}/histories',
    pathParams: configPath,
    query: pageQuery,
    response: obj({ histories: list(templateModifyRecordSchema), total_count: opt(int()) }),
    successStatus: 200,
    paging: { kind: 'offset', itemsKey: 'histories', totalKey: 'total_count', maxLimit: 100 },
  }),
} as const;
