import { z } from 'zod/mini';

/**
 * The console's own API (not GaussDB's): what the BFF answers on its session, info and policy routes.
 * The BFF builds its answers with these types and the web parses them with these schemas, so the two
 * cannot drift apart (a test parses the BFF's real answers with them). Written with zod/mini: the web
 * parses them before its first render, and the full zod would weigh on every first load.
 */

/** Console roles, from most to least powerful. */
export const CONSOLE_ROLES = ['admin', 'operator', 'viewer', 'tenant'] as const;
export const consoleRole = z.enum(CONSOLE_ROLES);
export type ConsoleRole = z.infer<typeof consoleRole>;

/** A tenant (PDB) a `tenant` user may administer: the instance holding it and the PDB id, as the API spells them. */
export const tenantGrant = z.object({ instance_id: z.string(), pdb_id: z.string() });
export type TenantGrantView = z.infer<typeof tenantGrant>;

/** POST /api/v1/session. */
export const loginBody = z.object({
  username: z.string().check(z.minLength(1), z.maxLength(128)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
});
export type LoginBody = z.infer<typeof loginBody>;

/** GET/POST /api/v1/session: who is signed in, where they may go. */
export const consoleSession = z.object({
  user: z.string(),
  role: consoleRole,
  projects: z.array(z.object({ name: z.string(), region: z.string() })),
  /** Present for the `tenant` role only: the tenants the user holds. */
  tenants: z.optional(z.array(tenantGrant)),
  demo: z.boolean(),
  expires_at: z.string(),
  idle_timeout_seconds: z.number().check(z.int(), z.nonnegative()),
});
export type ConsoleSession = z.infer<typeof consoleSession>;

/** GET /api/v1/info (public): the mode and, only in the demo, its logins. */
export const consoleInfo = z.object({
  mode: z.string(),
  demo: z.boolean(),
  demo_users: z.optional(z.array(z.object({ name: z.string(), role: consoleRole, password: z.string() }))),
});
export type ConsoleInfo = z.infer<typeof consoleInfo>;

/** How far a tenant user's access reaches for one operation (the BFF's policy explains each). */
export const tenantScope = z.enum([
  'own-tenant',
  'own-tenants-list',
  'own-instance-name-status',
  'own-instance-remaining-disk',
]);
export type TenantScopeName = z.infer<typeof tenantScope>;

/** GET /api/v1/policy: the roles allowed per operation (the server enforces it; the web only hides). */
export const consolePolicy = z.object({
  roles: z.array(consoleRole),
  operations: z.record(z.string(), z.array(consoleRole)),
  tenant_scopes: z.record(z.string(), tenantScope),
});
export type ConsolePolicy = z.infer<typeof consolePolicy>;
