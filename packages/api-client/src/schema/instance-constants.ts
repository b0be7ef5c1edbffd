import { z } from 'zod';
import { withCode } from './error-codes';
import { typeError } from './rules';

/**
 * Constants and plain checks of the instance sections (4.4.x): deployment shapes, versions, disk size per
 * shard count, availability-zone layouts, component ids. Shared by the request schemas (rules-instances.ts),
 * the emulator and the web forms.
 */

export const HA_MODES = ['enterprise', 'combined', 'centralization_standard'] as const;
export type HaMode = (typeof HA_MODES)[number];
export const HA_CONSISTENCIES = ['strong', 'eventual'] as const;
export const REPLICATION_MODES = ['sync'] as const;
export const CONSISTENCY_PROTOCOLS = ['quorum', 'paxos'] as const;
/** triset/double: centralized; hcs2: combined; hws: distributed independent deployment (4.7.10, INST-3). */
export const SOLUTIONS = ['triset', 'double', 'hcs2', 'hws'] as const;
export type Solution = (typeof SOLUTIONS)[number];
export const SOLUTIONS_BY_MODE: Record<HaMode, readonly Solution[]> = {
  centralization_standard: ['triset', 'double'],
  combined: ['hcs2'],
  enterprise: ['hws'],
};
export const OS_TYPES = ['Euler', 'Hce'] as const;
export const VOLUME_TYPES = ['ULTRAHIGH'] as const;
export const CHARGE_MODES = ['postPaid', 'prePaid'] as const;
/** `type` filter and list-item `type` of 4.4.4 (case-sensitive). */
export const INSTANCE_TYPES = ['Enterprise', 'Centralization_standard'] as const;
export const COMPONENT_TYPES = ['ALL', 'CN', 'DN', 'CM', 'GTM', 'ETCD'] as const;

/** Scale-out ceilings (4.4.2 L1291-1296): at most 256 CNs and 256 shards after the operation. */
export const MAX_COORDINATORS = 256;
export const MAX_SHARDS = 256;
/** Shards of a distributed instance when the create body does not say (INST-4). */
export const DEFAULT_DISTRIBUTED_SHARDS = 3;
export const DEFAULT_DISTRIBUTED_COORDINATORS = 3;
/** Disk per shard (4.4.1 L1149): 40 GB … 16 TB (16384 GB), in steps of 4 GB. */
export const VOLUME_GB_PER_SHARD_MIN = 40;
export const VOLUME_GB_PER_SHARD_MAX = 16384;
export const VOLUME_STEP_GB_PER_SHARD = 4;

/** Minimum engine versions of version-gated options (4.4.1 L1113-1121, INST-13). */
export const MIN_VERSION = {
  enableForceSwitch: '1.2.2',
  double: '3.220',
  hcs2: '3.223',
  hce: '8.102',
  singleFloatIp: '3.206',
} as const;

/**
 * Compares engine versions by their numeric parts (`8.201`, `3.220`, `V2.0-8.201.0` → 8.201.0).
 * Returns undefined when either is not a dotted number: the rule is then left to the server.
 */
export function compareEngineVersions(a: string, b: string): number | undefined {
  const parse = (v: string) => {
    const tail = v.trim().split('-').pop() ?? '';
    return /^\d+(\.\d+)*$/.test(tail) ? tail.split('.').map(Number) : undefined;
  };
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return undefined;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** True when `version` is known to be older than `min` (unknown or absent versions pass). */
export const versionBelow = (version: string | undefined, min: string) =>
  version !== undefined && (compareEngineVersions(version, min) ?? 0) < 0;

export interface RuleFailure {
  code: string;
  message: string;
}

export const volumeSizeRuleText = (shards: number) =>
  `an integer multiple of ${VOLUME_STEP_GB_PER_SHARD * shards} GB (4 × ${shards} shard${shards === 1 ? '' : 's'}), ` +
  `${VOLUME_GB_PER_SHARD_MIN * shards}–${VOLUME_GB_PER_SHARD_MAX * shards} GB`;

/**
 * The disk rule of 4.4.1/4.4.2/4.7.8 for a given shard count (D.19): range shards×40 … shards×16384 GB,
 * a multiple of shards×4 GB. Exported for the emulator, which knows an existing instance's shards.
 */
export function checkVolumeSize(
  size: number,
  shards: number,
  label = 'volume.size',
): RuleFailure | undefined {
  const rule = volumeSizeRuleText(shards);
  if (size < VOLUME_GB_PER_SHARD_MIN * shards)
    return { code: 'DBS.200023', message: `${label}: must be ${rule}` };
  if (size > VOLUME_GB_PER_SHARD_MAX * shards)
    return {
      code: 'DBS.280612',
      message: `${label}: exceeds the maximum for ${shards} shard(s); must be ${rule}`,
    };
  if (size % (VOLUME_STEP_GB_PER_SHARD * shards) !== 0)
    return { code: 'DBS.280611', message: `${label}: must be ${rule}` };
  return undefined;
}

export type AzLayout = 'single' | 'three' | 'two';

/** Splits `availability_zone` ("az1,az1,az1"); spaces around commas are tolerated. */
export const splitAzs = (value: string) => value.split(',').map((s) => s.trim());

/**
 * The AZ layout rule of 4.4.1 (L1103-1108): three identical AZs (one AZ) or three different AZs; a
 * 1-primary-1-standby (`double`) instance takes exactly two different AZs (INST-7).
 */
export function checkAvailabilityZones(
  value: string,
  solution: Solution | undefined,
): RuleFailure | undefined {
  const azs = splitAzs(value);
  const distinct = new Set(azs).size;
  if (solution === 'double') {
    if (azs.length !== 2 || distinct !== 2)
      return {
        code: 'DBS.200025',
        message:
          'availability_zone: a 1-primary-1-standby (double) instance needs exactly two different AZs, e.g. "az1,az2"',
      };
    return undefined;
  }
  if (azs.length !== 3 || (distinct !== 1 && distinct !== 3))
    return {
      code: 'DBS.200025',
      message:
        'availability_zone: give three AZs separated by commas, either all the same (one AZ, "az1,az1,az1") or all different ("az1,az2,az3")',
    };
  return undefined;
}

export const AZ_LIST_RULE = 'comma-separated AZ codes (letters, digits, ".", "_", "-")';
export const availabilityZoneList = () =>
  withCode(
    z
      .string({ error: typeError(`availability_zone: required, ${AZ_LIST_RULE}`) })
      .refine((v) => splitAzs(v).every((az) => /^[A-Za-z0-9._-]{1,64}$/.test(az)), {
        message: `availability_zone: must be ${AZ_LIST_RULE}`,
      }),
    'DBS.200025',
  );

/** `component_id` of 4.4.8 (L2169): trimmed, 1–7 characters, at least three of upper, lower, digit, "_". */
export const COMPONENT_ID_RULE =
  '1–7 characters (trimmed) from A-Z, a-z, 0-9 and "_", using at least three of these four kinds, e.g. dn_6001';
export const componentId = () =>
  withCode(
    z
      .string({ error: typeError(`component_id: required, ${COMPONENT_ID_RULE}`) })
      .transform((s) => s.trim())
      .pipe(
        z.string().refine(
          (v) => {
            if (!/^[A-Za-z0-9_]{1,7}$/.test(v)) return false;
            const kinds = [/[A-Z]/, /[a-z]/, /\d/, /_/].filter((r) => r.test(v)).length;
            return kinds >= 3;
          },
          { message: `component_id: must be ${COMPONENT_ID_RULE}` },
        ),
      ),
    'DBS.280667',
  );
