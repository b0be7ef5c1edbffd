import { z } from 'zod';
import { bool, int, list, num, obj, opt, str } from './tolerant';

/**
 * Tolerant RESPONSE schemas of the instance, flavor and storage sections (4.2–4.4), with the entity
 * types the emulator and the web use. Field names are the reference's; spellings and shapes the examples
 * disagree on are accepted both ways (decisions/10-instances.md, TYPE-*).
 */

/** Instance statuses of 4.4.4 (catalog B.1). Three contain spaces; compare them verbatim. */
export const INSTANCE_STATUSES = [
  'BUILD',
  'ACTIVE',
  'FAILED',
  'MODIFYING',
  'EXPANDING',
  'REBOOTING',
  'UPGRADING',
  'RESTORING',
  'SWITCHOVER',
  'MIGRATING',
  'BACKING UP',
  'UPGRADE TO BE OBSERVED',
  'STORAGE FULL',
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** The statuses in which an operation runs on the instance: the next one waits (UI.md: "in progress"). */
export const BUSY_INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'BUILD',
  'MODIFYING',
  'EXPANDING',
  'REBOOTING',
  'UPGRADING',
  'RESTORING',
  'SWITCHOVER',
  'MIGRATING',
  'BACKING UP',
];

/** True while an operation runs on an instance in this status. */
export const isBusyStatus = (status: string) =>
  (BUSY_INSTANCE_STATUSES as readonly string[]).includes(status);

/** Component statuses of 4.4.9. */
export const COMPONENT_STATUSES = [
  'Primary',
  'Normal',
  'Down',
  'Standby',
  'StateFollower',
  'StateLeader',
  'StateCandidate',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Availability of a flavor or disk type in an AZ. */
export const AZ_STATUSES = ['normal', 'unsupported', 'sellout'] as const;

/**
 * `az_status` is declared Map<String,String>, but the 4.2.4 example sends an array of one-key objects
 * (L892, TYPE-4): both become one map.
 */
export const azStatusMap = () =>
  z.preprocess(
    (v) => {
      if (v === null || v === undefined) return {};
      if (Array.isArray(v))
        return Object.assign(
          {},
          ...v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null),
        );
      return v;
    },
    z.record(z.string(), str()),
  );

/**
 * IP lists: declared List<String>, but the example joins several IPs into one `" / "` string (L1750) and
 * the text says "empty string" before the servers exist (TYPE-6). Every form becomes one IP per entry.
 */
export const ipList = () =>
  z.preprocess((v) => {
    const parts = v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
    return parts.flatMap((p) =>
      typeof p === 'string' ? p.split(/\s*\/\s*/).filter((s) => s.trim() !== '') : [p],
    );
  }, z.array(str()));

// 4.1 API versions ------------------------------------------------------------------------------

export const apiVersionSchema = obj({
  id: str(),
  links: opt(list(obj({ href: opt(str()), rel: opt(str()) }))),
  status: str(),
  version: opt(str()),
  min_version: opt(str()),
  updated: opt(str()),
});
export type ApiVersion = z.output<typeof apiVersionSchema>;

// 4.2 flavors and engines -------------------------------------------------------------------------

export const flavorSchema = obj({
  vcpus: str(),
  ram: str(),
  spec_code: str(),
  availability_zone: opt(list(str())),
  az_status: opt(azStatusMap()),
  version: opt(str()),
  name: opt(str()),
  group_type: opt(str()),
});
export type Flavor = z.output<typeof flavorSchema>;

/** 4.2.4 item: the reference spells the code `spec_cpde` (L881, L889); the reader fills `spec_code` from it. */
export const availableFlavorSchema = obj({
  vcpus: str(),
  ram: str(),
  spec_code: opt(str()),
  spec_cpde: opt(str()),
  az_status: opt(azStatusMap()),
}).transform((f) => ({ ...f, spec_code: f.spec_code ?? f.spec_cpde ?? undefined }));
export type AvailableFlavor = z.output<typeof availableFlavorSchema>;

export const datastoreSchema = obj({
  instance_mode: opt(str()),
  supported_versions: list(str()),
});
export type Datastore = z.output<typeof datastoreSchema>;

// 4.3 storage -----------------------------------------------------------------------------------

export const storageTypeSchema = obj({
  name: str(),
  az_status: opt(azStatusMap()),
  support_compute_group_type: opt(list(str())),
});
export type StorageType = z.output<typeof storageTypeSchema>;

// 4.4 instances ---------------------------------------------------------------------------------

export const instanceNodeSchema = obj({
  id: str(),
  name: opt(str()),
  role: opt(str()),
  status: opt(str()),
  availability_zone: opt(str()),
  private_ip: opt(str()),
  public_ip: opt(str()),
});
export type InstanceNode = z.output<typeof instanceNodeSchema>;

