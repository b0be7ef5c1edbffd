import { ApiError } from '../../http/errors';
import { registerHandler, type BodyOf } from '../../http/handlers';
import type { JobDoc } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import { compareVersions, completeVersion, VERSIONS } from '../flavors';
import type { InstanceDoc } from '../instance-model';
import {
  assertActionAllowed,
  registerInstanceEffect,
  startInstanceAction,
  type InstanceActionName,
} from '../instance-state';
import {
  assertNoStoppedNodes,
  instanceAzs,
  instanceOf,
  isDistributed,
  OPS_DURATIONS,
  updateInstance,
} from './common';
import type { UpgradeAction } from './contract-rules';
import { getOps, updateOps, type UpgradeProgress } from './ops-state';

/**
 * 4.6.1 / 4.6.2: kernel upgrades. `inplace` and `grey` + `upgradeAutoCommit` move to a newer version in one job;
 * `grey` + `upgrade` upgrades part of the instance (distributed: `upgrade_shard_num` shards in `upgrade_az`) and
 * waits in UPGRADE TO BE OBSERVED, possibly over several steps, until `commit` (all parts upgraded) or
 * `rollback`; `hotfix` applies or removes patches of the current version. All jobs: `UpgradeGaussDBV5Instance`.
 */

const JOB_NAME = 'UpgradeGaussDBV5Instance';

/** Hot patches published per engine version (newest last). */
export const HOTFIXES: Readonly<Record<string, readonly string[]>> = {
  '8.201': ['8.201.0.1', '8.201.0.2'],
  '8.102': ['8.102.0.3', '8.102.0.5'],
  '3.223': ['3.223.0.2'],
};

export const displayVersion = (v: string) => `V2.0-${completeVersion(v)}`;

/** `V2.0-8.201.0`, `8.201.0` or `8.201` → `8.201` when it is a known engine version. */
export function engineVersion(text: string): string | undefined {
  const bare = text.trim().replace(/^V\d+\.\d+-/, '');
  return VERSIONS.find((v) => v === bare || completeVersion(v) === bare);
}

const bareHotfix = (text: string) => text.trim().replace(/^V\d+\.\d+-/, '');

export function upgradeCandidates(inst: InstanceDoc): string[] {
  return VERSIONS.filter((v) => compareVersions(v, inst.datastore.version) > 0).sort(compareVersions);
}

