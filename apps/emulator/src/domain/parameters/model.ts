import type { EmulatorRuntime } from '../../runtime';
import { defineCollection } from '../../store/collection';
import type { HaMode } from '../instance-model';

/** A user-defined parameter template (system templates are computed, see ./system-templates.ts). */
export interface TemplateDoc {
  id: string;
  project_id: string;
  name: string;
  description: string;
  engine_version: string;
  mode: HaMode;
  /** Values that differ from the system defaults of (engine_version, mode). */
  values: Record<string, string>;
  created_at: number;
  updated_at: number;
}

/**
 * The parameters of one instance once they differ from its base (the template it was created with, else the
 * system default). Absent until the first change: until then the instance reads its base.
 */
export interface InstanceParamsDoc {
  /** The instance id. */
  id: string;
  project_id: string;
  /** The template last applied (or the creation template); null = the system default. */
  config_id: string | null;
  /** Values that differ from the system defaults of the instance's version and mode. */
  values: Record<string, string>;
  /** A changed POSTMASTER parameter waits for a restart since this time (emulator ms); null = none. */
  pending_restart_since: number | null;
  /** Names of the changed parameters that wait for the restart. */
  pending_restart_names: string[];
  created_at: number;
  updated_at: number;
}

export type ApplyResult = 'SUCCESS' | 'FAILED' | 'APPLYING';

/** One application of a template to one instance (4.5.13). */
export interface ApplyRecordDoc {
  id: string;
  project_id: string;
  config_id: string;
  instance_id: string;
  instance_name: string;
  job_id: string;
  apply_result: ApplyResult;
  applied_at: number;
  error_code: string | null;
}

/**
 * One change of one parameter: of a template (4.5.14, `scope` template) or of an instance (4.5.3 and template
 * applications, `scope` instance; kept for the instance's own history).
 */
export interface ModifyRecordDoc {
  id: string;
  project_id: string;
  scope: 'template' | 'instance';
  /** Template id or instance id. */
  owner_id: string;
  parameter_name: string;
  old_value: string;
  new_value: string;
  update_result: 'SUCCESS' | 'FAILED';
  updated_at: number;
}

export const templatesCollection = defineCollection<TemplateDoc>({
  name: 'parameter_templates',
  columns: {
    name: { type: 'TEXT', get: (t) => t.name },
    engine_version: { type: 'TEXT', get: (t) => t.engine_version },
    created_at: { type: 'INTEGER', get: (t) => t.created_at },
  },
});

export const instanceParamsCollection = defineCollection<InstanceParamsDoc>({
  name: 'instance_parameters',
  columns: {
    config_id: { type: 'TEXT', get: (d) => d.config_id },
    // Only instances waiting for a restart: the sweeper's query touches nothing else.
    pending_restart_since: { type: 'INTEGER', get: (d) => d.pending_restart_since },
  },
});

export const applyRecordsCollection = defineCollection<ApplyRecordDoc>({
  name: 'parameter_apply_records',
  columns: {
    config_id: { type: 'TEXT', get: (r) => r.config_id },
    instance_id: { type: 'TEXT', get: (r) => r.instance_id },
    job_id: { type: 'TEXT', get: (r) => r.job_id },
    apply_result: { type: 'TEXT', get: (r) => r.apply_result },
    applied_at: { type: 'INTEGER', get: (r) => r.applied_at },
  },
});

export const modifyRecordsCollection = defineCollection<ModifyRecordDoc>({
  name: 'parameter_modify_records',
  columns: {
    owner_id: { type: 'TEXT', get: (r) => r.owner_id },
    scope: { type: 'TEXT', get: (r) => r.scope },
    updated_at: { type: 'INTEGER', get: (r) => r.updated_at },
  },
});

export const templates = (rt: EmulatorRuntime) => rt.store.collection(templatesCollection);
export const instanceParams = (rt: EmulatorRuntime) => rt.store.collection(instanceParamsCollection);
export const applyRecords = (rt: EmulatorRuntime) => rt.store.collection(applyRecordsCollection);
export const modifyRecords = (rt: EmulatorRuntime) => rt.store.collection(modifyRecordsCollection);

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy-MM-dd HH:mm:ss` (UTC): 4.5.1 and 4.5.2 `created`/`updated`. */
export function plainDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `yyyy-mm-ddThh:mm:ss+0000`: the reference's `yyyy-mm-ddThh:mm:ssZ` with Z an offset (4.5.4, 4.5.6, 4.5.13). */
export function offsetDateTime(ms: number): string {
  return `${plainDateTime(ms).replace(' ', 'T')}+0000`;
}
