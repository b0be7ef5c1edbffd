import { DAY, MINUTE } from '../../clock/clock';
import type { EmulatorRuntime } from '../../runtime';
import { defineCollection } from '../../store/collection';
import { findFlavor } from '../flavors';
import { stableInt } from '../ids';
import type { HaMode, InstanceDoc } from '../instance-model';
import { usedGb } from '../instance-ops/volume';

/**
 * What the backup area stores: backups (full automatic, full manual, incremental) and one policy document per
 * instance that also carries the automatic schedule's progress. Times are emulator-clock epoch ms.
 */

export type BackupKind = 'auto' | 'manual' | 'incremental';
export type BackupStatus = 'BUILDING' | 'COMPLETED' | 'FAILED';

/**
 * The source instance's shape when the backup was taken: what 4.7.10 answers, what 4.7.8/4.7.9 compare a
 * target with, and what a backup of a deleted instance still knows.
 */
export interface SourceShape {
  instance_id: string;
  instance_name: string;
  mode: HaMode;
  solution: string;
  consistency: string;
  replication_mode: string;
  consistency_protocol: string;
  version: string;
  complete_version: string;
  flavor_ref: string;
  vcpus: number;
  ram: number;
  arch: 'x86' | 'arm';
  volume_type: string;
  /** GB of disk the instance had. */
  volume_size: number;
  /** GB of data in the instance at that point: the disk a restore target needs at least. */
  data_gb: number;
  shard_num: number;
  coordinator_num: number;
  replica_num: number;
  node_num: number;
  availability_zone: string;
  master_az: string | null;
  port: number;
  time_zone: string;
  enterprise_project_id: string;
}

export interface BackupDoc {
  id: string;
  project_id: string;
  instance_id: string;
  instance_name: string;
  name: string;
  description: string | null;
  type: BackupKind;
  status: BackupStatus;
  begin_at: number;
  end_at: number | null;
  /** When a BUILDING automatic backup completes (manual ones complete with their job). */
  due_at: number | null;
  /** MB. */
  size_mb: number;
  job_id: string | null;
  /** Why it failed; on a BUILDING automatic backup, the reason it will fail with when it ends. */
  fail_reason: string | null;
  /** The final backup an instance leaves in the recycle bin: kept while the recycle-bin entry exists. */
  recycle: boolean;
  source: SourceShape;
}

export const backupsCollection = defineCollection<BackupDoc>({
  name: 'backups',
  columns: {
    instance_id: { type: 'TEXT', get: (b) => b.instance_id },
    type: { type: 'TEXT', get: (b) => b.type },
    status: { type: 'TEXT', get: (b) => b.status },
    name: { type: 'TEXT', get: (b) => b.name },
    begin_at: { type: 'INTEGER', get: (b) => b.begin_at },
    // Only BUILDING automatic backups have a due time: the sweeper's query touches nothing else.
    due_at: { type: 'INTEGER', get: (b) => (b.status === 'BUILDING' ? b.due_at : null) },
    recycle: { type: 'INTEGER', get: (b) => (b.recycle ? 1 : 0) },
  },
});

/** The automatic backup policy of 4.7.1/4.7.2 plus the schedule's progress. `id` is the instance id. */
export interface BackupPolicyDoc {
  id: string;
  project_id: string;
  keep_days: number;
  /** `hh:00-HH:00` UTC. */
  start_time: string;
  /** Full-backup weekdays, `1` = Monday. */
  period: string;
  /** Minutes between incremental backups. */
  differential_period: string;
  rate_limit: number;
  prefetch_block: number;
  file_split_size: number;
  enable_standby_backup: boolean;
  /** The last full-backup slot the schedule has dealt with. */
  last_full_slot: number;
  /** The last incremental slot the schedule has dealt with. */
  last_incr_slot: number;
  /** A new instance gets a full backup as soon as it is ACTIVE (restore windows start there). */
  initial_backup_done: boolean;
  /** When expired backups were last looked for (absent in documents written before it existed). */
  last_pruned?: number;
  /**
   * End of the earliest COMPLETED full backup: incremental backups need one before them. Kept here so the
   * schedule does not query backups on every slot (undefined: not known yet, looked up once).
   */
  full_since?: number | null;
  /** When the schedule next has something to do for this instance. */
  next_due: number;
}

export const backupPoliciesCollection = defineCollection<BackupPolicyDoc>({
  name: 'backup_policies',
  columns: {
    next_due: { type: 'INTEGER', get: (p) => p.next_due },
  },
});

