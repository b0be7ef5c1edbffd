import { z } from 'zod';
import { withCode } from './error-codes';
import {
  BUILTIN_SCHEMAS,
  dbObjectName,
  password,
  SYSTEM_USERS,
  TEMPLATE_DATABASES,
  TENANT_TEMPLATE_DATABASES,
} from './rules';

/**
 * Request rules for databases, database users, schemas and privileges (4.9.x, and the tenant-level
 * 4.10.10–4.10.15 that repeat them). Which names are reserved differs per endpoint (catalog D.31), so
 * each field says which list it uses; see docs/api-decisions.md (DB-*, PDB-*).
 */

/** The DBS code each rule answers with (catalog A.4; error-codes.json). */
export const DB_CODES = {
  databaseName: 'DBS.280631',
  userName: 'DBS.200062',
  schemaName: 'DBS.280632',
  /** "Incorrect username or password parameter": the only code the reference has for a DB user's password. */
  userPassword: 'DBS.200029',
  template: 'DBS.280653',
  parameter: 'DBS.200001',
  /** 4.10.14: the new password equals the old one. Only the server knows the old one (PDB-9). */
  passwordReuse: 'DBS.200475',
} as const;

/** Users the create-user and grant calls refuse: the system users plus `root` (4.9.2, 4.9.4, 4.10.10, 4.10.15). */
export const SYSTEM_USERS_AND_ROOT = [...SYSTEM_USERS, 'root'] as const;
/** Names a schema may not take at instance level (4.9.3, 4.9.4). */
export const RESERVED_SCHEMA_NAMES = [...TEMPLATE_DATABASES, ...BUILTIN_SCHEMAS] as const;
/** Names a schema may not take inside a tenant (4.10.11, 4.10.15). */
export const RESERVED_TENANT_SCHEMA_NAMES = [...TENANT_TEMPLATE_DATABASES, ...BUILTIN_SCHEMAS] as const;

/**
 * Wraps a string rule so that a missing or non-string value also fails with a message naming the field
 * (zod's own "expected string" names nothing). The code sits on the wrapper, where dbsCodeForPath looks.
 */
export function requiredText<T extends z.ZodType<string, string>>(
  label: string,
  rule: T,
  code: string,
  what = 'a string',
) {
  return withCode(z.string({ error: `${label}: required, ${what}` }).pipe(rule), code);
}

export const databaseName = (label: string) =>
  requiredText(
    label,
    dbObjectName(label, DB_CODES.databaseName, TEMPLATE_DATABASES),
    DB_CODES.databaseName,
    'a database name',
  );

export const dbUserName = (label: string, reserved: readonly string[]) =>
  requiredText(
    label,
    dbObjectName(label, DB_CODES.userName, reserved),
    DB_CODES.userName,
    'a database user name',
  );

export const schemaName = (label: string, reserved: readonly string[]) =>
  requiredText(
    label,
    dbObjectName(label, DB_CODES.schemaName, reserved),
    DB_CODES.schemaName,
    'a schema name',
  );

/** A DB user's password with its endpoint's special-character set (D.18). */
export const dbUserPassword = (label: string, specials: string, code: string = DB_CODES.userPassword) =>
  requiredText(label, password({ specials, code, label }), code, 'a password');

export const requiredBoolean = (label: string) =>
  withCode(z.boolean({ error: `${label}: required, true or false` }), DB_CODES.parameter);

/** A list sent in one call: 1..max items (4.9.3/4.10.11: 20 schemas; 4.9.4/4.10.15: 50 users). */
export function boundedList<T extends z.ZodType>(label: string, item: T, max: number) {
  const rule = `${label}: must be a list of 1–${max} items`;
  return withCode(
    z.array(item, { error: rule }).min(1, { message: rule }).max(max, { message: rule }),
    DB_CODES.parameter,
  );
}

const reversed = (s: string) => [...s].reverse().join('');

/**
 * Object-level check: the password must not equal the user name or the name reversed. Compared without
 * regard to case, as the openGauss kernel does (DB-4), so the server never refuses what we let through.
 */
export function passwordNotName(nameKey: string, passwordKey: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const name = value[nameKey];
    const pwd = value[passwordKey];
    if (typeof name !== 'string' || typeof pwd !== 'string' || name === '') return;
    const p = pwd.toLowerCase();
    if (p === name.toLowerCase() || p === reversed(name).toLowerCase()) {
      ctx.addIssue({
        code: 'custom',
        path: [passwordKey],
        message: `${passwordKey}: must not equal ${nameKey} or ${nameKey} spelled backwards (case-insensitive)`,
      });
    }
  };
}

/** Optional free-text setting of a new database (character set, collation): a short identifier. */
export const dbSetting = (label: string, pattern: RegExp, rule: string) =>
  withCode(
    z.string({ error: `${label}: must be a string` }).regex(pattern, { message: `${label}: ${rule}` }),
    DB_CODES.parameter,
  );
