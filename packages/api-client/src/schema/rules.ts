import { z } from 'zod';
import { withCode } from './error-codes';

/**
 * Request rules shared by several sections. Each message names the rule so that a 400 tells the caller
 * what to fix; each carries the reference's DBS code (see A.4 of the catalog and docs/api-decisions.md).
 */

export const INSTANCE_NAME_RULE = '4–64 characters: starts with a letter; letters, digits, "-" and "_" only';
/** Instance name (4.4.1, 4.4.6, 4.7.8, 5.1.1): case-sensitive, duplicates allowed. */
export const instanceName = () =>
  withCode(
    z
      .string({
        error: (iss) =>
          iss.code === 'invalid_type' ? `instance name: required; ${INSTANCE_NAME_RULE}` : undefined,
      })
      .regex(/^[A-Za-z][A-Za-z0-9_-]{3,63}$/, { message: `instance name: ${INSTANCE_NAME_RULE}` }),
    'DBS.200021',
  );

/** Special-character sets differ per endpoint (catalog D.18); each section passes its own. */
export const SPECIAL_CHARS = {
  create: '~!@#$%^&*()-_+=[]{};,:<>/?',
  legacyCreate: '~!@#$%^&*()-_+=[{}];,<.>/?',
  restore: '~!@#%^*_+=?,',
  resetRoot: '~!@#%&^*-_+=?,',
  dbUser: '~!@#%^*_-=+?,',
  resetDbUser: '~!@#%^*_+=?/',
  tenantRoot: '~!@#%^*-_+=?,',
  tenantUser: '~!@#%^*_-=+?,',
  tenantUserReset: '~!@#%^*-_+=?,',
} as const;

export interface PasswordRuleOptions {
  specials: string;
  min?: number;
  max?: number;
  code: string;
  label?: string;
}

/** Counts the character classes in a password: upper, lower, digit, one of `specials`. */
export function passwordClasses(value: string, specials: string): { classes: number; foreign: string[] } {
  let upper = false,
    lower = false,
    digit = false,
    special = false;
  const foreign: string[] = [];
  for (const ch of value) {
    if (ch >= 'A' && ch <= 'Z') upper = true;
    else if (ch >= 'a' && ch <= 'z') lower = true;
    else if (ch >= '0' && ch <= '9') digit = true;
    else if (specials.includes(ch)) special = true;
    else foreign.push(ch);
  }
  return { classes: [upper, lower, digit, special].filter(Boolean).length, foreign };
}

export const passwordRuleText = (o: PasswordRuleOptions) =>
  `${o.min ?? 8}–${o.max ?? 32} characters with at least 3 of: upper-case, lower-case, digits, special characters (${o.specials})`;

/** A password: length, at least three classes, nothing outside the classes. */
export function password(o: PasswordRuleOptions) {
  const label = o.label ?? 'password';
  const rule = passwordRuleText(o);
  return withCode(
    z
      .string({
        error: (iss) => (iss.code === 'invalid_type' ? `${label}: required; must be ${rule}` : undefined),
      })
      .superRefine((v, ctx) => {
        const min = o.min ?? 8;
        const max = o.max ?? 32;
        if (v.length < min || v.length > max) {
          ctx.addIssue({ code: 'custom', message: `${label}: must be ${rule}` });
          return;
        }
        const { classes, foreign } = passwordClasses(v, o.specials);
        if (foreign.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `${label}: character "${foreign[0]}" is not allowed; ${rule}`,
          });
        } else if (classes < 3) {
          ctx.addIssue({ code: 'custom', message: `${label}: must be ${rule}` });
        }
      }),
    o.code,
  );
}

export const RESTRICTED_PORTS = [
  2378, 2379, 2380, 4999, 5000, 5999, 6000, 6001, 8097, 8098, 12016, 12017, 20049, 20050, 21731, 21732, 32122,
  32123, 32124,
] as const;
export const PORT_RULE = `an integer 1024–39998, except ${RESTRICTED_PORTS.join(', ')}`;

