import { TENANT_GRANT_ID_RE } from '@gaussdb-console/api-client';
import { z } from 'zod';

/** Console roles, from most to least powerful. */
export const ROLES = ['admin', 'operator', 'viewer', 'tenant'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** A tenant (PDB) a `tenant` user may administer: the instance holding it and the PDB id. */
export interface TenantGrant {
  instance_id: string;
  pdb_id: string;
}

/** Ids as the API shapes them (letters, digits, hyphens); also keeps ':' out so INSTANCE:PDB parses. */
const idSchema = z.string().regex(TENANT_GRANT_ID_RE, { message: 'must be 1-64 letters, digits or hyphens' });

export const tenantGrantSchema = z.strictObject({ instance_id: idSchema, pdb_id: idSchema });

/** Parses the users CLI's `--tenant INSTANCE_ID:PDB_ID`. */
export function parseTenantGrant(text: string): TenantGrant | undefined {
  const [instanceId, pdbId, ...rest] = text.split(':');
  const parsed = tenantGrantSchema.safeParse({ instance_id: instanceId, pdb_id: pdbId });
  return rest.length === 0 && parsed.success ? parsed.data : undefined;
}
