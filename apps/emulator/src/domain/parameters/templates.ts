import { randomUUID } from 'node:crypto';
import type { Operations } from '@gaussdb-console/api-client';
import { ApiError } from '../../http/errors';
import type { ResponseOf } from '../../http/handlers';
import type { EmulatorRuntime } from '../../runtime';
import { newId } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { instances } from '../instance-state';
import { defaultsOf, validateValues, type Scope } from './catalog';
import { applyRecords, instanceParams, modifyRecords, templates, type TemplateDoc } from './model';
import {
  findSystemTemplate,
  isSystemName,
  knownVersion,
  SYSTEM_TEMPLATES,
  type Template,
} from './system-templates';
import type { BodyOf } from '../../http/handlers';

/** Parameter templates (4.5.1, 4.5.4–4.5.11): the rules of PARAM-1..10, without HTTP. */

export const TEMPLATE_CODES = {
  notFound: 'DBS.212001',
  notAllowed: 'DBS.212003',
  nameExists: 'DBS.212030',
  applied: 'DBS.212032',
  applying: 'DBS.212010',
  quota: 'DBS.212002',
  version: 'DBS.280236',
} as const;

/** User templates per project (the console's quota). */
export const USER_TEMPLATE_QUOTA = 100;

const fromDoc = (d: TemplateDoc): Template => ({
  id: d.id,
  name: d.name,
  description: d.description,
  engine_version: d.engine_version,
  mode: d.mode,
  values: d.values,
  created_at: d.created_at,
  updated_at: d.updated_at,
  user_defined: true,
});

export const scopeOf = (t: Template): Scope => ({ version: t.engine_version, mode: t.mode });

export function findTemplate(rt: EmulatorRuntime, projectId: string, id: string): Template | undefined {
  const system = findSystemTemplate(id);
  if (system) return system;
  const doc = templates(rt).get(projectId, id);
  return doc ? fromDoc(doc) : undefined;
}

/** The template or 404 DBS.212001. */
export function requireTemplate(
  rt: EmulatorRuntime,
  projectId: string,
  id: string,
  field = 'config_id',
): Template {
  const t = findTemplate(rt, projectId, id);
  if (!t)
    throw new ApiError(404, TEMPLATE_CODES.notFound, `The parameter template does not exist: ${id}`, field);
  return t;
}

/** Every value of a template: the system defaults of its version and mode with its own values on top. */
export function templateValues(t: Template): Record<string, string> {
  const all = defaultsOf(scopeOf(t));
  for (const [k, v] of Object.entries(t.values)) if (k in all) all[k] = v;
  return all;
}

/** 4.5.1: system templates first (by version, newest first), then the user's, oldest first. */
export function listTemplates(
  rt: EmulatorRuntime,
  projectId: string,
  offset: number,
  limit: number,
): { items: Template[]; total: number } {
  const system = SYSTEM_TEMPLATES;
  const userTotal = templates(rt).count({ projectId });
  const items: Template[] = system.slice(offset, offset + limit);
  const userOffset = Math.max(0, offset - system.length);
  const userLimit = limit - items.length;
  if (userLimit > 0) {
    items.push(
      ...templates(rt)
        .find({ projectId, orderBy: [{ col: 'created_at' }], offset: userOffset, limit: userLimit })
        .items.map(fromDoc),
    );
  }
  return { items, total: system.length + userTotal };
}

/** 4.5.11: a system or user template of this project has exactly this name (case-sensitive). */
export function nameExists(rt: EmulatorRuntime, projectId: string, name: string): boolean {
  return (
    isSystemName(name) ||
    templates(rt).count({ projectId, where: [{ col: 'name', op: '=', value: name }] }) > 0
  );
}

function assertNameFree(rt: EmulatorRuntime, projectId: string, name: string): void {
  if (nameExists(rt, projectId, name))
    throw new ApiError(
      400,
      TEMPLATE_CODES.nameExists,
      `The parameter template name already exists: ${name}`,
      'name',
    );
}

function assertQuota(rt: EmulatorRuntime, projectId: string): void {
  if (templates(rt).count({ projectId }) >= USER_TEMPLATE_QUOTA) {
    throw new ApiError(
      400,
      TEMPLATE_CODES.quota,
      `A project may hold at most ${USER_TEMPLATE_QUOTA} user parameter templates; delete one first.`,
    );
  }
}

/** 4.5.4's body as the contract validated it (seeds build the same shape). */
export type NewTemplate = BodyOf<'createParameterTemplate'>;

