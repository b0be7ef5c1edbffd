import { z } from 'zod';
import { withCode } from './error-codes';
import { dbObjectName, TENANT_TEMPLATE_DATABASES } from './rules';
import { DB_CODES, requiredText } from './rules-databases';

/**
 * Request rules for tenants (PDBs, 4.10.x). The tenant's CPU/memory pair and its disk ceiling come from
 * listTenantFlavors (4.10.9), which only the server knows; the contract checks their shape.
 */

export const TENANT_CODES = {
  /** A PDB is a database: its name breaks the database-name rule. */
  name: DB_CODES.databaseName,
  /** "Invalid database root password": pdb_pd_in_db is the tenant's root password. */
  rootPassword: 'DBS.200052',
  /** "Invalid specifications": cpu/mem not a valid tenant flavor. */
  flavor: 'DBS.200054',
  /** "Storage space is out of range". */
  disk: 'DBS.200023',
  /** "Invalid parameter template ID". */
  configurationId: 'DBS.200057',
  /** "Invalid parameter": tenant parameter values (4.10.6). */
  parameterValues: 'DBS.212017',
} as const;

/** 4.10.1 `encoding`: case-sensitive (L7303). */
export const TENANT_ENCODINGS = [
  'UTF8',
  'SQL_ASCII',
  'GBK',
  'Latin1',
  'GB18030',
  'EUC_TW',
  'EUC_KR',
  'EUC_CN',
  'EUC_JP',
] as const;

export const tenantName = (label: string) =>
  requiredText(
    label,
    dbObjectName(label, TENANT_CODES.name, TENANT_TEMPLATE_DATABASES),
    TENANT_CODES.name,
    'a tenant name',
  );

/** cpu or mem of a tenant: a whole number ≥ 1, one of the pairs listTenantFlavors returns. */
export const tenantFlavorValue = (label: string, unit: string) => {
  const rule = `${label}: must be a whole number ≥ 1 (${unit}), a pair listTenantFlavors offers`;
  return withCode(
    z.number({ error: rule }).int({ message: rule }).min(1, { message: rule }),
    TENANT_CODES.flavor,
  );
};

const DISK_RULE = 'must be a whole number of GB ≥ 1';
const digits = /^[1-9]\d*$/;

/**
 * 4.10.1 `disk`: declared String ("20", L7302). A JSON number is accepted too (D.13) and sent as the
 * declared string.
 */
export const tenantDiskOnCreate = () =>
  withCode(
    z
      .union([z.string(), z.number()], { error: `disk: required, ${DISK_RULE}` })
      .transform((v) => String(v).trim())
      .refine((v) => digits.test(v), {
        message: `disk: ${DISK_RULE}, at most what listTenantFlavors reports as remaining_disk`,
      }),
    TENANT_CODES.disk,
  );

/**
 * 4.10.4 `disk`: declared Integer (L7535) but the example sends "10" (L7555); a numeric string is
 * accepted and sent as the declared integer (PDB-4). It is the new absolute size (D.38, PDB-5).
 */
export const tenantDiskOnEnlarge = () =>
  withCode(
    z
      .union([z.number(), z.string()], { error: `disk: required, ${DISK_RULE}` })
      .transform((v) => (typeof v === 'number' ? v : digits.test(v.trim()) ? Number(v.trim()) : Number.NaN))
      .refine((v) => Number.isInteger(v) && v >= 1, {
        message: `disk: ${DISK_RULE}: the new total size, larger than the current one (a quota cannot shrink)`,
      }),
    TENANT_CODES.disk,
  );

export const tenantEncoding = () =>
  withCode(
    z.enum(TENANT_ENCODINGS, {
      error: `encoding: must be one of ${TENANT_ENCODINGS.join(', ')} (case-sensitive)`,
    }),
    DB_CODES.parameter,
  );

/** lc_collate / lc_ctype of a tenant: "C" is the default and the only value supported (L7306–7307). */
export const onlyC = (label: string) =>
  withCode(z.literal('C', { error: `${label}: only "C" is supported` }), DB_CODES.parameter);

/** 4.10.6 `values`: parameter name → value, names with their component prefix (e.g. `dn:audit_system_object`). */
export const tenantParameterValues = () => {
  const rule =
    'values: an object of at least one parameter name → value, both strings (e.g. {"dn:audit_system_object": "67121160"})';
  return withCode(
    z
      .record(z.string().min(1, { message: rule }).max(128, { message: rule }), z.string({ error: rule }), {
        error: rule,
      })
      .refine((v) => Object.keys(v).length > 0, { message: rule }),
    TENANT_CODES.parameterValues,
  );
};
