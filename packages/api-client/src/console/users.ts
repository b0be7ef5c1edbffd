import { z } from 'zod';
import { CONSOLE_ROLES } from './session';

/**
 * Console users (admins, `/api/v1/users...`): the same rules as the users CLI (`npm run users`), which
 * reads them from here too, so a name or password one side accepts the other never refuses.
 */

/** A console user's name: what the users file accepts. */
export const CONSOLE_USER_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const CONSOLE_USER_NAME_RULE =
  '1–64 characters: letters, digits, ".", "_", "@", "-", starting with a letter or digit';

export const CONSOLE_PASSWORD_MIN_LENGTH = 12;
export const CONSOLE_PASSWORD_MAX_LENGTH = 1024;

/** What is wrong with a new console password, or undefined when it is acceptable. */
export function consolePasswordProblem(password: string): string | undefined {
  if (password.length < CONSOLE_PASSWORD_MIN_LENGTH)
    return `the password must have at least ${CONSOLE_PASSWORD_MIN_LENGTH} characters`;
  if (password.length > CONSOLE_PASSWORD_MAX_LENGTH)
    return `the password must have at most ${CONSOLE_PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() !== password) return 'the password must not start or end with white space';
  return undefined;
}

/** Instance and tenant ids as the API shapes them (letters, digits, hyphens); keeps ':' out of `INSTANCE:PDB`. */
export const TENANT_GRANT_ID_RE = /^[A-Za-z0-9-]{1,64}$/;

const grantId = (label: string) =>
  z
    .string({ error: `${label}: required` })
    .regex(TENANT_GRANT_ID_RE, { message: `${label}: must be 1–64 letters, digits or hyphens` });

export const consoleUserRole = z.enum(CONSOLE_ROLES, {
  error: `role: must be one of ${CONSOLE_ROLES.join(', ')}`,
});

export const consoleUserName = z
  .string({ error: 'name: required' })
  .regex(CONSOLE_USER_NAME_RE, { message: `name: ${CONSOLE_USER_NAME_RULE}` });

export const consolePassword = z.string({ error: 'password: required' }).superRefine((v, ctx) => {
  const problem = consolePasswordProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: `password: ${problem}` });
});

/** A tenant a `tenant` user administers: the instance that holds it and the tenant (PDB) id. */
export const tenantGrantInput = z.strictObject({
  instance_id: grantId('instance_id'),
  pdb_id: grantId('pdb_id'),
});
export type TenantGrantInput = z.infer<typeof tenantGrantInput>;

const MAX_GRANTS = 100;
const grants = z
  .array(tenantGrantInput, { error: 'tenants: a list of {instance_id, pdb_id}' })
  .max(MAX_GRANTS, { message: `tenants: at most ${MAX_GRANTS}` });

/** A tenant owner needs at least one tenant to start with; other roles hold none (as `users add`). */
function grantsFitRole(v: { role: string; tenants?: readonly unknown[] | undefined }, ctx: z.RefinementCtx) {
  const n = v.tenants?.length ?? 0;
  if (v.role === 'tenant' && n === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['tenants'],
      message: 'tenants: a tenant owner needs at least one tenant',
    });
  if (v.role !== 'tenant' && n > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['tenants'],
      message: 'tenants: only a tenant owner holds tenants',
    });
}

/** POST /api/v1/users. */
export const addConsoleUserBody = z
  .strictObject({
    name: consoleUserName,
    role: consoleUserRole,
    password: consolePassword,
    tenants: grants.default([]),
  })
  .superRefine(grantsFitRole);
export type AddConsoleUserBody = z.input<typeof addConsoleUserBody>;

/** PUT /api/v1/users/:name/role: a new role; becoming a tenant owner takes the tenants too. */
export const changeConsoleUserRoleBody = z
  .strictObject({ role: consoleUserRole, tenants: grants.optional() })
  .superRefine(grantsFitRole);
export type ChangeConsoleUserRoleBody = z.input<typeof changeConsoleUserRoleBody>;

/** PUT /api/v1/users/:name/password. */
export const resetConsoleUserPasswordBody = z.strictObject({ password: consolePassword });

/** POST /api/v1/users/:name/tenants. */
export const grantConsoleUserTenantBody = tenantGrantInput;

/** One console user as an admin sees it: never a password or its hash. */
export const consoleUser = z.object({
  name: z.string(),
  role: z.enum(CONSOLE_ROLES),
  tenants: z.array(z.object({ instance_id: z.string(), pdb_id: z.string() })),
  /** A built-in demo login (embedded demo only): shown, never changed. */
  demo: z.boolean(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  /** When an admin last lifted the user's sign-in lock through the users file (CLI). */
  unlocked_at: z.string().nullable(),
});
export type ConsoleUserView = z.infer<typeof consoleUser>;

/** GET /api/v1/users. */
export const consoleUserList = z.object({ users: z.array(consoleUser) });
export type ConsoleUserList = z.infer<typeof consoleUserList>;

/** DELETE /api/v1/users/:name/sessions: how many of the user's sessions ended. */
export const endedSessions = z.object({ user: z.string(), ended: z.number().int().nonnegative() });

/** POST /api/v1/users/:name/unlock. */
export const unlockedUser = z.object({ user: z.string(), unlocked_at: z.string() });
