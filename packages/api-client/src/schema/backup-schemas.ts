import type { z } from 'zod';
import { bool, int, num, obj, opt, str } from './tolerant';

/** Tolerant response entities of the backup and restore sections, 4.7.x. */
// ---- entities ----------------------------------------------------------------------------------

/** Automatic backup policy (4.7.2). `differential_period` is declared a String but arrives as a number. */
export const backupPolicySchema = obj({
  keep_days: int(),
  start_time: opt(str()),
  period: opt(str()),
  differential_period: opt(str()),
  rate_limit: opt(int()),
  prefetch_block: opt(int()),
  /** Deprecated spelling (L5385); read `file_split_size`. */
  filesplit_size: opt(int()),
  file_split_size: opt(int()),
  enable_standby_backup: opt(bool()),
});
export type BackupPolicy = z.output<typeof backupPolicySchema>;

export const BACKUP_STATUSES = ['BUILDING', 'COMPLETED', 'FAILED'] as const;
/** A full backup (4.7.3 list item; 4.7.4 returns the same shape without end_time/size/datastore). */
export const backupSchema = obj({
  id: str(),
  name: opt(str()),
  description: opt(str()),
  begin_time: opt(str()),
  end_time: opt(str()),
  status: opt(str()),
  /** MB. */
  size: opt(num()),
  type: opt(str()),
  datastore: opt(obj({ type: opt(str()), version: opt(str()) })),
  instance_id: opt(str()),
});
export type Backup = z.output<typeof backupSchema>;

/** A downloadable file of a backup (4.7.5); `size` in KB. */
export const backupFileSchema = obj({
  name: str(),
  size: opt(num()),
  download_link: str(),
  link_expired_time: opt(str()),
});
export type BackupFile = z.output<typeof backupFileSchema>;

/** A restorable interval, epoch milliseconds UTC (4.7.7). */
export const restoreTimeRangeSchema = obj({ start_time: num(), end_time: num() });
export type RestoreTimeRange = z.output<typeof restoreTimeRangeSchema>;

/** An instance that can receive a restore (4.7.9). `version` is a JSON number there (`1.3`). */
export const restorableInstanceSchema = obj({
  instance_id: str(),
  instance_name: opt(str()),
  volume_type: opt(str()),
  data_volume_size: opt(num()),
  version: opt(str()),
  mode: opt(str()),
  instance_mode: opt(str()),
});
export type RestorableInstance = z.output<typeof restorableInstanceSchema>;

/** The source instance's shape at a backup or point in time (4.7.10). */
export const instanceSnapshotSchema = obj({
  cluster_mode: opt(str()),
  instance_mode: opt(str()),
  /** GB; a String here, a Number in 4.7.9 (D.13). */
  data_volume_size: opt(num()),
  solution: opt(str()),
  node_num: opt(int()),
  coordinator_num: opt(int()),
  sharding_num: opt(int()),
  replica_num: opt(int()),
  engine_version: opt(str()),
});
export type InstanceSnapshot = z.output<typeof instanceSnapshotSchema>;

/** The instance 4.7.8 starts building. */
export const restoredInstanceSchema = obj({
  id: str(),
  name: opt(str()),
  status: opt(str()),
  datastore: opt(obj({ type: opt(str()), version: opt(str()) })),
  ha: opt(obj({ mode: opt(str()), replication_mode: opt(str()), consistency: opt(str()) })),
  port: opt(str()),
  volume: opt(obj({ type: opt(str()), size: opt(num()) })),
  /** Deprecated by the reference (L6085): ignore. */
  backup_strategy: opt(obj({ start_time: opt(str()), keep_days: opt(int()) })),
  replica_num: opt(int()),
  region: opt(str()),
  flavor_ref: opt(str()),
  availability_zone: opt(str()),
  vpc_id: opt(str()),
  subnet_id: opt(str()),
  security_group_id: opt(str()),
  charge_info: opt(obj({ charge_mode: opt(str()) })),
  enable_parallel_restore: opt(bool()),
});
export type RestoredInstance = z.output<typeof restoredInstanceSchema>;
