import { z } from 'zod';
import { withCode } from './error-codes';
import { password, SPECIAL_CHARS } from './rules';

/**
 * Request rules for the instance day-2 operations (4.4.14–4.4.27) and the kernel upgrade (4.6.x).
 * Rules shared with other areas live in rules.ts; these are specific to this area.
 */

// ---- 4.4.14 weak-password check -------------------------------------------------------------------------

/**
 * Passwords the service calls weak even though they pass the complexity rule (D.47: the reference gives no
 * definition; OPS-1). Compared case-insensitively.
 */
export const WEAK_PASSWORD_DICTIONARY = [
  'Gauss@123',
  'Gauss_123',
  'GaussDB@123',
  'Gaussdb@123',
  'Admin@123',
  'Admin_123',
  'Root@123',
  'Passw0rd!',
  'Passw0rd@',
  'P@ssw0rd',
  'P@ssw0rd123',
  'Password@123',
  'Password123!',
  'Huawei@123',
  'Huawei12#$',
  'Test@123',
  'Qwer@1234',
  'Abc@1234',
  'Abcd@1234',
  '1qaz@WSX',
  '1qaz!QAZ',
  'Welcome@123',
] as const;

// The checked password is the instance's root password, so the complexity rule is the one of 4.4.1.
const rootComplexity = password({ specials: SPECIAL_CHARS.create, code: 'DBS.200068' });
const dictionary = new Set(WEAK_PASSWORD_DICTIONARY.map((p) => p.toLowerCase()));

/** What 4.4.14 answers: weak = breaks the root-password complexity rule, or is a well-known password. */
export function isWeakPassword(value: string): boolean {
  return !rootComplexity.safeParse(value).success || dictionary.has(value.toLowerCase());
}

/** The body of 4.4.14 only has to be a password to judge; judging is the answer, not a 400 (OPS-1). */
export const passwordToCheck = () =>
  withCode(
    z
      .string({ message: 'password: required, a string' })
      .min(1, { message: 'password: required, 1–128 characters' })
      .max(128, { message: 'password: at most 128 characters' }),
    'DBS.200001',
  );

// ---- node ids (4.4.15, 4.4.18, 4.4.19) -------------------------------------------------------------------

