import { createHash } from 'node:crypto';
import type { EmulatorRuntime } from '../../runtime';
import { defineCollection } from '../../store/collection';
import { onInstanceRemoved } from '../instance-state';
import type { AdvancedFeatureName } from './contract-rules';

/**
 * What the day-2 operations remember about an instance beyond the core instance document: one document per
 * instance (same id and project), created on first use. Keeping it apart leaves the core model untouched.
 */
export interface PublicIpBinding {
  node_id: string;
  public_ip: string;
  public_ip_id: string;
  /** Emulator ms when the binding completed. */
  applied_at: number;
  bandwidth_size: number;
}

export interface UpgradeProgress {
  type: 'grey';
  source_version: string;
  target_version: string;
  /** Shards already upgraded (distributed); centralized instances upgrade their one shard at once. */
  upgraded_shards: number;
  /** AZs whose nodes are upgraded. */
  upgraded_azs: string[];
}

export interface AutoEnlargePolicy {
  switch_option: boolean;
  limit_volume_size: number;
  trigger_available_percent: number;
  step_size: number | null;
  step_percent: number | null;
}

/** Data on an instance's disk: `used_gb` at time `at`, growing `gb_per_day` from then until `until` (null: on). */
export interface DataUsage {
  used_gb: number;
  at: number;
  gb_per_day: number;
  /** When the growth stops (a data load that ends); absent or null: it goes on. */
  until?: number | null;
}

export interface InstanceOpsDoc {
  id: string;
  project_id: string;
  /** sha256 of the root password set by the last reset (the create password is not kept by the core). */
  root_password_hash: string | null;
  features: Partial<Record<AdvancedFeatureName, 'on' | 'off'>>;
  /** Node whose DN runs as a log-only replica (1 primary + 1 standby + 1 logger). */
  logger_node_id: string | null;
  upgrade: UpgradeProgress | null;
  public_ips: PublicIpBinding[];
  auto_enlarge: AutoEnlargePolicy | null;
  /** The disk model's record (instance-ops/volume.ts): GB used at `at`, growing `gb_per_day` until `until`. */
  usage: DataUsage | null;
}

export const instanceOpsCollection = defineCollection<InstanceOpsDoc>({
  name: 'instance_ops',
  columns: {
    // Lets the public-IP check find an address bound anywhere in the project without scanning documents.
    public_ips: {
      type: 'TEXT',
      get: (d) => (d.public_ips.length ? `|${d.public_ips.map((b) => b.public_ip).join('|')}|` : ''),
    },
    // The volume sweeper visits only instances whose data grows.
    growing: { type: 'INTEGER', get: (d) => ((d.usage?.gb_per_day ?? 0) > 0 ? 1 : 0) },
  },
});

const blank = (projectId: string, instanceId: string): InstanceOpsDoc => ({
  id: instanceId,
  project_id: projectId,
  root_password_hash: null,
  features: {},
  logger_node_id: null,
  upgrade: null,
  public_ips: [],
  auto_enlarge: null,
  usage: null,
});

export function opsCollection(rt: EmulatorRuntime) {
  return rt.store.collection(instanceOpsCollection);
}

/** The instance's day-2 state (a blank one when nothing was recorded yet). */
export function getOps(rt: EmulatorRuntime, projectId: string, instanceId: string): InstanceOpsDoc {
  return opsCollection(rt).get(projectId, instanceId) ?? blank(projectId, instanceId);
}

/** Read-modify-write of the instance's day-2 state. */
export function updateOps(
  rt: EmulatorRuntime,
  projectId: string,
  instanceId: string,
  fn: (doc: InstanceOpsDoc) => InstanceOpsDoc,
): InstanceOpsDoc {
  return opsCollection(rt).put(fn(getOps(rt, projectId, instanceId)));
}

export function passwordHash(instanceId: string, password: string): string {
  return createHash('sha256').update(`${instanceId}\u0000${password}`).digest('hex');
}

// An instance removed for good takes its day-2 state with it (freeing its public IPs).
onInstanceRemoved((rt, inst) => {
  opsCollection(rt).delete(inst.project_id, inst.id);
});
