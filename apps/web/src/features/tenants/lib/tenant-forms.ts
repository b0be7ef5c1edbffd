import { SPECIAL_CHARS, TENANT_ENCODINGS, type TenantFlavor } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import {
  createDiskProblem,
  enlargeDiskProblem,
  flavorProblem,
  foreignChar,
  objectNameProblem,
  tenantPasswordProblem,
  TENANT_RESERVED_NAMES,
  TENANT_RESET_RESERVED_NAMES,
  TENANT_SCHEMA_RESERVED_NAMES,
  TENANT_USER_RESERVED_NAMES,
} from './tenant-rules';

/**
 * The tenant forms' values and their rules (tenant-rules.ts) with messages in the user's language. Each form's
 * values are close to its operation's body (the contract checks that body again when it is sent); where a form
 * shows one control for two fields (a flavor for `cpu` + `mem`), its request builder maps them.
 */

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: path.split('.'), message });

function checkName(ctx: Ctx, t: TFunction, path: string, value: string, reserved: readonly string[]) {
  const p = objectNameProblem(value, reserved);
  if (p) issue(ctx, path, t(`tenants.problems.name.${p}`, { reserved: reserved.join(', ') }));
}

function checkPassword(
  ctx: Ctx,
  t: TFunction,
  v: { password: string; confirm: string; name: string },
  specials: string,
  paths = { password: 'password', confirm: 'confirm' },
) {
  const p = tenantPasswordProblem(v.password, v.name, specials);
  if (p)
    issue(
      ctx,
      paths.password,
      t(`tenants.problems.password.${p}`, { specials, char: foreignChar(v.password, specials) }),
    );
  if (v.confirm !== v.password) issue(ctx, paths.confirm, t('tenants.problems.password.mismatch'));
}

// ---- 4.10.1 create -----------------------------------------------------------------------------------------

export const createTenantValues = z.object({
  instance_id: z.string(),
  pdb_name: z.string(),
  pdb_pd_in_db: z.string(),
  confirm: z.string(),
  /** `cpu/mem` of a 4.10.9 pair. */
  flavor: z.string(),
  disk: z.number(),
  encoding: z.enum(TENANT_ENCODINGS),
  configuration_id: z.string(),
});
export type CreateTenantValues = z.infer<typeof createTenantValues>;

/** What the create rules need from the chosen instance (4.10.9), read when the values are checked. */
export interface InstanceOffer {
  flavors?: readonly TenantFlavor[];
  remaining?: number;
}

export function createTenantSchema(t: TFunction, offer: () => InstanceOffer) {
  return createTenantValues.superRefine((v, c) => {
    const ctx = offer();
    if (!v.instance_id) issue(c, 'instance_id', t('tenants.problems.instance'));
    checkName(c, t, 'pdb_name', v.pdb_name, TENANT_RESERVED_NAMES);
    checkPassword(
      c,
      t,
      { password: v.pdb_pd_in_db, confirm: v.confirm, name: v.pdb_name },
      SPECIAL_CHARS.tenantRoot,
      {
        password: 'pdb_pd_in_db',
        confirm: 'confirm',
      },
    );
    const [cpu, mem] = v.flavor.split('/').map(Number);
    if (!v.flavor) issue(c, 'flavor', t('tenants.problems.flavor.required'));
    else if (ctx.flavors && flavorProblem(cpu ?? 0, mem ?? 0, ctx.flavors))
      issue(c, 'flavor', t('tenants.problems.flavor.notOffered'));
    const disk = createDiskProblem(v.disk, ctx.remaining);
    if (disk) issue(c, 'disk', t(`tenants.problems.disk.${disk}`, { max: ctx.remaining }));
    if (!v.configuration_id) issue(c, 'configuration_id', t('tenants.problems.template'));
  });
}

export const createTenantBody = (v: CreateTenantValues) => {
  const [cpu, mem] = v.flavor.split('/').map(Number);
  return {
    pdb_name: v.pdb_name,
    pdb_pd_in_db: v.pdb_pd_in_db,
    cpu: cpu as number,
    mem: mem as number,
    disk: String(v.disk),
    encoding: v.encoding,
    lc_collate: 'C' as const,
    lc_ctype: 'C' as const,
    configuration_id: v.configuration_id,
  };
};

