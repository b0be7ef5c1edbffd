import type { Language } from '../../http/errors';
import type { InstanceDoc } from '../instance-model';
import { describe, parametersOf, valueRange, wireType, type ResolvedGuc } from './catalog';
import type { ApplyRecordDoc, ModifyRecordDoc } from './model';
import { offsetDateTime, plainDateTime } from './model';
import type { InstanceParameterState } from './instance-parameters';
import { templateDescription, type Template } from './system-templates';
import { scopeOf, templateValues } from './templates';

/** How 4.5.x show templates, parameters and histories (field names as each section's table spells them, PARAM-4). */

/** 4.5.6 `instance_mode`: `ha` (primary/standby) as documented; distributed templates say what they are. */
const INSTANCE_MODE = {
  centralization_standard: 'ha',
  enterprise: 'independent',
  combined: 'combined',
} as const;

export function templateListView(t: Template, language: Language) {
  return {
    id: t.id,
    name: t.name,
    description: templateDescription(t, language),
    datastore_version: t.engine_version,
    datastore_name: 'GaussDB',
    ha_mode: t.mode,
    created: plainDateTime(t.created_at),
    updated: plainDateTime(t.updated_at),
    user_defined: t.user_defined,
  };
}

const templateParameterView = (p: ResolvedGuc, value: string, language: Language) => ({
  name: p.spec.name,
  value,
  need_restart: p.restart,
  readonly: p.spec.readonly ?? false,
  value_range: valueRange(p),
  data_type: wireType(p),
  description: describe(p, language),
});

export function templateDetailView(t: Template, language: Language) {
  const values = templateValues(t);
  return {
    id: t.id,
    name: t.name,
    description: templateDescription(t, language),
    engine_version: t.engine_version,
    instance_mode: INSTANCE_MODE[t.mode],
    created_at: offsetDateTime(t.created_at),
    updated_at: offsetDateTime(t.updated_at),
    configuration_parameters: parametersOf(scopeOf(t)).map((p) =>
      templateParameterView(p, values[p.spec.name] ?? p.default, language),
    ),
  };
}

export function instanceParametersView(inst: InstanceDoc, state: InstanceParameterState, language: Language) {
  const scope = { version: inst.datastore.version, mode: inst.mode };
  return {
    datastore_version: inst.datastore.version,
    datastore_name: 'GaussDB',
    created: plainDateTime(state.created_at),
    updated: plainDateTime(state.updated_at),
    configuration_parameters: parametersOf(scope).map((p) => ({
      name: p.spec.name,
      value: state.values[p.spec.name] ?? p.default,
      restart_required: p.restart,
      value_range: valueRange(p),
      type: wireType(p),
      description: describe(p, language),
    })),
  };
}

export const applyRecordView = (r: ApplyRecordDoc) => ({
  instance_id: r.instance_id,
  instance_name: r.instance_name,
  apply_result: r.apply_result,
  applied_at: offsetDateTime(r.applied_at),
  error_code: r.error_code,
});

export const modifyRecordView = (r: ModifyRecordDoc) => ({
  parameter_name: r.parameter_name,
  old_value: r.old_value,
  new_value: r.new_value,
  update_result: r.update_result,
  updated_at: offsetDateTime(r.updated_at),
});