export function appliedHotfixes(inst: InstanceDoc): string[] {
  return inst.datastore.hotfix_versions
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function hotfixCandidates(inst: InstanceDoc): string[] {
  const applied = new Set(appliedHotfixes(inst));
  return (HOTFIXES[inst.datastore.version] ?? []).filter((h) => !applied.has(h));
}

const totalParts = (inst: InstanceDoc) => (isDistributed(inst) ? inst.shard_num : 1);

export function candidatesView(rt: EmulatorRuntime, inst: InstanceDoc) {
  const progress =
    inst.status === 'UPGRADE TO BE OBSERVED' ? getOps(rt, inst.project_id, inst.id).upgrade : null;
  const observing = progress !== null;
  const versions = upgradeCandidates(inst);
  const hotfixes = hotfixCandidates(inst);
  const applied = appliedHotfixes(inst);
  const remaining = progress ? totalParts(inst) - progress.upgraded_shards : 0;
  const azs = instanceAzs(inst);
  const action = (upgrade_action: UpgradeAction, enable: boolean) => ({ upgrade_action, enable });
  return {
    upgrade_type_list: [
      {
        upgrade_type: 'grey',
        enable: observing || versions.length > 0,
        upgrade_action_list: [
          action('upgradeAutoCommit', !observing && versions.length > 0),
          action('upgrade', observing ? remaining > 0 : versions.length > 0),
          action('commit', observing && remaining === 0),
          action('rollback', observing),
        ],
        is_parallel_upgrade: observing ? false : null,
      },
      {
        upgrade_type: 'inplace',
        enable: !observing && versions.length > 0,
        upgrade_action_list: [action('upgradeAutoCommit', !observing && versions.length > 0)],
        is_parallel_upgrade: null,
      },
      {
        upgrade_type: 'hotfix',
        enable: !observing && (hotfixes.length > 0 || applied.length > 0),
        upgrade_action_list:
          observing || (hotfixes.length === 0 && applied.length === 0)
            ? null
            : [action('upgradeAutoCommit', hotfixes.length > 0), action('rollback', applied.length > 0)],
        is_parallel_upgrade: null,
      },
    ],
    rollback_enabled: observing || applied.length > 0,
    source_version: displayVersion(inst.datastore.version),
    target_version: progress ? displayVersion(progress.target_version) : null,
    roll_upgrade_progress: {
      // Shard counts for independent (distributed) deployments, AZs for the others (L4990-4995).
      upgraded_dn_group_numbers: isDistributed(inst) ? String(progress?.upgraded_shards ?? 0) : null,
      total_dn_group_numbers: isDistributed(inst) ? String(inst.shard_num) : null,
      not_fully_upgraded_az: isDistributed(inst)
        ? null
        : azs.filter((az) => !progress?.upgraded_azs.includes(az)).join(','),
      already_upgraded_az: isDistributed(inst) ? null : (progress?.upgraded_azs ?? []).join(','),
      az_description_map: Object.fromEntries(azs.map((az, i) => [az, `az${i + 1}`])),
    },
    upgrade_candidate_versions: observing ? [] : versions.map(displayVersion),
    hotfix_upgrade_candidate_versions: observing ? [] : hotfixes,
    hotfix_rollback_candidate_versions: observing ? [] : applied,
  };
}

registerHandler('listUpgradeCandidates', (ctx) => {
  const { inst } = instanceOf(ctx);
  return candidatesView(ctx.rt, inst);
});

/** The upgrade body as the contract validated it. */
export type UpgradeBody = BodyOf<'upgradeInstance'>;

const badVersion = (detail: string) => new ApiError(400, 'DBS.200041', detail, 'target_version');

function resolveTarget(inst: InstanceDoc, target: string | undefined): string {
  const candidates = upgradeCandidates(inst);
  if (target === undefined) {
    const newest = candidates[candidates.length - 1];
    if (!newest)
      throw badVersion(
        `The instance already runs the newest version (${displayVersion(inst.datastore.version)}).`,
      );
    return newest;
  }
  const v = engineVersion(target);
  if (!v || !candidates.includes(v)) {
    throw badVersion(
      `target_version: ${target} is not an upgrade candidate of ${displayVersion(inst.datastore.version)}; candidates: ${candidates.map(displayVersion).join(', ') || 'none'}.`,
    );
  }
  return v;
}

function start(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  action: InstanceActionName,
  durationMs: number,
  kind: string,
  args: Record<string, unknown>,
): JobDoc {
  return startInstanceAction(rt, inst, action, { jobName: JOB_NAME, durationMs, onComplete: { kind, args } });
}

/** One "upgrade to be observed" step: which shards and AZs it covers, checked against what is left. */
function observeStep(
  inst: InstanceDoc,
  body: UpgradeBody,
  progress: UpgradeProgress | null,
): { shards: number; azs: string[] } {
  const azs = instanceAzs(inst);
  const chosenAzs = body.upgrade_az ? body.upgrade_az.split(',').map((s) => s.trim()) : [];
  const foreign = chosenAzs.find((az) => !azs.includes(az));
  if (foreign)
    throw new ApiError(
      400,
      'DBS.200025',
      `upgrade_az: ${foreign} is not an AZ of this instance (${azs.join(', ')}).`,
      'upgrade_az',
    );
  const remaining = totalParts(inst) - (progress?.upgraded_shards ?? 0);
  if (!isDistributed(inst)) return { shards: remaining, azs: chosenAzs.length ? chosenAzs : azs };
  if (body.upgrade_shard_num === undefined) {
    throw new ApiError(
      400,
      'DBS.280601',
      'upgrade_shard_num: required for a grey upgrade step (upgrade) of a distributed instance.',
      'upgrade_shard_num',
    );
  }
  if (!body.upgrade_az)
    throw new ApiError(
      400,
      'DBS.200025',
      'upgrade_az: required for a grey upgrade step (upgrade) of a distributed instance.',
      'upgrade_az',
    );
  if (body.upgrade_shard_num > remaining) {
    throw new ApiError(
      400,
      'DBS.280601',
      `upgrade_shard_num: ${body.upgrade_shard_num} exceeds the ${remaining} shard(s) not yet upgraded.`,
      'upgrade_shard_num',
    );
  }
  return { shards: body.upgrade_shard_num, azs: chosenAzs };
}

export function upgradeInstance(rt: EmulatorRuntime, inst: InstanceDoc, body: UpgradeBody): JobDoc {
  const action = body.upgrade_action ?? 'upgradeAutoCommit';
  if (body.upgrade_type === 'hotfix') {
    assertActionAllowed(inst, 'upgrade');
    assertNoStoppedNodes(inst, 'Installing hot patches');
    const wanted = body.target_version?.split(',').map(bareHotfix).filter(Boolean);
    if (action === 'rollback') {
      const applied = appliedHotfixes(inst);
      const chosen = wanted ?? applied.slice(-1);
      const unknown = chosen.find((h) => !applied.includes(h));
      if (chosen.length === 0 || unknown)
        throw badVersion(
          `target_version: ${unknown ?? 'nothing'} is not an installed hot patch; installed: ${applied.join(', ') || 'none'}.`,
        );
      return start(rt, inst, 'upgrade', OPS_DURATIONS.hotfix, 'ops.hotfixesChanged', { remove: chosen });
    }
    const available = hotfixCandidates(inst);
    const chosen = wanted ?? available;
    const unknown = chosen.find((h) => !available.includes(h));
    if (chosen.length === 0 || unknown)
      throw badVersion(
        `target_version: ${unknown ?? 'nothing'} is not an available hot patch; available: ${available.join(', ') || 'none'}.`,
      );
    return start(rt, inst, 'upgrade', OPS_DURATIONS.hotfix, 'ops.hotfixesChanged', { add: chosen });
  }

  if (action === 'commit' || action === 'rollback') {
    assertActionAllowed(inst, action === 'commit' ? 'upgradeCommit' : 'upgradeRollback');
    const progress = getOps(rt, inst.project_id, inst.id).upgrade;
    if (!progress) throw new ApiError(400, 'DBS.200086', 'No grey upgrade is waiting to be observed.');
    if (action === 'commit' && progress.upgraded_shards < totalParts(inst)) {
      throw new ApiError(
        400,
        'DBS.200086',
        `Commit needs every part upgraded: ${progress.upgraded_shards} of ${totalParts(inst)} shards are; upgrade the rest first (upgrade_action upgrade).`,
      );
    }
    return action === 'commit'
      ? start(rt, inst, 'upgradeCommit', OPS_DURATIONS.upgradeCommit, 'ops.upgradeCommitted', {})
      : start(rt, inst, 'upgradeRollback', OPS_DURATIONS.upgradeRollback, 'ops.upgradeRolledBack', {});
  }

  if (action === 'upgrade') {
    const progress =
      inst.status === 'UPGRADE TO BE OBSERVED' ? getOps(rt, inst.project_id, inst.id).upgrade : null;
    if (progress) {
      // A further step of an observed upgrade: same target, more shards.
      assertActionAllowed(inst, 'upgradeCommit');
      if (progress.upgraded_shards >= totalParts(inst))
        throw new ApiError(400, 'DBS.200086', 'Every part is already upgraded; commit or roll back.');
      if (
        body.target_version !== undefined &&
        engineVersion(body.target_version) !== progress.target_version
      ) {
        throw badVersion(
          `target_version: the upgrade in progress goes to ${displayVersion(progress.target_version)}.`,
        );
      }
      const step = observeStep(inst, body, progress);
      return start(rt, inst, 'upgradeCommit', OPS_DURATIONS.upgradeGreyStep, 'ops.upgradeStepped', {
        shards: step.shards,
        azs: step.azs,
        continued: true,
      });
    }
    assertActionAllowed(inst, 'upgradeGrey');
    assertNoStoppedNodes(inst, 'Upgrading');
    const target = resolveTarget(inst, body.target_version);
    const step = observeStep(inst, body, null);
    return start(rt, inst, 'upgradeGrey', OPS_DURATIONS.upgradeGreyStep, 'ops.upgradeStepped', {
      shards: step.shards,
      azs: step.azs,
      target,
      source: inst.datastore.version,
    });
  }

  // inplace, or grey + upgradeAutoCommit: the whole instance in one job.
  assertActionAllowed(inst, 'upgrade');
  assertNoStoppedNodes(inst, 'Upgrading');
  const target = resolveTarget(inst, body.target_version);
  const duration =
    body.upgrade_type === 'inplace' ? OPS_DURATIONS.upgradeInplace : OPS_DURATIONS.upgradeGreyStep * 2;
  return start(rt, inst, 'upgrade', duration, 'ops.versionSet', { version: target });
}

registerHandler('upgradeInstance', (ctx) => {
  const { inst } = instanceOf(ctx);
  return { job_id: upgradeInstance(ctx.rt, inst, ctx.body).id };
});

const withVersion = (i: InstanceDoc, version: string): InstanceDoc => ({
  ...i,
  // Hot patches belong to the version they were made for.
  datastore: { ...i.datastore, version, complete_version: completeVersion(version), hotfix_versions: '' },
});

registerInstanceEffect('ops.versionSet', (rt, args, job) => {
  updateInstance(rt, job.project_id, job.instance_id, (i) => withVersion(i, String(args.version)));
});

registerInstanceEffect('ops.hotfixesChanged', (rt, args, job) => {
  updateInstance(rt, job.project_id, job.instance_id, (i) => {
    const add = (args.add as string[] | undefined) ?? [];
    const remove = new Set((args.remove as string[] | undefined) ?? []);
    const list = [...appliedHotfixes(i).filter((h) => !remove.has(h)), ...add];
    return { ...i, datastore: { ...i.datastore, hotfix_versions: list.join(',') } };
  });
});

registerInstanceEffect('ops.upgradeStepped', (rt, args, job) => {
  const azs = args.azs as string[];
  updateOps(rt, job.project_id, job.instance_id, (d) => {
    const prev = d.upgrade;
    const upgrade: UpgradeProgress =
      args.continued && prev
        ? {
            ...prev,
            upgraded_shards: prev.upgraded_shards + Number(args.shards),
            upgraded_azs: [...new Set([...prev.upgraded_azs, ...azs])],
          }
        : {
            type: 'grey',
            source_version: String(args.source),
            target_version: String(args.target),
            upgraded_shards: Number(args.shards),
            upgraded_azs: azs,
          };
    return { ...d, upgrade };
  });
  // A further step ran as an observed-state action (which ends in ACTIVE): it goes back to observation.
  if (args.continued)
    updateInstance(rt, job.project_id, job.instance_id, (i) => ({ ...i, status: 'UPGRADE TO BE OBSERVED' }));
});

registerInstanceEffect('ops.upgradeCommitted', (rt, _args, job) => {
  const progress = getOps(rt, job.project_id, job.instance_id).upgrade;
  if (progress)
    updateInstance(rt, job.project_id, job.instance_id, (i) => withVersion(i, progress.target_version));
  updateOps(rt, job.project_id, job.instance_id, (d) => ({ ...d, upgrade: null }));
});

registerInstanceEffect('ops.upgradeRolledBack', (rt, _args, job) => {
  updateOps(rt, job.project_id, job.instance_id, (d) => ({ ...d, upgrade: null }));
});
