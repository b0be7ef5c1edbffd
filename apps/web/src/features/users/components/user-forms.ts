import {
  CONSOLE_PASSWORD_MAX_LENGTH,
  CONSOLE_PASSWORD_MIN_LENGTH,
  CONSOLE_ROLES,
  CONSOLE_USER_NAME_RE,
  type TenantGrantInput,
} from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import { z } from 'zod';

/**
 * The users page's forms: the console contract's rules for console users (the ones `npm run users` applies),
 * with messages in the user's language. A tenant grant travels in the form as `INSTANCE_ID:PDB_ID`, the CLI's
 * spelling.
 */

export const grantKey = (g: TenantGrantInput) => `${g.instance_id}:${g.pdb_id}`;
export const grantOf = (key: string): TenantGrantInput => {
  const [instance_id = '', pdb_id = ''] = key.split(':');
  return { instance_id, pdb_id };
};

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message });

export function passwordProblem(password: string): 'required' | 'short' | 'long' | 'spaces' | undefined {
  if (password === '') return 'required';
  if (password.length < CONSOLE_PASSWORD_MIN_LENGTH) return 'short';
  if (password.length > CONSOLE_PASSWORD_MAX_LENGTH) return 'long';
  if (password.trim() !== password) return 'spaces';
  return undefined;
}

function checkPassword(ctx: Ctx, t: TFunction, v: { password: string; confirm: string }) {
  const p = passwordProblem(v.password);
  if (p)
    issue(
      ctx,
      'password',
      t(`users.problems.password.${p}`, {
        min: CONSOLE_PASSWORD_MIN_LENGTH,
        max: CONSOLE_PASSWORD_MAX_LENGTH,
      }),
    );
  if (v.confirm !== v.password) issue(ctx, 'confirm', t('users.problems.password.mismatch'));
}

function checkTenants(ctx: Ctx, t: TFunction, v: { role: string; tenants: string[] }) {
  if (v.role === 'tenant' && v.tenants.length === 0)
    issue(ctx, 'tenants', t('users.problems.tenantsRequired'));
}

const role = z.enum(CONSOLE_ROLES);

export function addUserSchema(t: TFunction, taken: readonly string[]) {
  return z
    .object({
      name: z.string(),
      role,
      password: z.string(),
      confirm: z.string(),
      tenants: z.array(z.string()),
    })
    .superRefine((v, ctx) => {
      if (!CONSOLE_USER_NAME_RE.test(v.name)) issue(ctx, 'name', t('users.problems.name'));
      else if (taken.includes(v.name)) issue(ctx, 'name', t('users.problems.nameTaken'));
      checkPassword(ctx, t, v);
      checkTenants(ctx, t, v);
    });
}

export function changeRoleSchema(t: TFunction, current: string) {
  return z.object({ role, tenants: z.array(z.string()) }).superRefine((v, ctx) => {
    if (v.role === current && v.role !== 'tenant') issue(ctx, 'role', t('users.problems.sameRole'));
    checkTenants(ctx, t, v);
  });
}

export function resetPasswordSchema(t: TFunction) {
  return z
    .object({ password: z.string(), confirm: z.string() })
    .superRefine((v, ctx) => checkPassword(ctx, t, v));
}

export function grantSchema(t: TFunction) {
  return z.object({ tenant: z.string() }).superRefine((v, ctx) => {
    if (!v.tenant) issue(ctx, 'tenant', t('users.problems.tenant'));
  });
}
