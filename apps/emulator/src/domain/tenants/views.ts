import type { InstanceDoc, NodeDoc } from '../instance-model';
import { privateIp } from '../instance-topology';
import type { TenantDoc } from './model';
import {
  dateTime,
  datastoreVersion,
  effectiveValue,
  TENANT_PARAMETERS,
  type TenantTemplate,
} from './parameters';

/**
 * 4.10.5 / 4.10.7 / 4.10.8 shapes. The declared types win over the examples' (PDB-7): `disk`, `oid`, `created`,
 * `updated` and `restart_required` are strings; `created`/`updated` of a tenant are epoch milliseconds as text.
 */
const nodeStatus = (s: string) =>
  s === 'ACTIVE' ? 'normal' : s === 'BUILD' ? 'creating' : s === 'STOPPED' ? 'stopped' : 'abnormal';

/** A tenant lives on every DN node of its container; `component_names` as in the example: `cm_1;dn_6001:60011`. */
function tenantNode(n: NodeDoc) {
  const components = n.components
    .filter((c) => c.type === 'CM' || c.type === 'DN')
    .map((c) => (c.type === 'DN' && c.distributed_id ? `${c.id}:${c.distributed_id}` : c.id));
  return {
    id: n.id,
    name: n.name,
    role: n.role,
    status: nodeStatus(n.status),
    availability_zone: n.availability_zone,
    data_ip: n.private_ip,
    management_ip: privateIp(`${n.id}:management`),
    private_ip: n.private_ip,
    component_names: components.join(';'),
  };
}

export function tenantView(t: TenantDoc, inst: InstanceDoc) {
  const master = inst.nodes.find((n) => n.role === 'master') ?? inst.nodes[0];
  return {
    id: t.id,
    status: t.status,
    name: t.name,
    cpu: t.cpu,
    mem: t.mem,
    disk: String(t.disk),
    nodes: inst.nodes.filter((n) => n.kind === 'dn').map(tenantNode),
    oid: String(t.oid),
    created: String(t.created_at),
    updated: String(t.updated_at),
    is_cdb: false,
    az_code: master?.availability_zone ?? '',
    config_id: t.config_id,
    instance_id: t.instance_id,
  };
}

export function tenantParametersView(t: TenantDoc, inst: InstanceDoc) {
  return {
    created: dateTime(t.created_at),
    updated: dateTime(t.updated_at),
    datastore_version: datastoreVersion(inst),
    datastore_name: inst.datastore.type,
    configuration_parameters: TENANT_PARAMETERS.map((p) => ({
      name: p.name,
      value: effectiveValue(p, t.parameters),
      restart_required: String(p.restart),
      value_range: p.range,
      type: p.type,
      description: p.description,
    })),
  };
}

export function tenantTemplateView(t: TenantTemplate) {
  return { ...t };
}