/** Database port: sent as a string (numbers tolerated, see D.13); 1024–39998 and not restricted. */
export const port = () =>
  withCode(
    z
      .union([z.string(), z.number()], { error: `port: must be ${PORT_RULE}` })
      .transform((v) => String(v))
      .refine((v) => /^\d+$/.test(v) && Number(v) >= 1024 && Number(v) <= 39998, {
        message: `port: must be ${PORT_RULE}`,
      })
      .refine((v) => !(RESTRICTED_PORTS as readonly number[]).includes(Number(v)), {
        message: `port: this port is reserved by the service; choose one outside ${RESTRICTED_PORTS.join(', ')}`,
      }),
    'DBS.280364',
  );

export const TIME_ZONE_RULE = 'UTC-12:00 … UTC+12:00 in whole hours, e.g. UTC+08:00';
export const timeZone = () =>
  withCode(
    z
      .string({
        error: (iss) => (iss.code === 'invalid_type' ? `time_zone: must be ${TIME_ZONE_RULE}` : undefined),
      })
      .regex(/^UTC[+-](0\d|1[0-2]):00$/, { message: `time_zone: must be ${TIME_ZONE_RULE}` }),
    'DBS.280447',
  );

export const BACKUP_WINDOW_RULE =
  '"hh:00-HH:00" (UTC) where HH is one hour after hh, e.g. 02:00-03:00 or 23:00-00:00';
/** Backup window: one whole hour, HH = (hh + 1) mod 24 (D.27). */
export const backupWindow = () =>
  withCode(
    z
      .string({
        error: (iss) =>
          iss.code === 'invalid_type' ? `start_time: required; must be ${BACKUP_WINDOW_RULE}` : undefined,
      })
      .refine(
        (v) => {
          const m = /^([01]\d|2[0-3]):00-([01]\d|2[0-3]):00$/.exec(v);
          return !!m && (Number(m[1]) + 1) % 24 === Number(m[2]);
        },
        { message: `start_time: must be ${BACKUP_WINDOW_RULE}` },
      ),
    'DBS.280216',
  );

/** keep_days: 0–732 on create (0 means 7), 1–732 on the policy PUT (D.25). */
export const keepDays = (min: 0 | 1) =>
  withCode(
    z
      .number({ message: 'keep_days: must be an integer' })
      .int({ message: 'keep_days: must be an integer' })
      .min(min, { message: `keep_days: must be ${min}–732` })
      .max(732, { message: `keep_days: must be ${min}–732` }),
    'DBS.280214',
  );

/** Name of a database, user, schema or tenant (PDB): 1–63, letter or `_` first, not `pg…` (D.33). */
export const dbObjectName = (label: string, code: string, reserved: readonly string[] = []) =>
  withCode(
    z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, {
        message: `${label}: 1–63 characters; letters, digits and "_" only; must not start with a digit`,
      })
      .refine((v) => !/^pg/i.test(v), { message: `${label}: must not start with "pg"` })
      .refine((v) => !reserved.includes(v), { message: `${label}: ${reserved.join(', ')} are reserved` }),
    code,
  );

export const SYSTEM_USERS = ['rdsAdmin', 'rdsMetric', 'rdsBackup', 'rdsRepl'] as const;
export const TEMPLATE_DATABASES = ['postgres', 'template0', 'template1'] as const;
export const TENANT_TEMPLATE_DATABASES = [
  'postgres',
  'template0',
  'template1',
  'templatea',
  'templatem',
  'template_pdb',
] as const;
export const BUILTIN_SCHEMAS = ['public', 'information_schema'] as const;

export const TAG_KEY_RULE = '1–36 characters: letters, Chinese characters, digits, "_", "-", ".", "@"';
export const TAG_VALUE_RULE = '0–43 characters: letters, Chinese characters, digits, "_", "-", ".", "@"';
export const tagKey = () =>
  withCode(
    z
      .string()
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(1, { message: `tag key: ${TAG_KEY_RULE}` })
          .max(36, { message: `tag key: ${TAG_KEY_RULE}` })
          .regex(/^[\p{L}0-9_.@-]+$/u, { message: `tag key: ${TAG_KEY_RULE}` }),
      ),
    'DBS.200001',
  );
export const tagValue = () =>
  withCode(
    z
      .string()
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .max(43, { message: `tag value: ${TAG_VALUE_RULE}` })
          .regex(/^[\p{L}0-9_.@-]*$/u, { message: `tag value: ${TAG_VALUE_RULE}` }),
      ),
    'DBS.200001',
  );

