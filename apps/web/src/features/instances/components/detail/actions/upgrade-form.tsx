import type { UpgradeCandidates, UpgradeInstanceBody } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { inputClass, Note, RuleField } from '../../../../../shared/forms/form-field';

export type UpgradeType = 'inplace' | 'grey' | 'hotfix';
export type UpgradeAction = 'upgradeAutoCommit' | 'upgrade' | 'commit' | 'rollback';

export interface UpgradeChoice {
  type: UpgradeType | '';
  action: UpgradeAction | '';
  version: string;
  hotfixes: string[];
  shardNum: string;
  azs: string[];
}

export const emptyChoice: UpgradeChoice = {
  type: '',
  action: '',
  version: '',
  hotfixes: [],
  shardNum: '',
  azs: [],
};

/** Types and actions 4.6.1 enables now; a type without its list takes `upgradeAutoCommit` (in-place). */
export function enabledTypes(c: UpgradeCandidates): UpgradeType[] {
  return c.upgrade_type_list
    .filter((x) => x.enable !== false)
    .map((x) => x.upgrade_type)
    .filter((x): x is UpgradeType => ['inplace', 'grey', 'hotfix'].includes(x));
}
export function enabledActions(c: UpgradeCandidates, type: UpgradeType | ''): UpgradeAction[] {
  const entry = c.upgrade_type_list.find((x) => x.upgrade_type === type);
  if (!entry) return [];
  if (!entry.upgrade_action_list) return type === 'inplace' ? ['upgradeAutoCommit'] : [];
  return entry.upgrade_action_list
    .filter((a) => a.enable !== false)
    .map((a) => a.upgrade_action as UpgradeAction);
}

/** Shards left to upgrade in an observed rolling upgrade (distributed instances). */
export function shardsLeft(c: UpgradeCandidates): number | undefined {
  const total = Number(c.roll_upgrade_progress?.total_dn_group_numbers ?? NaN);
  const done = Number(c.roll_upgrade_progress?.upgraded_dn_group_numbers ?? 0);
  return Number.isFinite(total) ? total - done : undefined;
}

/** The 4.6.2 body for a choice (the contract's schema then judges it). */
export function upgradeBody(ch: UpgradeChoice, distributed: boolean): UpgradeInstanceBody | undefined {
  if (!ch.type || !ch.action) return undefined;
  const b: UpgradeInstanceBody = { upgrade_type: ch.type, upgrade_action: ch.action };
  if (ch.type === 'hotfix') {
    if (ch.hotfixes.length > 0) b.target_version = ch.hotfixes.join(',');
  } else if ((ch.action === 'upgradeAutoCommit' || ch.action === 'upgrade') && ch.version)
    b.target_version = ch.version;
  if (ch.type === 'grey' && ch.action === 'upgrade') {
    if (distributed) b.upgrade_shard_num = /^\d+$/.test(ch.shardNum) ? Number(ch.shardNum) : NaN;
    if (ch.azs.length > 0) b.upgrade_az = ch.azs.join(',');
  }
  return b;
}