export const backups = (rt: EmulatorRuntime) => rt.store.collection(backupsCollection);
export const policies = (rt: EmulatorRuntime) => rt.store.collection(backupPoliciesCollection);

export const isFull = (b: BackupDoc) => b.type !== 'incremental';

/** Backup times are whole seconds, as the wire shows them (restore ranges start exactly at a shown end time). */
export const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

// ---- data, sizes and durations -------------------------------------------------------------------

/**
 * GB of data in the instance at time `t`: the usage the volume model shows, a little less the further back `t`
 * lies (data grows), never below what an empty instance holds.
 */
export function dataGbAt(rt: EmulatorRuntime, inst: InstanceDoc, t: number): number {
  const now = rt.clock.now();
  const growth = 1 - Math.min(0.5, 0.006 * Math.max(0, (now - t) / DAY));
  return Math.max(0.4, usedGb(rt, inst, Math.min(t, now)) * growth);
}

/** A full backup's size (MB): compressed data, a stable jitter per backup. */
export function fullBackupSizeMb(dataGb: number, key: string): number {
  const ratio = 0.38 + stableInt(`${key}:ratio`, 100) / 1000;
  return Math.round(dataGb * 1024 * ratio * 10) / 10;
}

/** An incremental backup's size (MB): the WAL written during the interval. */
export function incrementalSizeMb(dataGb: number, periodMin: number, key: string): number {
  const rate = 0.0008 + stableInt(`${key}:wal`, 100) / 50_000;
  return Math.max(1, Math.round(dataGb * 1024 * rate * (periodMin / 30) * 10) / 10);
}

/** How long a full backup runs: a fixed set-up plus the data read at ~120 MB/s per shard (in parallel). */
export function fullBackupDurationMs(dataGb: number, shards: number): number {
  return 3 * MINUTE + Math.round((dataGb * 1024) / (120 * Math.max(1, shards))) * 1000;
}

export function shapeOf(inst: InstanceDoc, dataGb: number): SourceShape {
  return {
    instance_id: inst.id,
    instance_name: inst.name,
    mode: inst.mode,
    solution: inst.solution,
    consistency: inst.ha.consistency,
    replication_mode: inst.ha.replication_mode,
    consistency_protocol: inst.ha.consistency_protocol,
    version: inst.datastore.version,
    complete_version: inst.datastore.complete_version,
    flavor_ref: inst.flavor_ref,
    vcpus: inst.vcpus,
    ram: inst.ram,
    arch: findFlavor(inst.flavor_ref)?.arch ?? 'x86',
    volume_type: inst.volume.type,
    volume_size: inst.volume.size,
    data_gb: Math.round(dataGb * 10) / 10,
    shard_num: inst.shard_num,
    coordinator_num: inst.coordinator_num,
    replica_num: inst.replica_num,
    node_num: inst.nodes.length,
    availability_zone: inst.availability_zone,
    master_az: inst.master_az,
    port: inst.port,
    time_zone: inst.time_zone,
    enterprise_project_id: inst.enterprise_project_id,
  };
}

// ---- wire formats ---------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2022-05-09T08:01:10+0000`: the reference's `yyyy-mm-ddThh:mm:ssZ` with Z an offset, as in its examples. */
export function offsetTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+0000`;
}

/** `20220509080110906`: the stamp automatic backup names and slow-log files end with. */
export function compactStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(d.getUTCMilliseconds(), 3)}`;
}

/** The type a list item shows: the reference's `auto`/`manual`, `Log_Xbsa` for incremental ones (D.59). */
export const wireType = (b: BackupDoc) => (b.type === 'incremental' ? 'Log_Xbsa' : b.type);

/** 4.7.3 list item. */
export function backupView(b: BackupDoc) {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    begin_time: offsetTime(b.begin_at),
    end_time: b.end_at === null ? null : offsetTime(b.end_at),
    status: b.status,
    size: b.size_mb,
    type: wireType(b),
    datastore: { type: 'GaussDB', version: b.source.version },
    instance_id: b.instance_id,
  };
}

/** 4.7.4 answer: the new backup without end time, size or datastore. */
export function createdBackupView(b: BackupDoc) {
  return {
    id: b.id,
    name: b.name,
    description: b.description,
    begin_time: offsetTime(b.begin_at),
    status: b.status,
    type: wireType(b),
    instance_id: b.instance_id,
  };
}