/** An id in a path: non-blank, no slashes (existence is the server's concern, D.34). */
export const pathId = (label: string) =>
  withCode(
    z
      .string()
      .trim()
      .min(1, { message: `${label}: required` })
      .max(128, { message: `${label}: at most 128 characters` })
      .regex(/^[^/?#\s]+$/, { message: `${label}: must not contain "/", "?", "#" or spaces` }),
    'DBS.280404',
  );

/** offset/limit with the reference's ranges; query strings arrive as text, so coerce. */
export const offsetParam = () =>
  withCode(
    z.coerce
      .number({ message: 'offset: must be an integer ≥ 0' })
      .int({ message: 'offset: must be an integer ≥ 0' })
      .min(0, { message: 'offset: must be an integer ≥ 0' }),
    'DBS.280440',
  );
export const limitParam = (max: number) =>
  withCode(
    z.coerce
      .number({ message: `limit: must be an integer 1–${max}` })
      .int({ message: `limit: must be an integer 1–${max}` })
      .min(1, { message: `limit: must be an integer 1–${max}` })
      .max(max, { message: `limit: must be an integer 1–${max}` }),
    'DBS.280439',
  );

/**
 * Error option for a schema's own type failure (missing or wrong JSON type) that names the field, while
 * leaving other issues (unknown keys, nested failures) with their own messages.
 */
export const typeError = (message: string) => (issue: { code?: string }) =>
  issue.code === 'invalid_type' ? message : undefined;

/** A required, non-blank string without surrounding spaces (ids, codes, names chosen from a list). */
export const requiredText = (label: string, code: string, max = 128) =>
  withCode(
    z
      .string({ error: typeError(`${label}: required, a non-empty string`) })
      .min(1, { message: `${label}: must not be empty` })
      .max(max, { message: `${label}: at most ${max} characters` })
      .refine((v) => v.trim() === v && v.length > 0, {
        message: `${label}: must not be blank or have leading/trailing spaces`,
      }),
    code,
  );

/**
 * An integer field. JSON numbers are expected, but the reference's own examples send integers as strings
 * (`"size": "120"`, `"count": "1"`, catalog D.13), so a string of digits is accepted and turned into a number.
 */
export const wholeNumber = (label: string, code: string, range: { min?: number; max?: number } = {}) => {
  const min = range.min ?? Number.MIN_SAFE_INTEGER;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const rule =
    range.min !== undefined && range.max !== undefined
      ? `an integer ${min}–${max}`
      : range.min !== undefined
        ? `an integer ≥ ${min}`
        : range.max !== undefined
          ? `an integer ≤ ${max}`
          : 'an integer';
  return withCode(
    z
      .union([z.number(), z.string().regex(/^-?\d+$/)], { error: `${label}: must be ${rule}` })
      .transform((v) => Number(v))
      .pipe(
        z
          .number()
          .int({ message: `${label}: must be ${rule}` })
          .min(min, { message: `${label}: must be ${rule}` })
          .max(max, { message: `${label}: must be ${rule}` }),
      ),
    code,
  );
};

/**
 * A string enum the reference declares case-insensitive ("不区分大小写"): any casing is accepted and the
 * canonical spelling is what the schema outputs, so the emulator and the UI compare one spelling.
 */
export const caseInsensitiveEnum = <const T extends readonly [string, ...string[]]>(
  values: T,
  label: string,
  code: string,
) =>
  withCode(
    z
      .string({ error: typeError(`${label}: required, one of ${values.join(', ')}`) })
      .refine((v) => values.some((x) => x.toLowerCase() === v.toLowerCase()), {
        message: `${label}: must be one of ${values.join(', ')} (any case)`,
      })
      .transform((v) => values.find((x) => x.toLowerCase() === v.toLowerCase()) as T[number]),
    code,
  );

/** A string enum compared exactly (the reference says "区分大小写" or gives no rule). */
export const exactEnum = <const T extends readonly [string, ...string[]]>(
  values: T,
  label: string,
  code: string,
) => withCode(z.enum(values, { error: `${label}: must be one of ${values.join(', ')}` }), code);