/** Request fields → form fields: cpu and mem are the one flavor control. */
export const createTenantFormPath = (p: string) => (p === 'cpu' || p === 'mem' ? 'flavor' : p);

// ---- 4.10.3 resize / 4.10.4 enlarge ----------------------------------------------------------------------

export function resizeTenantSchema(t: TFunction, current: string, offer: () => InstanceOffer) {
  return z.object({ flavor: z.string() }).superRefine((v, c) => {
    const { flavors } = offer();
    const [cpu, mem] = v.flavor.split('/').map(Number);
    if (!v.flavor) issue(c, 'flavor', t('tenants.problems.flavor.required'));
    else if (v.flavor === current) issue(c, 'flavor', t('tenants.problems.flavor.same'));
    else if (flavors && flavorProblem(cpu ?? 0, mem ?? 0, flavors))
      issue(c, 'flavor', t('tenants.problems.flavor.notOffered'));
  });
}

export function enlargeDiskSchema(t: TFunction, current: number, offer: () => InstanceOffer) {
  return z.object({ disk: z.number() }).superRefine((v, c) => {
    const { remaining } = offer();
    const p = enlargeDiskProblem(v.disk, current, remaining);
    if (p)
      issue(
        c,
        'disk',
        t(`tenants.problems.disk.${p}`, {
          current,
          max: remaining === undefined ? undefined : current + remaining,
        }),
      );
  });
}

// ---- 4.10.10 users, 4.10.14 reset --------------------------------------------------------------------------

export function createDbUserSchema(t: TFunction) {
  return z
    .object({ name: z.string(), password: z.string(), confirm: z.string(), is_login_only: z.boolean() })
    .superRefine((v, c) => {
      checkName(c, t, 'name', v.name, TENANT_USER_RESERVED_NAMES);
      checkPassword(c, t, v, SPECIAL_CHARS.tenantUser);
    });
}

export function resetDbUserPasswordSchema(t: TFunction) {
  return z.object({ name: z.string(), password: z.string(), confirm: z.string() }).superRefine((v, c) => {
    checkName(c, t, 'name', v.name, TENANT_RESET_RESERVED_NAMES);
    checkPassword(c, t, v, SPECIAL_CHARS.tenantUserReset);
  });
}

// ---- 4.10.11 schemas, 4.10.15 privileges -------------------------------------------------------------------

export function createSchemasSchema(t: TFunction, existing: readonly string[]) {
  return z
    .object({
      schemas: z
        .array(z.object({ name: z.string(), owner: z.string() }))
        .min(1)
        .max(20),
    })
    .superRefine((v, c) => {
      const seen = new Set<string>();
      v.schemas.forEach((s, i) => {
        checkName(c, t, `schemas.${i}.name`, s.name, TENANT_SCHEMA_RESERVED_NAMES);
        if (existing.includes(s.name) || seen.has(s.name))
          issue(c, `schemas.${i}.name`, t('tenants.problems.schemaExists'));
        seen.add(s.name);
        if (!s.owner) issue(c, `schemas.${i}.owner`, t('tenants.problems.owner'));
      });
    });
}

export function grantPrivilegesSchema(t: TFunction) {
  return z
    .object({
      users: z
        .array(z.object({ name: z.string(), schema_name: z.string(), readonly: z.boolean() }))
        .min(1)
        .max(50),
    })
    .superRefine((v, c) => {
      const seen = new Set<string>();
      v.users.forEach((u, i) => {
        if (!u.name) issue(c, `users.${i}.name`, t('tenants.problems.user'));
        else checkName(c, t, `users.${i}.name`, u.name, TENANT_USER_RESERVED_NAMES);
        if (!u.schema_name) issue(c, `users.${i}.schema_name`, t('tenants.problems.schema'));
        // 4.10.15: one schema cannot be granted twice at once.
        const key = `${u.name}/${u.schema_name}`;
        if (seen.has(key)) issue(c, `users.${i}.schema_name`, t('tenants.problems.duplicateGrant'));
        seen.add(key);
      });
    });
}