/** Only `ha` (primary/standby, i.e. centralized) is offered by 4.5.4 (L4140, PARAM-9). */
const MODE_OF_INSTANCE_MODE = { ha: 'centralization_standard' } as const;

/** 4.5.4. The description arrives already cut to 256 characters by the contract (PARAM-1). */
export function createTemplate(
  rt: EmulatorRuntime,
  projectId: string,
  body: NewTemplate,
  now: number,
  id = newId('pr14'),
): Template {
  const version = knownVersion(body.datastore.engine_version);
  if (!version) {
    throw new ApiError(
      400,
      TEMPLATE_CODES.version,
      `datastore.engine_version: ${body.datastore.engine_version} is not an offered engine version (list them with GET /v3/{project_id}/datastores/gaussdb)`,
      'datastore.engine_version',
    );
  }
  const mode = MODE_OF_INSTANCE_MODE[body.datastore.instance_mode as keyof typeof MODE_OF_INSTANCE_MODE];
  if (!mode)
    throw new ApiError(400, 'DBS.280402', 'datastore.instance_mode: must be "ha"', 'datastore.instance_mode');
  assertNameFree(rt, projectId, body.name);
  assertQuota(rt, projectId);
  const scope: Scope = { version, mode };
  const values = overridesOf(scope, validateValues(scope, body.parameter_values ?? {}, 'parameter_values'));
  const doc: TemplateDoc = {
    id,
    project_id: projectId,
    name: body.name,
    description: body.description ?? '',
    engine_version: version,
    mode,
    values,
    created_at: now,
    updated_at: now,
  };
  templates(rt).put(doc);
  return fromDoc(doc);
}

/** Keeps only values that differ from the defaults of `scope`. */
export function overridesOf(scope: Scope, values: Record<string, string>): Record<string, string> {
  const defaults = defaultsOf(scope);
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => k in defaults && defaults[k] !== v));
}

/** 4.5.7: a user template with the source's version, mode and values (a system source copies its defaults). */
export function copyTemplate(
  rt: EmulatorRuntime,
  projectId: string,
  sourceId: string,
  body: { name: string; description?: string },
  now: number,
): Template {
  const source = requireTemplate(rt, projectId, sourceId);
  assertNameFree(rt, projectId, body.name);
  assertQuota(rt, projectId);
  const doc: TemplateDoc = {
    id: newId('pr14'),
    project_id: projectId,
    name: body.name,
    description: body.description ?? '',
    engine_version: source.engine_version,
    mode: source.mode,
    values: { ...source.values },
    created_at: now,
    updated_at: now,
  };
  templates(rt).put(doc);
  return fromDoc(doc);
}

function requireUserTemplate(
  rt: EmulatorRuntime,
  projectId: string,
  id: string,
  action: string,
): TemplateDoc {
  const t = requireTemplate(rt, projectId, id);
  if (!t.user_defined) {
    throw new ApiError(
      400,
      TEMPLATE_CODES.notAllowed,
      `${t.name} is a system parameter template; it cannot be ${action} (copy it to make a template of your own).`,
      'config_id',
    );
  }
  return templates(rt).get(projectId, id)!;
}

function assertNotApplying(rt: EmulatorRuntime, projectId: string, id: string, action: string): void {
  const running = applyRecords(rt).count({
    projectId,
    where: [
      { col: 'config_id', op: '=', value: id },
      { col: 'apply_result', op: '=', value: 'APPLYING' },
    ],
  });
  if (running > 0)
    throw new ApiError(
      400,
      TEMPLATE_CODES.applying,
      `The parameter template is being applied; it cannot be ${action} until the application ends.`,
      'config_id',
    );
}

/** Instances whose parameters come from template `id` (created with it, or it was applied last). */
export function instancesUsing(rt: EmulatorRuntime, projectId: string, id: string): InstanceDoc[] {
  const applied = new Set(
    instanceParams(rt)
      .all({ projectId, where: [{ col: 'config_id', op: '=', value: id }] })
      .map((d) => d.id),
  );
  const withParams = new Set(
    instanceParams(rt)
      .all({ projectId })
      .map((d) => d.id),
  );
  return instances(rt)
    .all({ projectId })
    .filter((i) => applied.has(i.id) || (!withParams.has(i.id) && i.configuration_id === id));
}

