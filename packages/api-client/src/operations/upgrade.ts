import { z } from 'zod';
import { defineOperation } from './define';
import { bool, list, obj, opt, str } from '../schema/tolerant';
import { withCode } from '../schema/error-codes';
import { pathId } from '../schema/rules';
import {
  availabilityZoneList,
  targetVersion,
  UPGRADE_ACTIONS,
  UPGRADE_ACTIONS_BY_TYPE,
  UPGRADE_TYPES,
  upgradeShardNum,
} from '../schema/rules-instance-ops';

/**
 * Kernel version upgrade, reference sections 4.6.1–4.6.2. Decisions cited as UPG-n are in
 * decisions/20-instance-ops.md.
 */

const instancePath = z.strictObject({ instance_id: pathId('instance_id') });

// ---- 4.6.1 response -------------------------------------------------------------------------------------

export const upgradeActionOptionSchema = obj({
  /** `upgrade` (observe) | `upgradeAutoCommit` | `commit` | `rollback`. */
  upgrade_action: str(),
  enable: opt(bool()),
});

export const upgradeTypeOptionSchema = obj({
  /** `grey` | `inplace` | `hotfix`. */
  upgrade_type: str(),
  enable: opt(bool()),
  /** `null` in the example for a disabled type. */
  upgrade_action_list: opt(list(upgradeActionOptionSchema)),
  /** `null` until an upgrade flow has chosen whether to upgrade AZs in parallel. */
  is_parallel_upgrade: opt(bool()),
});
export type UpgradeTypeOption = z.output<typeof upgradeTypeOptionSchema>;

export const rollUpgradeProgressSchema = obj({
  /** Strings in the table; null for non-independent deployments. */
  upgraded_dn_group_numbers: opt(str()),
  total_dn_group_numbers: opt(str()),
  /** Comma-separated AZ codes; null for independent deployments. */
  not_fully_upgraded_az: opt(str()),
  already_upgraded_az: opt(str()),
  /** AZ code → display name, e.g. `cn-southwest-244a` → `az1`. */
  az_description_map: opt(z.record(z.string(), str())),
});
export type RollUpgradeProgress = z.output<typeof rollUpgradeProgressSchema>;

export const upgradeCandidatesSchema = obj({
  upgrade_type_list: list(upgradeTypeOptionSchema),
  rollback_enabled: opt(bool()),
  source_version: opt(str()),
  /** Set only while the instance is in UPGRADE TO BE OBSERVED. */
  target_version: opt(str()),
  roll_upgrade_progress: opt(rollUpgradeProgressSchema),
  upgrade_candidate_versions: opt(list(str())),
  hotfix_upgrade_candidate_versions: opt(list(str())),
  hotfix_rollback_candidate_versions: opt(list(str())),
});
export type UpgradeCandidates = z.output<typeof upgradeCandidatesSchema>;

// ---- 4.6.2 body -----------------------------------------------------------------------------------------

const allowedActions = (t: (typeof UPGRADE_TYPES)[number]) => UPGRADE_ACTIONS_BY_TYPE[t].join(', ');

export const upgradeInstanceBody = z
  .strictObject({
    upgrade_type: withCode(
      z.enum(UPGRADE_TYPES, { message: 'upgrade_type: must be inplace, grey or hotfix (case-sensitive)' }),
      'DBS.200001',
    ),
    upgrade_action: withCode(
      z.enum(UPGRADE_ACTIONS, {
        message: 'upgrade_action: must be upgradeAutoCommit, upgrade, commit or rollback (case-sensitive)',
      }),
      'DBS.200001',
    ).optional(),
    target_version: targetVersion().optional(),
    upgrade_shard_num: upgradeShardNum().optional(),
    upgrade_az: availabilityZoneList('upgrade_az').optional(),
  })
  .superRefine((b, ctx) => {
    // Which actions each type takes (L5134-5138); only `inplace` may leave it out (UPG-3).
    if (b.upgrade_action === undefined) {
      if (b.upgrade_type !== 'inplace') {
        ctx.addIssue({
          code: 'custom',
          path: ['upgrade_action'],
          message: `upgrade_action: required for ${b.upgrade_type} upgrades (${allowedActions(b.upgrade_type)})`,
        });
      }
    } else if (!UPGRADE_ACTIONS_BY_TYPE[b.upgrade_type].includes(b.upgrade_action)) {
      ctx.addIssue({
        code: 'custom',
        path: ['upgrade_action'],
        message: `upgrade_action: ${b.upgrade_type} upgrades take ${allowedActions(b.upgrade_type)}, not ${b.upgrade_action}`,
      });
    }
    // Several versions only make sense for hotfixes (L5141; UPG-4).
    if (b.target_version !== undefined && b.upgrade_type !== 'hotfix' && b.target_version.includes(',')) {
      ctx.addIssue({
        code: 'custom',
        path: ['target_version'],
        message: 'target_version: only hotfix upgrades take several versions (comma-separated)',
      });
    }
    // Shard count and AZs choose what one "upgrade to be observed" step covers; elsewhere they mean nothing (UPG-5).
    const observeStep = b.upgrade_type === 'grey' && b.upgrade_action === 'upgrade';
    if (!observeStep) {
      if (b.upgrade_shard_num !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['upgrade_shard_num'],
          message: 'upgrade_shard_num: only with upgrade_type grey and upgrade_action upgrade',
        });
      }
      if (b.upgrade_az !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['upgrade_az'],
          message: 'upgrade_az: only with upgrade_type grey and upgrade_action upgrade',
        });
      }
    }
  });
export type UpgradeInstanceBody = z.input<typeof upgradeInstanceBody>;

export const upgradeOperations = {
  listUpgradeCandidates: defineOperation({
    id: 'listUpgradeCandidates',
    section: '4.6.1',
    title: 'List the versions an instance can upgrade to',
    titleZh: '查询实例可升级版本',
    area: 'upgrade',
    method: 'GET',
    path: '/v3.1/{project_id}/instances/{instance_id}/db-upgrade/candidate-versions',
    pathParams: instancePath,
    response: upgradeCandidatesSchema,
    successStatus: 200,
  }),

  upgradeInstance: defineOperation({
    id: 'upgradeInstance',
    section: '4.6.2',
    title: 'Upgrade the kernel version (in-place, rolling or hotfix)',
    titleZh: '实例内核版本升级',
    area: 'upgrade',
    method: 'PUT',
    // The URI format has no prefix; all seven examples add `/gaussdb` (D.3; UPG-1).
    path: '/v3.1/{project_id}/instances/{instance_id}/db-upgrade',
    aliases: ['/gaussdb/v3.1/{project_id}/instances/{instance_id}/db-upgrade'],
    pathParams: instancePath,
    body: upgradeInstanceBody,
    response: obj({ job_id: str() }),
    successStatus: 202,
    job: { names: ['UpgradeGaussDBV5Instance'], nameIsExtension: true },
    // In-place stops service for about 30 minutes; a rolling upgrade interrupts each primary (L5106-5112).
    // Neither an upgrade nor a commit can be undone by the caller.
    destructive: true,
    defaultErrorCode: 'DBS.200001',
  }),
} as const;
