import { ApiError } from '../../http/errors';
import { registerSweeper } from '../../jobs/effects';
import { jobsCollection } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import type { InstanceDoc } from '../instance-model';
import { BUSY_STATUSES, onInstanceRemoved } from '../instance-state';
import {
  defaultsOf,
  findParameter,
  parametersOf,
  validateValues,
  type ResolvedGuc,
  type Scope,
} from './catalog';
import { instanceParams, modifyRecords, type InstanceParamsDoc, type ModifyRecordDoc } from './model';
import { defaultTemplateFor } from './system-templates';
import { findTemplate, overridesOf, recordModification } from './templates';

/**
 * The parameters in effect on an instance (4.5.2) and their changes (4.5.3, template applications). An instance
 * starts from the template it was created with (`configuration_id`) or its version's system default; the first
 * change stores its own copy, so later template resets never reach it.
 */

export const instanceScope = (inst: InstanceDoc): Scope => ({
  version: inst.datastore.version,
  mode: inst.mode,
});

/** Tasks whose completion restarts the database processes (a pending POSTMASTER change then takes effect). */
const RESTARTING_JOBS = ['RestartGaussDBV5Instance', 'ResizeGaussDBV5Flavor', 'UpgradeGaussDBV5Instance'];

/** The template the instance's values came from, and those values (over the system defaults). */
function base(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
): { configId: string | null; values: Record<string, string> } {
  const t = inst.configuration_id ? findTemplate(rt, inst.project_id, inst.configuration_id) : undefined;
  if (t && t.engine_version === inst.datastore.version && t.mode === inst.mode)
    return { configId: t.id, values: { ...t.values } };
  return { configId: defaultTemplateFor(instanceScope(inst))?.id ?? null, values: {} };
}

export interface InstanceParameterState {
  configId: string | null;
  values: Record<string, string>;
  created_at: number;
  updated_at: number;
  pendingRestartSince: number | null;
  pendingRestartNames: string[];
}

export function instanceParameterState(rt: EmulatorRuntime, inst: InstanceDoc): InstanceParameterState {
  const doc = instanceParams(rt).get(inst.project_id, inst.id);
  const all = defaultsOf(instanceScope(inst));
  const own = doc ? doc.values : base(rt, inst).values;
  for (const [k, v] of Object.entries(own)) if (k in all) all[k] = v;
  return {
    configId: doc ? doc.config_id : base(rt, inst).configId,
    values: all,
    created_at: doc?.created_at ?? inst.created_at,
    updated_at: doc?.updated_at ?? inst.updated_at ?? inst.created_at,
    pendingRestartSince: doc?.pending_restart_since ?? null,
    pendingRestartNames: doc?.pending_restart_names ?? [],
  };
}

/** Whether a changed parameter of the instance waits for a restart (no reference field carries it; for other areas). */
export function instancePendingRestart(
  rt: EmulatorRuntime,
  projectId: string,
  instanceId: string,
): { since: number; names: string[] } | null {
  const doc = instanceParams(rt).get(projectId, instanceId);
  return doc?.pending_restart_since != null
    ? { since: doc.pending_restart_since, names: [...doc.pending_restart_names] }
    : null;
}

/** The parameters with their resolved catalogue entries, in catalogue order. */
export function instanceParameterList(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
): { state: InstanceParameterState; params: { p: ResolvedGuc; value: string }[] } {
  const state = instanceParameterState(rt, inst);
  return {
    state,
    params: parametersOf(instanceScope(inst)).map((p) => ({
      p,
      value: state.values[p.spec.name] ?? p.default,
    })),
  };
}

/** Stores the current values of instances that still read them from their base (before the base changes). */
export function freezeInstanceParameters(rt: EmulatorRuntime, insts: readonly InstanceDoc[]): void {
  const col = instanceParams(rt);
  for (const inst of insts) {
    if (col.get(inst.project_id, inst.id)) continue;
    const b = base(rt, inst);
    const at = inst.created_at;
    col.put({
      id: inst.id,
      project_id: inst.project_id,
      config_id: b.configId,
      values: b.values,
      pending_restart_since: null,
      pending_restart_names: [],
      created_at: at,
      updated_at: inst.updated_at ?? at,
    });
  }
}

/** Statuses in which parameters may be changed. */
const MODIFIABLE = ['ACTIVE', 'STORAGE FULL', 'UPGRADE TO BE OBSERVED'];

