import {
  passwordClasses,
  RESERVED_TENANT_SCHEMA_NAMES,
  SYSTEM_USERS,
  SYSTEM_USERS_AND_ROOT,
  TENANT_TEMPLATE_DATABASES,
  type TenantFlavor,
} from '@gaussdb-console/api-client/browser';

/**
 * The reference's rules of 4.10 as the forms check them while the user types, each answering the i18n key
 * of what is wrong (undefined: acceptable). The contract's schemas hold the same rules for the request; these
 * say which rule broke, in the user's language, and add what only the page knows (the instance's flavors and
 * free disk from 4.10.9, the tenant's current size).
 */

export type NameProblem = 'required' | 'chars' | 'startsDigit' | 'startsPg' | 'length' | 'reserved';

/** Tenant, tenant user and schema names: 1–63 letters, digits, "_"; not a digit or "pg" first; not reserved. */
export function objectNameProblem(name: string, reserved: readonly string[]): NameProblem | undefined {
  if (name === '') return 'required';
  if (name.length > 63) return 'length';
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'chars';
  if (/^[0-9]/.test(name)) return 'startsDigit';
  if (/^pg/i.test(name)) return 'startsPg';
  if (reserved.includes(name)) return 'reserved';
  return undefined;
}

/** 4.10.1 `pdb_name`: the template databases are reserved (L7300). */
export const TENANT_RESERVED_NAMES: readonly string[] = TENANT_TEMPLATE_DATABASES;
/** 4.10.10 / 4.10.15 user names: the system users and root. */
export const TENANT_USER_RESERVED_NAMES: readonly string[] = SYSTEM_USERS_AND_ROOT;
/** 4.10.14: root may be reset, the system users may not. */
export const TENANT_RESET_RESERVED_NAMES: readonly string[] = SYSTEM_USERS;
/** 4.10.11 / 4.10.15 schema names. */
export const TENANT_SCHEMA_RESERVED_NAMES: readonly string[] = RESERVED_TENANT_SCHEMA_NAMES;

export type PasswordProblem = 'required' | 'length' | 'foreign' | 'classes' | 'sameAsName';

const reversed = (s: string) => [...s].reverse().join('');

/**
 * Tenant passwords (4.10.1 root, 4.10.10 users, 4.10.14 reset): 8–32 characters, three of upper, lower,
 * digits and the endpoint's special characters, nothing else, and not the name or the name backwards
 * (compared without case, as the kernel does).
 */
export function tenantPasswordProblem(
  password: string,
  name: string,
  specials: string,
): PasswordProblem | undefined {
  if (password === '') return 'required';
  if (password.length < 8 || password.length > 32) return 'length';
  const { classes, foreign } = passwordClasses(password, specials);
  if (foreign.length > 0) return 'foreign';
  if (classes < 3) return 'classes';
  const p = password.toLowerCase();
  if (name !== '' && (p === name.toLowerCase() || p === reversed(name).toLowerCase())) return 'sameAsName';
  return undefined;
}

/** The first character a password may not contain (for the message), if any. */
export const foreignChar = (password: string, specials: string) =>
  passwordClasses(password, specials).foreign[0];

/** A cpu/mem pair must be one 4.10.9 offers for this instance. */
export const flavorKey = (f: TenantFlavor) => `${f.cpu}/${f.mem}`;
export function flavorProblem(
  cpu: number,
  mem: number,
  offered: readonly TenantFlavor[],
): 'notOffered' | undefined {
  return offered.some((f) => f.cpu === cpu && f.mem === mem) ? undefined : 'notOffered';
}

export type DiskProblem = 'notInteger' | 'tooLarge' | 'notLarger' | 'nothingLeft';

/** 4.10.1 `disk`: whole GB, at least 1, at most what the instance has left for tenants. */
export function createDiskProblem(disk: number, remaining: number | undefined): DiskProblem | undefined {
  if (remaining !== undefined && remaining < 1) return 'nothingLeft';
  if (!Number.isInteger(disk) || disk < 1) return 'notInteger';
  if (remaining !== undefined && disk > remaining) return 'tooLarge';
  return undefined;
}

/** 4.10.4 `disk`: the new total, larger than the current quota (it never shrinks), within current + what is left. */
export function enlargeDiskProblem(
  disk: number,
  current: number,
  remaining: number | undefined,
): DiskProblem | undefined {
  if (remaining !== undefined && remaining < 1) return 'nothingLeft';
  if (!Number.isInteger(disk) || disk < 1) return 'notInteger';
  if (disk <= current) return 'notLarger';
  if (remaining !== undefined && disk > current + remaining) return 'tooLarge';
  return undefined;
}

/** A number from the API that may arrive as a string (disk "20"). */
export const gb = (v: string | number | null | undefined): number | undefined => {
  const n = typeof v === 'number' ? v : Number.parseFloat(String(v ?? ''));
  return Number.isFinite(n) ? n : undefined;
};
