import type { z } from 'zod';
import { bool, int, list, obj, opt, str } from './tolerant';

/** Tolerant response entities of the tenant (PDB) sections, 4.10.x. */
// ---- response entities --------------------------------------------------------------------------

export const tenantNodeSchema = obj({
  id: str(),
  name: opt(str()),
  /** e.g. master */
  role: opt(str()),
  status: opt(str()),
  availability_zone: opt(str()),
  data_ip: opt(str()),
  management_ip: opt(str()),
  private_ip: opt(str()),
  /** e.g. "cm_1;dn_6001:60011" */
  component_names: opt(str()),
});
export type TenantNode = z.output<typeof tenantNodeSchema>;

export const tenantSchema = obj({
  id: str(),
  /** e.g. normal (no enum in the reference) */
  status: opt(str()),
  name: opt(str()),
  cpu: opt(int()),
  /** GB */
  mem: opt(int()),
  /** GB; declared string, the example sends a number (D.13). */
  disk: opt(str()),
  nodes: opt(list(tenantNodeSchema)),
  /** Logical tenant id, 1–4095; declared string, the example sends a number. */
  oid: opt(str()),
  /** Declared string; the example sends epoch milliseconds (D.42). */
  created: opt(str()),
  updated: opt(str()),
  /** True for the system-reserved root container. */
  is_cdb: opt(bool()),
  az_code: opt(str()),
  config_id: opt(str()),
  instance_id: opt(str()),
});
export type Tenant = z.output<typeof tenantSchema>;

export const tenantParameterSchema = obj({
  /** With its component prefix, e.g. dn:a_format_dev_version */
  name: str(),
  value: opt(str()),
  /** Declared string; the example sends the boolean false (D.13). */
  restart_required: opt(str()),
  /** e.g. "|s1|s2|s3" */
  value_range: opt(str()),
  type: opt(str()),
  description: opt(str()),
});
export type TenantParameter = z.output<typeof tenantParameterSchema>;

export const tenantParameterTemplateSchema = obj({
  id: str(),
  name: opt(str()),
  description: opt(str()),
  datastore_version: opt(str()),
  datastore_name: opt(str()),
  ha_mode: opt(str()),
  /** "yyyy-MM-dd HH:mm:ss" */
  created: opt(str()),
  updated: opt(str()),
  user_defined: opt(bool()),
});
export type TenantParameterTemplate = z.output<typeof tenantParameterTemplateSchema>;

export const tenantFlavorSchema = obj({ cpu: int(), mem: int() });
export type TenantFlavor = z.output<typeof tenantFlavorSchema>;
