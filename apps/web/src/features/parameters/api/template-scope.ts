import type { Instance, Parameter, ParameterTemplate } from '@gaussdb-console/api-client/browser';
import type { EditableParameter } from '../../../shared/parameters/parameter-rules';

/**
 * Where a template or an instance's parameters apply: an engine version and a deployment. The API spells
 * the deployment several ways (4.5.1 `ha_mode`, 4.5.6 `instance_mode` `ha`, the instance's `type` and
 * `ha.mode`): all are read as one of three families.
 */
export type Deployment = 'centralized' | 'independent' | 'combined';

export function deploymentOf(mode: string | null | undefined): Deployment | undefined {
  const m = (mode ?? '').toLowerCase();
  if (!m) return undefined;
  if (m === 'ha' || m.startsWith('centralization') || m === 'primary/standby') return 'centralized';
  if (m === 'combined') return 'combined';
  if (m === 'enterprise' || m === 'independent') return 'independent';
  return undefined;
}

export const instanceDeployment = (i: Pick<Instance, 'ha' | 'type'>) => deploymentOf(i.ha?.mode ?? i.type);

/** 4.5.4 creates templates only for primary/standby (`ha`) instances (PARAM-9). */
export const CREATABLE_DEPLOYMENT: Deployment = 'centralized';

/** The system (default) template of a version and deployment, from the template list. */
export function defaultTemplateOf(
  templates: readonly ParameterTemplate[] | undefined,
  version: string | undefined,
  deployment: Deployment | undefined,
): ParameterTemplate | undefined {
  if (!templates || !version || !deployment) return undefined;
  return templates.find(
    (t) =>
      t.user_defined === false && t.datastore_version === version && deploymentOf(t.ha_mode) === deployment,
  );
}

/**
 * A parameter as 4.5.2 or 4.5.6 sends it (PARAM-4: two spellings), with its default when known; `readonly`
 * names what the version's template marks read-only (4.5.2 has no such field).
 */
export function toEditable(
  p: Parameter,
  defaults?: Readonly<Record<string, string>>,
  readonly?: ReadonlySet<string>,
): EditableParameter {
  return {
    name: p.name,
    value: p.value ?? '',
    defaultValue: defaults?.[p.name],
    type: p.type ?? p.data_type ?? 'string',
    range: p.value_range ?? undefined,
    restart: p.restart_required ?? p.need_restart ?? false,
    readonly: p.readonly ?? readonly?.has(p.name) ?? false,
    description: p.description ?? undefined,
  };
}

/** name → value of a parameter list. */
export const valuesOf = (params: readonly Parameter[] | null | undefined): Record<string, string> =>
  Object.fromEntries((params ?? []).map((p) => [p.name, p.value ?? '']));