const NODE_ID_RULE = '1–128 characters without "/", "?", "#" or spaces';
/** A node id in a body: existence is the server's concern (D.34), so only its shape is checked. */
export const nodeId = () =>
  withCode(
    z
      .string({ message: `node id: must be a string of ${NODE_ID_RULE}` })
      .regex(/^[^/?#\s]{1,128}$/, { message: `node id: must be ${NODE_ID_RULE}` }),
    'DBS.280404',
  );

/** `node_ids` of db-startup/db-stop: required, not null; `[]` means the whole instance; no repeats. */
export const nodeIdList = () =>
  withCode(
    z
      .array(nodeId(), {
        message:
          'node_ids: required, an array of node ids ([] means the whole instance); null is not allowed',
      })
      .max(512, { message: 'node_ids: at most 512 node ids' })
      .superRefine((ids, ctx) => {
        const seen = new Set<string>();
        ids.forEach((id, i) => {
          if (seen.has(id))
            ctx.addIssue({
              code: 'custom',
              message: `node_ids: node id "${id}" is listed twice (entry ${i})`,
            });
          seen.add(id);
        });
      }),
    'DBS.200001',
  );

// ---- 4.4.15 elastic public IP ---------------------------------------------------------------------------

export const PUBLIC_IP_ACTIONS = ['BIND', 'UNBIND'] as const;

const isIpAddress = (v: string) => z.ipv4().safeParse(v).success || z.ipv6().safeParse(v).success;
export const publicIpAddress = () =>
  withCode(
    z.string({ message: 'public_ip: required, an IPv4 or IPv6 address' }).refine(isIpAddress, {
      message: 'public_ip: must be an IPv4 or IPv6 address, e.g. 10.154.218.161',
    }),
    'DBS.200001',
  );

const PUBLIC_IP_ID_RULE = '1–64 characters: letters, digits and "-"';
export const publicIpId = () =>
  withCode(
    z
      .string({ message: `public_ip_id: required, ${PUBLIC_IP_ID_RULE}` })
      .regex(/^[A-Za-z0-9-]{1,64}$/, { message: `public_ip_id: must be ${PUBLIC_IP_ID_RULE}` }),
    'DBS.200001',
  );

// ---- availability zones (4.4.24, 4.6.2) ----------------------------------------------------------------

const AZ_RULE = '1–64 characters: letters, digits, "-" and "_"';
const AZ_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** One availability-zone code, e.g. `az1xahz` or `cn-southwest-244a`. */
export const availabilityZone = (label: string) =>
  withCode(
    z
      .string({ message: `${label}: required, an AZ code (${AZ_RULE})` })
      .regex(AZ_PATTERN, { message: `${label}: must be an AZ code of ${AZ_RULE}` }),
    'DBS.200025',
  );

/** Comma-separated AZ codes, each once (4.6.2 `upgrade_az`). */
export const availabilityZoneList = (label: string) =>
  withCode(
    z.string({ message: `${label}: must be a string of comma-separated AZ codes` }).superRefine((v, ctx) => {
      const parts = v.split(',').map((p) => p.trim());
      const bad = parts.find((p) => !AZ_PATTERN.test(p));
      if (bad !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}: must be comma-separated AZ codes, each ${AZ_RULE}${bad === '' ? ' (found an empty entry)' : ` (found "${bad}")`}`,
        });
        return;
      }
      const dup = parts.find((p, i) => parts.indexOf(p) !== i);
      if (dup !== undefined)
        ctx.addIssue({ code: 'custom', message: `${label}: AZ "${dup}" is listed twice` });
    }),
    'DBS.200025',
  );

// ---- 4.4.26 / 4.4.27 advanced features ------------------------------------------------------------------

/** The features 4.4.26/4.4.27 know (D.45; OPS-7): all take `on`/`off`. */
export const ADVANCED_FEATURES = ['ledger', 'ilm', 'security', 'vectordb'] as const;
export type AdvancedFeatureName = (typeof ADVANCED_FEATURES)[number];
export const ADVANCED_FEATURE_VALUES = ['on', 'off'] as const;

/** The code the service answers when the instance's edition lacks a feature (A.3 DBS.06014012–14). */
export const ADVANCED_FEATURE_EDITION_CODES: Readonly<Partial<Record<AdvancedFeatureName, string>>> = {
  ledger: 'DBS.06014012',
  security: 'DBS.06014013',
  vectordb: 'DBS.06014014',
};

const isFeature = (k: string): k is AdvancedFeatureName =>
  (ADVANCED_FEATURES as readonly string[]).includes(k);

/** `params` of 4.4.27: `{ feature: "on" | "off" }`, at least one feature, only known features. */
export const advancedFeatureParams = () =>
  withCode(
    z
      .record(z.string(), z.string({ message: 'params: each value must be the string "on" or "off"' }), {
        message: 'params: required, an object of feature name → "on" | "off"',
      })
      .superRefine((params, ctx) => {
        const keys = Object.keys(params);
        if (keys.length === 0) {
          ctx.addIssue({
            code: 'custom',
            message: `params: name at least one feature (${ADVANCED_FEATURES.join(', ')})`,
          });
          return;
        }
        for (const k of keys) {
          if (!isFeature(k)) {
            ctx.addIssue({
              code: 'custom',
              path: [k],
              message: `params.${k}: unknown feature; known features are ${ADVANCED_FEATURES.join(', ')}`,
            });
          } else if (!(ADVANCED_FEATURE_VALUES as readonly string[]).includes(params[k] ?? '')) {
            ctx.addIssue({ code: 'custom', path: [k], message: `params.${k}: must be "on" or "off"` });
          }
        }
      }),
    'DBS.06010013',
  );

// ---- 4.6.2 kernel upgrade ------------------------------------------------------------------------------

export const UPGRADE_TYPES = ['inplace', 'grey', 'hotfix'] as const;
export const UPGRADE_ACTIONS = ['upgradeAutoCommit', 'upgrade', 'commit', 'rollback'] as const;
export type UpgradeType = (typeof UPGRADE_TYPES)[number];
export type UpgradeAction = (typeof UPGRADE_ACTIONS)[number];

/** Which actions each upgrade type takes (L5134-5138); `inplace` may omit it (UPG-3). */
export const UPGRADE_ACTIONS_BY_TYPE: Readonly<Record<UpgradeType, readonly UpgradeAction[]>> = {
  inplace: ['upgradeAutoCommit'],
  grey: ['upgradeAutoCommit', 'upgrade', 'commit', 'rollback'],
  hotfix: ['upgradeAutoCommit', 'rollback'],
};

const VERSION_RULE = '1–64 characters: letters, digits, ".", "-" and "_"';
const VERSION_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** `target_version`: one version, or for hotfixes several joined by "," (D.46; UPG-4). */
export const targetVersion = () =>
  withCode(
    z
      .string({ message: `target_version: must be a version string (${VERSION_RULE})` })
      .superRefine((v, ctx) => {
        const parts = v.split(',').map((p) => p.trim());
        const bad = parts.find((p) => !VERSION_PATTERN.test(p));
        if (bad !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `target_version: each version must be ${VERSION_RULE}${bad === '' ? ' (found an empty entry)' : ` (found "${bad}")`}`,
          });
        }
      }),
    'DBS.200041',
  );

/** `upgrade_shard_num`: shards to upgrade in this step (the server checks it against those not yet upgraded). */
export const upgradeShardNum = () =>
  withCode(
    z
      .number({ message: 'upgrade_shard_num: must be an integer 1–256' })
      .int({ message: 'upgrade_shard_num: must be an integer 1–256' })
      .min(1, { message: 'upgrade_shard_num: must be an integer 1–256' })
      .max(256, { message: 'upgrade_shard_num: must be an integer 1–256' }),
    'DBS.280601',
  );
