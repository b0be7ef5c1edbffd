import { ApiError } from '../../http/errors';
import { seededId } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { TENANT_CODES } from '../databases/contract-rules';

/**
 * Tenant-level parameters (4.10.6/4.10.7) and the tenant parameter templates (4.10.8).
 *
 * A tenant carries the DN parameters that openGauss lets a PDB override, named with their component prefix
 * (`dn:`). Ranges are written as the reference's example writes them: `|a|b|c` for a list of values,
 * `min-max` for numbers. `restart_required` parameters take effect after the tenant restarts; the emulator
 * applies every value when the modify job completes and reports the flag.
 */
export interface TenantParameterSpec {
  name: string;
  type: 'string' | 'integer' | 'float' | 'boolean';
  default: string;
  /** `|v1|v2` (allowed values) or `min-max`. */
  range: string;
  restart: boolean;
  description: string;
}

export const TENANT_PARAMETERS: readonly TenantParameterSpec[] = [
  {
    name: 'dn:a_format_dev_version',
    type: 'string',
    default: 's6',
    range: '|s1|s2|s3|s4|s5|s6',
    restart: false,
    description: '数据库平台迭代小版本兼容性行为配置项。',
  },
  {
    name: 'dn:audit_enabled',
    type: 'boolean',
    default: 'on',
    range: '|on|off',
    restart: false,
    description: 'Whether the audit process is enabled for the tenant.',
  },
  {
    name: 'dn:audit_system_object',
    type: 'integer',
    default: '67121159',
    range: '0-268435455',
    restart: false,
    description: 'Which DDL operations on database objects are audited (bit mask).',
  },
  {
    name: 'dn:session_timeout',
    type: 'integer',
    default: '600',
    range: '0-86400',
    restart: false,
    description: 'Idle time in seconds after which a client connection is closed; 0 disables it.',
  },
  {
    name: 'dn:statement_timeout',
    type: 'integer',
    default: '0',
    range: '0-2147483647',
    restart: false,
    description: 'Milliseconds after which a running statement is cancelled; 0 disables it.',
  },
  {
    name: 'dn:lockwait_timeout',
    type: 'integer',
    default: '1200000',
    range: '0-2147483647',
    restart: false,
    description: 'Milliseconds to wait for a lock before the statement fails.',
  },
  {
    name: 'dn:log_min_duration_statement',
    type: 'integer',
    default: '1800000',
    range: '-1-2147483647',
    restart: false,
    description: 'Statements running longer than this many milliseconds are logged as slow; -1 disables it.',
  },
  {
    name: 'dn:failed_login_attempts',
    type: 'integer',
    default: '10',
    range: '0-1000',
    restart: false,
    description: 'Failed logins after which an account is locked; 0 disables locking.',
  },
  {
    name: 'dn:password_lock_time',
    type: 'float',
    default: '1',
    range: '0-365',
    restart: false,
    description: 'Days an account stays locked after too many failed logins.',
  },
  {
    name: 'dn:password_effect_time',
    type: 'float',
    default: '90',
    range: '0-999',
    restart: false,
    description: 'Days a password stays valid; 0 means forever.',
  },
  {
    name: 'dn:behavior_compat_options',
    type: 'string',
    default: '',
    range: '',
    restart: false,
    description: 'Compatibility switches for SQL behaviour (comma-separated options).',
  },
  {
    name: 'dn:track_activity_query_size',
    type: 'integer',
    default: '1024',
    range: '100-102400',
    restart: true,
    description: 'Bytes reserved to record the current statement of each session.',
  },
];

const byName = new Map(TENANT_PARAMETERS.map((p) => [p.name, p]));

/** The value a tenant has: its own setting, else the default. */
export function effectiveValue(spec: TenantParameterSpec, overrides: Record<string, string>): string {
  return overrides[spec.name] ?? spec.default;
}

function inRange(spec: TenantParameterSpec, value: string): boolean {
  if (spec.range.startsWith('|')) return spec.range.split('|').slice(1).includes(value);
  if (spec.type === 'string') return value.length <= 1024;
  const pattern = spec.type === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
  if (!pattern.test(value)) return false;
  const m = /^(-?[\d.]+)-(-?[\d.]+)$/.exec(spec.range);
  if (!m) return true;
  const n = Number(value);
  return n >= Number(m[1]) && n <= Number(m[2]);
}

/** Every name must be a known prefixed parameter and every value in its range, or nothing changes. */
export function checkParameterValues(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!name.includes(':')) {
      throw new ApiError(
        400,
        TENANT_CODES.parameterValues,
        `values: "${name}" needs its component prefix, e.g. "dn:${name}"`,
        `values.${name}`,
      );
    }
    const spec = byName.get(name);
    if (!spec)
      throw new ApiError(
        400,
        'DBS.212012',
        `values: the tenant parameter "${name}" does not exist`,
        `values.${name}`,
      );
    if (!inRange(spec, value)) {
      const rule = spec.range.startsWith('|')
        ? `one of ${spec.range.split('|').slice(1).join(', ')}`
        : spec.range
          ? `a ${spec.type} in ${spec.range}`
          : `a ${spec.type}`;
      throw new ApiError(
        400,
        TENANT_CODES.parameterValues,
        `values.${name}: "${value}" is not valid; must be ${rule}`,
        `values.${name}`,
      );
    }
  }
}

export function parameterRestartNeeded(values: Record<string, string>): boolean {
  return Object.keys(values).some((n) => byName.get(n)?.restart === true);
}

/** `yyyy-MM-dd HH:mm:ss` (UTC), the format of 4.10.7/4.10.8. */
export function dateTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '');
}

/** The engine's `V2.0-8.201` spelling. */
export const datastoreVersion = (inst: InstanceDoc) => `V2.0-${inst.datastore.version}`;

export interface TenantTemplate {
  id: string;
  name: string;
  description: string;
  datastore_version: string;
  datastore_name: string;
  ha_mode: string;
  created: string;
  updated: string;
  user_defined: boolean;
}

/** Release date of each engine's system templates (fixed, so ids and dates are stable). */
const RELEASED: Record<string, number> = {
  '8.201': Date.UTC(2024, 7, 15, 2, 50, 30),
  '8.102': Date.UTC(2023, 11, 1, 3, 0, 0),
  '3.223': Date.UTC(2023, 4, 20, 6, 0, 0),
};

/** 4.10.8: the system PDB template of the instance's engine version (read-only, `user_defined` false). */
export function tenantTemplates(inst: InstanceDoc): TenantTemplate[] {
  const v = inst.datastore.version;
  const at = dateTime(RELEASED[v] ?? Date.UTC(2024, 0, 1));
  return [
    {
      id: seededId(`pdb-template:${v}`, 'pr14'),
      name: `Default-Enterprise-Edition-GaussDB-${v}-CNTRL-PDB`,
      description: `Default parameter template for Enterprise Edition GaussDB${v}-PDB-Centralized`,
      datastore_version: `V2.0-${v}`,
      datastore_name: 'GaussDB',
      ha_mode: 'centralization_standard',
      created: at,
      updated: at,
      user_defined: false,
    },
  ];
}

export function assertTemplateOf(inst: InstanceDoc, configId: string): TenantTemplate {
  const t = tenantTemplates(inst).find((x) => x.id === configId);
  if (!t) {
    throw new ApiError(
      400,
      TENANT_CODES.configurationId,
      `configuration_id: ${configId} is not a tenant parameter template of this instance (list them with GET …/pdb/configurations)`,
      'configuration_id',
    );
  }
  return t;
}
