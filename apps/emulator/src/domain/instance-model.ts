import { defineCollection } from '../store/collection';

// Instance statuses come from the contract, so the emulator and the console share one list (catalog B.1).
export { INSTANCE_STATUSES, type InstanceStatus } from '@gaussdb-console/api-client';
import type { InstanceStatus } from '@gaussdb-console/api-client';

export type HaMode = 'centralization_standard' | 'enterprise' | 'combined';

export type ComponentType = 'CN' | 'DN' | 'CM' | 'GTM' | 'ETCD';

export interface ComponentDoc {
  id: string;
  type: ComponentType;
  role: 'master' | 'slave';
  /** `Primary`, `Standby`, `Normal`, `Down`, `StateLeader`, `StateFollower`, `StateCandidate`. */
  status: string;
  /** Shard group of a DN (`60011`); `""` otherwise. */
  distributed_id: string;
}

export interface NodeDoc {
  id: string;
  name: string;
  /** `cn` nodes take client traffic in distributed instances; `dn` nodes hold data (and CM/ETCD/GTM). */
  kind: 'cn' | 'dn';
  role: 'master' | 'slave';
  /** As the instance list shows it (`ACTIVE`, `BUILD`, `FAILED`, `STOPPED`). */
  status: string;
  availability_zone: string;
  private_ip: string;
  public_ip?: string;
  components: ComponentDoc[];
}

export interface TagDoc {
  key: string;
  value: string;
}

/** An instance as stored: the superset every endpoint's view is computed from. Times are emulator ms. */
export interface InstanceDoc {
  id: string;
  project_id: string;
  name: string;
  status: InstanceStatus;
  created_at: number;
  updated_at: number | null;
  mode: HaMode;
  /** `triset`, `double`, `hcs2`, `hws` (distributed, D.21). */
  solution: string;
  datastore: { type: string; version: string; complete_version: string; hotfix_versions: string };
  ha: { mode: HaMode; consistency: string; replication_mode: string; consistency_protocol: string };
  replica_num: number;
  shard_num: number;
  coordinator_num: number;
  port: number;
  flavor_ref: string;
  vcpus: number;
  ram: number;
  volume: { type: string; size: number };
  region: string;
  /** Requested AZ list as sent (`az1,az1,az1`). */
  availability_zone: string;
  vpc_id: string;
  subnet_id: string;
  security_group_id: string;
  charge_mode: string;
  time_zone: string;
  backup_strategy: { start_time: string; keep_days: number };
  maintenance_window: string;
  configuration_id: string | null;
  disk_encryption_id: string;
  enterprise_project_id: string;
  enable_force_switch: boolean;
  enable_single_float_ip: boolean;
  os_type: string;
  master_az: string | null;
  switch_strategy: string;
  db_user_name: string;
  tags: TagDoc[];
  public_ips: string[];
  nodes: NodeDoc[];
  /** Internal flags for states the enum lacks (catalog D.44). */
  frozen: boolean;
  stopped: boolean;
  /** The operation in progress (its job), if any. */
  pending: { action: string; job_id: string } | null;
}

/** The list's `type` (4.4.4 filter, case-sensitive). */
export function listType(mode: HaMode): string {
  return mode === 'centralization_standard'
    ? 'Centralization_standard'
    : mode === 'combined'
      ? 'Combined'
      : 'Enterprise';
}

/** `|k=v|k2=v2|`: lets `tags=k=v` filter with an indexed LIKE instead of scanning JSON. */
export function tagIndex(tags: readonly TagDoc[]): string {
  return tags.length ? `|${tags.map((t) => `${t.key}=${t.value}`).join('|')}|` : '';
}

export const instancesCollection = defineCollection<InstanceDoc>({
  name: 'instances',
  columns: {
    name: { type: 'TEXT', get: (i) => i.name, search: 'trigram' },
    status: { type: 'TEXT', get: (i) => i.status },
    type: { type: 'TEXT', get: (i) => listType(i.mode) },
    datastore_type: { type: 'TEXT', get: (i) => i.datastore.type.toLowerCase() },
    vpc_id: { type: 'TEXT', get: (i) => i.vpc_id },
    subnet_id: { type: 'TEXT', get: (i) => i.subnet_id },
    charge_mode: { type: 'TEXT', get: (i) => i.charge_mode },
    tags: { type: 'TEXT', get: (i) => tagIndex(i.tags) },
    created_at: { type: 'INTEGER', get: (i) => i.created_at },
  },
  // `tags=k=v` filters look `k=v` up in an index instead of scanning every instance's tags.
  sets: { tag: (i) => i.tags.map((t) => `${t.key}=${t.value}`) },
});
