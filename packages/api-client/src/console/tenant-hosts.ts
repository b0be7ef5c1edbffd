import { z } from 'zod';
import { tenantSchema } from '../schema/tenant-schemas';

/** GET /api/v1/projects/:project/tenants: one multi-tenant instance and its tenants. */
export const tenantHost = z.object({
  instance: z.object({ id: z.string(), name: z.string(), status: z.string().nullable() }),
  tenants: z.array(tenantSchema),
  total_count: z.number().int().nonnegative(),
  /** 4.10.9's `remaining_disk`: GB still free for tenant disks (null when it could not be read). */
  remaining_disk: z.number().nullable(),
});
export type TenantHost = z.infer<typeof tenantHost>;

/**
 * GET /api/v1/projects/:project/tenants: every multi-tenant instance of the project with its tenants (4.10.5
 * on each centralized instance; the others answer DBS.06014011). `unreadable` lists instances whose answer was
 * another refusal, so a page says which ones it could not read.
 */
export const tenantHosts = z.object({
  project: z.string(),
  generated_at: z.string(),
  hosts: z.array(tenantHost),
  /** Centralized instances looked at. */
  scanned: z.number().int().nonnegative(),
  unreadable: z.array(
    z.object({ instance_id: z.string(), name: z.string(), code: z.string(), message: z.string() }),
  ),
  /** The instance list was too long to read whole. */
  truncated: z.boolean(),
});
export type TenantHosts = z.infer<typeof tenantHosts>;
