import { utcDateTime } from '../clock/clock';
import type { InstanceDoc } from './instance-model';
import { listType } from './instance-model';

/**
 * How each endpoint shows an instance. The stored document is a superset; these views emit the reference's
 * field names and wire types (PUBLIC_API_NOTES: `port` is a string in create responses, a number in lists).
 */
export function createView(inst: InstanceDoc, variant: 'v3.1' | 'v3') {
  const ha: { mode: string; replication_mode: string; consistency: string; consistency_protocol?: string } = {
    mode: inst.ha.mode,
    replication_mode: inst.ha.replication_mode,
    consistency: inst.ha.consistency,
  };
  if (variant === 'v3.1') ha.consistency_protocol = inst.ha.consistency_protocol;
  return {
    id: inst.id,
    name: inst.name,
    status: inst.status,
    datastore: { type: inst.datastore.type, version: inst.datastore.version },
    ha,
    replica_num: inst.replica_num,
    port: String(inst.port),
    backup_strategy: { ...inst.backup_strategy },
    flavor_ref: inst.flavor_ref,
    volume: { ...inst.volume },
    region: inst.region,
    availability_zone: inst.availability_zone,
    vpc_id: inst.vpc_id,
    subnet_id: inst.subnet_id,
    security_group_id: inst.security_group_id,
    charge_info: { charge_mode: inst.charge_mode },
    ...(inst.configuration_id ? { configuration_id: inst.configuration_id } : {}),
  };
}

/** `private_ips`: CN addresses for distributed instances, DN addresses for centralized ones. */
function privateIps(inst: InstanceDoc): string[] {
  if (inst.status === 'BUILD') return [];
  const nodes =
    inst.mode === 'centralization_standard' ? inst.nodes : inst.nodes.filter((n) => n.kind === 'cn');
  return nodes.map((n) => n.private_ip);
}

export function listView(inst: InstanceDoc, variant: 'v3.1' | 'v3') {
  // 5.1.2 (v3) shows only type and version; 4.4.4 adds the complete and hot-patch versions.
  const datastore: { type: string; version: string; complete_version?: string; hotfix_versions?: string } =
    variant === 'v3.1'
      ? {
          type: inst.datastore.type,
          version: inst.datastore.version,
          complete_version: inst.datastore.complete_version,
          hotfix_versions: inst.datastore.hotfix_versions,
        }
      : { type: inst.datastore.type, version: inst.datastore.version };
  return {
    id: inst.id,
    status: inst.status,
    name: inst.name,
    type: listType(inst.mode),
    ha: { consistency: inst.ha.consistency, replication_mode: inst.ha.replication_mode },
    region: inst.region,
    datastore,
    created: utcDateTime(inst.created_at),
    updated: inst.updated_at === null ? '' : utcDateTime(inst.updated_at),
    volume: { ...inst.volume },
    nodes: inst.nodes.map((n) => ({
      id: n.id,
      name: n.name,
      role: n.role,
      status: n.status,
      availability_zone: n.availability_zone,
      ...(n.kind === 'cn' || inst.mode === 'centralization_standard' ? { private_ip: n.private_ip } : {}),
      ...(n.public_ip ? { public_ip: n.public_ip } : {}),
    })),
    private_ips: privateIps(inst),
    public_ips: [...inst.public_ips],
    port: inst.port,
    replica_num: inst.replica_num,
    db_user_name: inst.db_user_name,
    vpc_id: inst.vpc_id,
    subnet_id: inst.subnet_id,
    security_group_id: inst.security_group_id,
    flavor_ref: inst.flavor_ref,
    flavor_info: { vcpu: inst.vcpus, mem: inst.ram },
    switch_strategy: inst.switch_strategy,
    charge_info: { charge_mode: inst.charge_mode },
    backup_strategy: { ...inst.backup_strategy },
    maintenance_window: inst.maintenance_window,
    disk_encryption_id: inst.disk_encryption_id,
    enterprise_project_id: inst.enterprise_project_id,
    time_zone: inst.time_zone,
    instance_mode: 'enterprise',
    tags: inst.tags.map((t) => ({ ...t })),
  };
}

/** Lower-case vocabulary some endpoints use (4.4.22, 4.4.20, 4.12.2: catalog D.44). */
export function lowerStatus(status: string | undefined): string {
  switch (status) {
    case undefined:
      return 'deleted';
    case 'BUILD':
      return 'creating';
    case 'ACTIVE':
      return 'normal';
    case 'FAILED':
      return 'abnormal';
    default:
      return status.toLowerCase().replace(/ /g, '_');
  }
}