export const instanceDatastoreSchema = obj({
  type: str(),
  version: opt(str()),
  complete_version: opt(str()),
  hotfix_versions: opt(str()),
});
export const instanceHaSchema = obj({
  mode: opt(str()),
  consistency: opt(str()),
  replication_mode: opt(str()),
  consistency_protocol: opt(str()),
});
export const flavorInfoSchema = obj({ vcpu: opt(int()), mem: opt(num()) });
export const volumeSchema = obj({ type: opt(str()), size: opt(num()) });
export const backupStrategySchema = obj({ start_time: opt(str()), keep_days: opt(int()) });
export const chargeInfoSchema = obj({ charge_mode: opt(str()) });
export const tagSchema = obj({ key: str(), value: opt(str()) });
export type InstanceTag = z.output<typeof tagSchema>;

/** An item of the 4.4.4 instance list, with the fields the examples add (D.16) as optional. */
export const instanceSchema = obj({
  id: str(),
  name: str(),
  status: str(),
  private_ips: opt(ipList()),
  public_ips: opt(ipList()),
  port: opt(int()),
  type: opt(str()),
  ha: opt(instanceHaSchema),
  replica_num: opt(int()),
  region: opt(str()),
  datastore: opt(instanceDatastoreSchema),
  created: opt(str()),
  updated: opt(str()),
  db_user_name: opt(str()),
  vpc_id: opt(str()),
  subnet_id: opt(str()),
  security_group_id: opt(str()),
  flavor_ref: opt(str()),
  flavor_info: opt(flavorInfoSchema),
  volume: opt(volumeSchema),
  switch_strategy: opt(str()),
  charge_info: opt(chargeInfoSchema),
  backup_strategy: opt(backupStrategySchema),
  maintenance_window: opt(str()),
  nodes: opt(list(instanceNodeSchema)),
  disk_encryption_id: opt(str()),
  enterprise_project_id: opt(str()),
  instance_mode: opt(str()),
  time_zone: opt(str()),
  tags: opt(list(tagSchema)),
  availability_zone: opt(str()),
  solution: opt(str()),
});
export type Instance = z.output<typeof instanceSchema>;

/** The `instance` object of the 4.4.1 create response (its `port` is a string, L1233). */
export const createdInstanceSchema = obj({
  id: str(),
  name: str(),
  status: opt(str()),
  datastore: opt(instanceDatastoreSchema),
  ha: opt(instanceHaSchema),
  replica_num: opt(int()),
  port: opt(str()),
  backup_strategy: opt(backupStrategySchema),
  flavor_ref: opt(str()),
  volume: opt(volumeSchema),
  region: opt(str()),
  availability_zone: opt(str()),
  vpc_id: opt(str()),
  subnet_id: opt(str()),
  security_group_id: opt(str()),
  charge_info: opt(chargeInfoSchema),
  configuration_id: opt(str()),
  time_zone: opt(str()),
  solution: opt(str()),
  enterprise_project_id: opt(str()),
  disk_encryption_id: opt(str()),
});
export type CreatedInstance = z.output<typeof createdInstanceSchema>;

export const componentSchema = obj({
  id: str(),
  role: opt(str()),
  status: opt(str()),
  distributed_id: opt(str()),
  type: opt(str()),
  detail: opt(str()),
});
export type InstanceComponent = z.output<typeof componentSchema>;

export const componentNodeSchema = obj({
  id: str(),
  name: opt(str()),
  availability_zone_id: opt(str()),
  description: opt(str()),
  status: opt(str()),
  components: opt(list(componentSchema)),
});
export type ComponentNode = z.output<typeof componentNodeSchema>;

/** 4.4.13 item: the table says `public_ip_addresses` (L2654), the example `public_ip_address` (L2672). */
export const publicIpSchema = obj({
  public_ip_id: opt(str()),
  public_ip_type: opt(str()),
  port_id: opt(str()),
  public_ip_address: opt(str()),
  public_ip_addresses: opt(str()),
  private_ip_address: opt(str()),
  bandwidth_id: opt(str()),
  bandwidth_name: opt(str()),
  bandwidth_share_type: opt(str()),
  bandwidth_size: opt(num()),
  applied_at: opt(str()),
}).transform((p) => ({ ...p, public_ip_address: p.public_ip_address ?? p.public_ip_addresses ?? undefined }));
export type PublicIp = z.output<typeof publicIpSchema>;

export const deploymentFormSchema = obj({
  initial_node_num: opt(int()),
  solution: opt(str()),
  shard_num: opt(int()),
  replica_num: opt(int()),
});
export type DeploymentForm = z.output<typeof deploymentFormSchema>;

export const balanceSchema = obj({ balanced: bool() });