export function assertParametersModifiable(inst: InstanceDoc): void {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', 'The DB instance is frozen; its parameters cannot be changed.');
  if (inst.pending || BUSY_STATUSES.includes(inst.status)) {
    throw new ApiError(
      409,
      'DBS.212033',
      `Failed to change parameter values because the DB instance is currently being operated (status ${inst.status}).`,
    );
  }
  if (!MODIFIABLE.includes(inst.status)) {
    throw new ApiError(
      400,
      'DBS.200086',
      `This operation (modify parameters) is not allowed by the DB instance status ${inst.status}.`,
    );
  }
}

export interface ChangeOutcome {
  changed: { name: string; old: string; new: string; restart: boolean }[];
  restartRequired: boolean;
}

/**
 * Writes new values (already validated and normalised) to the instance: records each change in the instance's
 * history, and marks the instance as waiting for a restart when a POSTMASTER parameter changed.
 */
export function setInstanceValues(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  values: Record<string, string>,
  now: number,
  configId?: string | null,
): ChangeOutcome {
  const scope = instanceScope(inst);
  const state = instanceParameterState(rt, inst);
  const doc = instanceParams(rt).get(inst.project_id, inst.id);
  const changed: ChangeOutcome['changed'] = [];
  const next = { ...state.values };
  for (const [name, value] of Object.entries(values)) {
    const old = state.values[name];
    if (old === undefined || old === value) continue;
    next[name] = value;
    changed.push({ name, old, new: value, restart: findParameter(scope, name)?.restart ?? false });
  }
  for (const c of changed)
    recordModification(rt, {
      projectId: inst.project_id,
      scope: 'instance',
      ownerId: inst.id,
      name: c.name,
      oldValue: c.old,
      newValue: c.new,
      at: now,
    });
  const restartNames = changed.filter((c) => c.restart).map((c) => c.name);
  const pendingNames = [...new Set([...state.pendingRestartNames, ...restartNames])];
  const stored: InstanceParamsDoc = {
    id: inst.id,
    project_id: inst.project_id,
    config_id: configId === undefined ? state.configId : configId,
    values: overridesOf(scope, next),
    pending_restart_since:
      restartNames.length > 0 ? (state.pendingRestartSince ?? now) : state.pendingRestartSince,
    pending_restart_names: pendingNames,
    created_at: doc?.created_at ?? state.created_at,
    updated_at: changed.length > 0 || configId !== undefined ? now : state.updated_at,
  };
  instanceParams(rt).put(stored);
  return { changed, restartRequired: restartNames.length > 0 };
}

/** 4.5.3: validate every value against the instance's version (all or nothing), then write them. */
export function modifyInstanceParameters(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  values: Record<string, string>,
  now: number,
): ChangeOutcome {
  assertParametersModifiable(inst);
  const normalised = validateValues(instanceScope(inst), values, 'values');
  return setInstanceValues(rt, inst, normalised, now);
}

/** The instance's own change history, newest first (no reference endpoint reads it; kept for the console). */
export function instanceModifyHistory(
  rt: EmulatorRuntime,
  projectId: string,
  instanceId: string,
): ModifyRecordDoc[] {
  return modifyRecords(rt).all({
    projectId,
    where: [
      { col: 'owner_id', op: '=', value: instanceId },
      { col: 'scope', op: '=', value: 'instance' },
    ],
    orderBy: [{ col: 'updated_at', desc: true }],
  });
}

// A restart (or a task that restarts the processes) that started after the change makes it effective.
registerSweeper('parameters-pending-restart', (rt) => {
  const waiting = instanceParams(rt).all({ where: [{ col: 'pending_restart_since', op: '>=', value: 0 }] });
  if (waiting.length === 0) return;
  const jobs = rt.store.collection(jobsCollection);
  for (const doc of waiting) {
    const since = doc.pending_restart_since ?? 0;
    const done = jobs
      .all({
        projectId: doc.project_id,
        where: [
          { col: 'instance_id', op: '=', value: doc.id },
          { col: 'status', op: '=', value: 'Completed' },
          { col: 'created_at', op: '>=', value: since },
        ],
      })
      .some((j) => RESTARTING_JOBS.includes(j.name));
    if (done) instanceParams(rt).put({ ...doc, pending_restart_since: null, pending_restart_names: [] });
  }
});

onInstanceRemoved((rt, inst) => {
  instanceParams(rt).delete(inst.project_id, inst.id);
  for (const r of modifyRecords(rt).all({
    projectId: inst.project_id,
    where: [{ col: 'owner_id', op: '=', value: inst.id }],
  }))
    modifyRecords(rt).delete(inst.project_id, r.id);
});