/** The choices of one upgrade, each with the reference's rule next to it. */
export function UpgradeForm({
  c,
  ch,
  set,
  observing,
  distributed,
  azs,
}: {
  c: UpgradeCandidates;
  ch: UpgradeChoice;
  set: (p: Partial<UpgradeChoice>) => void;
  observing: boolean;
  distributed: boolean;
  azs: string[];
}) {
  const { t } = useTranslation();
  const k = (key: string, o?: Record<string, unknown>) => t(`instanceActions.upgrade.${key}`, o);
  const types = observing ? (['grey'] as UpgradeType[]) : enabledTypes(c);
  const actions = enabledActions(c, ch.type);
  const hotfixList =
    ch.action === 'rollback'
      ? (c.hotfix_rollback_candidate_versions ?? [])
      : (c.hotfix_upgrade_candidate_versions ?? []);
  const left = shardsLeft(c);
  const needsVersion =
    ch.type !== 'hotfix' && (ch.action === 'upgradeAutoCommit' || ch.action === 'upgrade') && !observing;
  const toggle = (list: string[], v: string) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
  return (
    <>
      <fieldset className="mb-3">
        <legend className="mb-1 text-sm font-medium">{k('type')}</legend>
        {types.length === 0 && <p className="text-sm">{k('nothing')}</p>}
        {types.map((ty) => (
          <label key={ty} className="mb-1 flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="upgrade-type"
              className="mt-1"
              checked={ch.type === ty}
              onChange={() =>
                set({ type: ty, action: enabledActions(c, ty)[0] ?? '', hotfixes: [], version: '' })
              }
            />
            <span>
              <span className="font-medium">{k(`types.${ty}.label`)}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">
                {k(`types.${ty}.help`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {ch.type && (
        <fieldset className="mb-3">
          <legend className="mb-1 text-sm font-medium">{k('action')}</legend>
          {actions.map((a) => (
            <label key={a} className="mb-1 flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="upgrade-action"
                className="mt-1"
                checked={ch.action === a}
                onChange={() => set({ action: a, hotfixes: [] })}
              />
              <span>
                <span className="font-medium">{k(`actions.${a}.label`)}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-300">
                  {k(`actions.${a}.help`)}
                </span>
              </span>
            </label>
          ))}
          <p className="text-xs text-slate-500 dark:text-slate-400">{k(`actionRule.${ch.type}`)}</p>
        </fieldset>
      )}
      {needsVersion && (
        <RuleField
          id="upgrade-version"
          label={k('version')}
          rule={k('versionRule', { source: c.source_version ?? '—' })}
        >
          {(a) => (
            <select
              {...a}
              className={inputClass}
              value={ch.version}
              onChange={(e) => set({ version: e.target.value })}
            >
              <option value="">{k('newest')}</option>
              {(c.upgrade_candidate_versions ?? []).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </RuleField>
      )}
      {ch.type === 'hotfix' && ch.action && (
        <fieldset className="mb-3">
          <legend className="mb-1 text-sm font-medium">
            {k(ch.action === 'rollback' ? 'hotfixesRollback' : 'hotfixes')}
          </legend>
          {hotfixList.map((v) => (
            <label key={v} className="mr-4 inline-flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={ch.hotfixes.includes(v)}
                onChange={() => set({ hotfixes: toggle(ch.hotfixes, v) })}
              />
              <span className="font-mono">{v}</span>
            </label>
          ))}
          <p className="text-xs text-slate-500 dark:text-slate-400">{k('hotfixRule')}</p>
        </fieldset>
      )}
      {ch.type === 'grey' && ch.action === 'upgrade' && (
        <>
          {distributed && (
            <RuleField
              id="upgrade-shards"
              label={k('shardNum')}
              rule={k('shardNumRule', { left: left ?? '?' })}
              invalid={
                ch.shardNum !== '' &&
                (!/^\d+$/.test(ch.shardNum) ||
                  Number(ch.shardNum) < 1 ||
                  (left !== undefined && Number(ch.shardNum) > left))
              }
            >
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  className={`${inputClass} max-w-32`}
                  value={ch.shardNum}
                  onChange={(e) => set({ shardNum: e.target.value.trim() })}
                />
              )}
            </RuleField>
          )}
          <fieldset className="mb-3">
            <legend className="mb-1 text-sm font-medium">{k('azs')}</legend>
            {azs.map((az) => (
              <label key={az} className="mr-4 inline-flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={ch.azs.includes(az)}
                  onChange={() => set({ azs: toggle(ch.azs, az) })}
                />
                {c.roll_upgrade_progress?.az_description_map?.[az]
                  ? `${az} (${c.roll_upgrade_progress.az_description_map[az]})`
                  : az}
              </label>
            ))}
            <p className="text-xs text-slate-500 dark:text-slate-400">{k('azRule')}</p>
          </fieldset>
          <Note tone="warn">{k('observeNote')}</Note>
        </>
      )}
    </>
  );
}