/** 4.5.8: a user template back to the system defaults; each changed value is recorded for 4.5.14. */
export function resetTemplate(
  rt: EmulatorRuntime,
  projectId: string,
  id: string,
  now: number,
  freezeInstances: (insts: InstanceDoc[]) => void,
): void {
  const doc = requireUserTemplate(rt, projectId, id, 'reset');
  assertNotApplying(rt, projectId, id, 'reset');
  // Instances created from this template keep the values they were created with.
  freezeInstances(instancesUsing(rt, projectId, id));
  const defaults = defaultsOf({ version: doc.engine_version, mode: doc.mode });
  for (const [name, old] of Object.entries(doc.values)) {
    recordModification(rt, {
      projectId,
      scope: 'template',
      ownerId: id,
      name,
      oldValue: old,
      newValue: defaults[name] ?? '',
      at: now,
    });
  }
  templates(rt).put({ ...doc, values: {}, updated_at: now });
}

/** 4.5.5: never a system template, nor one still applied to an instance or being applied (PARAM-8). */
export function deleteTemplate(rt: EmulatorRuntime, projectId: string, id: string): void {
  requireUserTemplate(rt, projectId, id, 'deleted');
  assertNotApplying(rt, projectId, id, 'deleted');
  const using = instancesUsing(rt, projectId, id);
  if (using.length > 0) {
    throw new ApiError(
      400,
      TEMPLATE_CODES.applied,
      `The parameter template has been applied to ${using.map((i) => i.name).join(', ')}; apply another template to them first.`,
      'config_id',
    );
  }
  templates(rt).delete(projectId, id);
  for (const r of applyRecords(rt).all({ projectId, where: [{ col: 'config_id', op: '=', value: id }] }))
    applyRecords(rt).delete(projectId, r.id);
  for (const r of modifyRecords(rt).all({ projectId, where: [{ col: 'owner_id', op: '=', value: id }] }))
    modifyRecords(rt).delete(projectId, r.id);
}

/** One row of 4.5.9's answer, as its descriptor declares it. */
export type Difference = ResponseOf<Operations['compareParameterTemplates']>['differences'][number];

/** 4.5.9: every parameter whose values differ (a parameter only one side has shows only that side). */
export function compareTemplates(source: Template, target: Template): Difference[] {
  const a = templateValues(source);
  const b = templateValues(target);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names
    .filter((n) => a[n] !== b[n])
    .map((n) => ({
      name: n,
      ...(n in a ? { source_value: a[n] } : {}),
      ...(n in b ? { target_value: b[n] } : {}),
    }));
}

/** Instances a template fits: same engine version and deployment mode, and not being built or failed. */
export function applicableInstances(rt: EmulatorRuntime, projectId: string, t: Template): InstanceDoc[] {
  return instances(rt)
    .find({ projectId, orderBy: [{ col: 'created_at' }] })
    .items.filter(
      (i) =>
        i.datastore.version === t.engine_version &&
        i.mode === t.mode &&
        i.status !== 'BUILD' &&
        i.status !== 'FAILED',
    );
}

export interface ModificationInput {
  projectId: string;
  scope: 'template' | 'instance';
  ownerId: string;
  name: string;
  oldValue: string;
  newValue: string;
  at: number;
  result?: 'SUCCESS' | 'FAILED';
}

export function recordModification(rt: EmulatorRuntime, m: ModificationInput): void {
  modifyRecords(rt).put({
    id: randomUUID(),
    project_id: m.projectId,
    scope: m.scope,
    owner_id: m.ownerId,
    parameter_name: m.name,
    old_value: m.oldValue,
    new_value: m.newValue,
    update_result: m.result ?? 'SUCCESS',
    updated_at: m.at,
  });
}

/**
 * For instance creation (4.4.1/5.1.1 `configuration_id`, 4.7.8): the template must exist in the project and fit
 * the new instance's engine version and mode, else 400 DBS.200057 ("Invalid parameter template ID.").
 */
export function assertCreationTemplate(
  rt: EmulatorRuntime,
  projectId: string,
  configId: string,
  scope: Scope,
): void {
  const t = findTemplate(rt, projectId, configId);
  if (!t)
    throw new ApiError(
      400,
      'DBS.200057',
      `configuration_id: the parameter template ${configId} does not exist`,
      'configuration_id',
    );
  if (t.engine_version !== scope.version || t.mode !== scope.mode) {
    throw new ApiError(
      400,
      'DBS.200057',
      `configuration_id: ${t.name} is a template for GaussDB ${t.engine_version} (${t.mode}), not ${scope.version} (${scope.mode})`,
      'configuration_id',
    );
  }
}
