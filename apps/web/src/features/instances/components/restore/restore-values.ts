import type { Backup, Instance, InstanceSnapshot } from '@gaussdb-console/api-client/browser';
import { operations } from '@gaussdb-console/api-client/browser';
import { toRestorePointBody, type RestorePoint } from '../../../backups/api/restore-point';
import type { RestoreToNewRequest } from '../../api/use-restore-instance';
import { instanceAzs } from '../../lib/instance-azs';
import { volumeRule } from '../create/rule-text';
import { TIME_ZONES } from '../create/step-options';
import { defaultValues, shardCount, type WizardValues } from '../create/wizard-values';

/**
 * The restore-to-new-instance flow (4.7.8) keeps the create wizard's form values (so its placement,
 * storage and access steps work unchanged) and sends a restore body built from them.
 */

export const RESTORE_STEPS = ['source', 'placement', 'storage', 'access', 'options', 'summary'] as const;
export type RestoreStepId = (typeof RESTORE_STEPS)[number];

export const RESTORE_STEP_FIELDS: Record<RestoreStepId, string[]> = {
  source: ['name', 'restore_point'],
  placement: ['availability_zone', 'flavor_ref'],
  storage: ['volume.type', 'volume.size', 'volume'],
  access: ['vpc_id', 'subnet_id', 'security_group_id', 'port', 'password', 'password_confirm'],
  options: ['configuration_id', 'time_zone'],
  summary: [],
};

export function restoreStepOfPath(path: string): RestoreStepId | undefined {
  return RESTORE_STEPS.find((s) =>
    RESTORE_STEP_FIELDS[s].some((f) => path === f || path.startsWith(`${f}.`)),
  );
}

/** The disk types 4.7.8 accepts (the contract's enum). */
export const RESTORE_VOLUME_TYPES: readonly string[] =
  operations.restoreToNewInstance.body.shape.volume.shape.type.options;

/** What the page knows about the source: the restore point, the shape at that point, and what still exists. */
export interface RestoreSourceFacts {
  point: RestorePoint;
  snapshot: InstanceSnapshot | undefined;
  /** The source instance, when it still exists. */
  instance: Instance | undefined;
  /** The backup restored from (type backup). */
  backup: Backup | null | undefined;
  /** The source's name when it no longer exists (from the recycle bin's link). */
  name?: string;
}

/** `8.201.0.100` → `8.201`: the version the flavor and storage lists are asked for. */
export const majorVersion = (v: string | null | undefined) => (v ?? '').split('.').slice(0, 2).join('.');

export const sourceName = (f: RestoreSourceFacts) => f.instance?.name ?? f.name ?? f.point.instanceId;

/** The engine version of the source: the instance's, else the backup's, else the snapshot's. */
export function sourceVersion(f: RestoreSourceFacts): string {
  return (
    f.instance?.datastore?.version ?? f.backup?.datastore?.version ?? majorVersion(f.snapshot?.engine_version)
  );
}

/** Deployment of the source from 4.7.10 (`Ha` / `Independent`), else from the instance. */
export function sourceMode(f: RestoreSourceFacts): WizardValues['ha']['mode'] {
  const cluster = f.snapshot?.cluster_mode?.toLowerCase();
  if (cluster) return cluster === 'ha' ? 'centralization_standard' : 'enterprise';
  return (f.instance?.ha?.mode ?? '').toLowerCase().startsWith('enterprise')
    ? 'enterprise'
    : 'centralization_standard';
}

/** The disk the new instance needs at least: the source's (4.7.8 "大于等于原实例"). */
export const sourceDiskGb = (f: RestoreSourceFacts) =>
  Number(f.snapshot?.data_volume_size ?? f.instance?.volume?.size ?? 0) || 0;

/** The source's flavor in vCPUs and GB, when the instance still exists: smaller flavors cannot take its data. */
export function sourceFlavor(f: RestoreSourceFacts): { vcpus: number; ram: number } | undefined {
  const info = f.instance?.flavor_info;
  const vcpus = Number(info?.vcpu);
  const ram = Number(info?.mem);
  return Number.isFinite(vcpus) && Number.isFinite(ram) && vcpus > 0 ? { vcpus, ram } : undefined;
}

/** A name for the new instance that keeps the rule (a letter first, ≤ 64 characters). */
export function restoredName(source: string): string {
  const base = /^[A-Za-z]/.test(source) ? source.replace(/[^A-Za-z0-9_-]/g, '-') : `restored-${source}`;
  return `${base.slice(0, 55)}-restored`;
}

/**
 * The form prefilled from the source (4.7.10 shape, and the instance itself when it still exists): its
 * kind and shards, a name, its AZs, flavor, disk, network, port and time zone. The password is never
 * copied: the DBA sets a new one.
 */
export function prefill(f: RestoreSourceFacts): WizardValues {
  const v = defaultValues();
  const inst = f.instance;
  v.name = restoredName(sourceName(f));
  v.datastore.version = sourceVersion(f);
  v.ha.mode = sourceMode(f);
  v.solution = f.snapshot?.solution === 'double' || inst?.solution === 'double' ? 'double' : 'triset';
  if (f.snapshot?.sharding_num) v.sharding_num = String(f.snapshot.sharding_num);
  if (f.snapshot?.coordinator_num) v.coordinator_num = String(f.snapshot.coordinator_num);
  const azs = inst ? instanceAzs(inst) : [];
  if (azs.length === 1) {
    v.az_layout = 'same';
    v.availability_zone = [azs[0], azs[0], azs[0]].join(',');
  } else if (azs.length === 3) {
    v.az_layout = 'different';
    v.availability_zone = azs.join(',');
  }
  if (inst?.flavor_ref) v.flavor_ref = inst.flavor_ref;
  v.volume.type = RESTORE_VOLUME_TYPES[0] ?? '';
  const rule = volumeRule(shardCount(v), sourceDiskGb(f));
  v.volume.size = String(rule.min);
  v.vpc_id = inst?.vpc_id ?? '';
  v.subnet_id = inst?.subnet_id ?? '';
  v.security_group_id = inst?.security_group_id ?? '';
  if (inst?.port !== undefined && inst.port !== null) v.port = String(inst.port);
  const zone = inst?.time_zone === 'UTC' ? 'UTC+00:00' : inst?.time_zone;
  if (zone && (TIME_ZONES as readonly string[]).includes(zone)) v.time_zone = zone;
  return v;
}

/** Digits become a number; anything else is sent as typed so the contract names the mistake. */
const integer = (s: string): number | string => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : s);

/** The exact 4.7.8 body the flow sends (and shows on its summary). */
export function toRestoreBody(v: WizardValues, point: RestorePoint): RestoreToNewRequest {
  const body: Record<string, unknown> = {
    name: v.name,
    availability_zone: v.availability_zone,
    flavor_ref: v.flavor_ref,
    volume: { type: v.volume.type, size: integer(v.volume.size) },
    vpc_id: v.vpc_id.trim(),
    subnet_id: v.subnet_id.trim(),
    password: v.password,
    restore_point: toRestorePointBody(point),
  };
  if (v.security_group_id.trim()) body.security_group_id = v.security_group_id.trim();
  if (v.configuration_id) body.configuration_id = v.configuration_id;
  if (v.port.trim()) body.port = v.port.trim();
  if (v.time_zone) body.time_zone = v.time_zone;
  return body as unknown as RestoreToNewRequest;
}
