import { operations } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Note } from '../../../../../shared/forms/form-field';
import { ErrorPanel } from '../../../../../shared/ui/error-panel';
import { Loading } from '../../../../../shared/ui/states';
import { useUpgradeCandidates } from '../../../api/use-upgrade-candidates';
import { instanceAzs } from '../../../lib/instance-azs';
import { isDistributed, type ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';
import { emptyChoice, shardsLeft, upgradeBody, UpgradeForm, type UpgradeChoice } from './upgrade-form';

const schema = operations.upgradeInstance.body;

/**
 * Kernel upgrade (4.6.1 → 4.6.2): in-place, rolling (grey) or hotfix. A rolling upgrade may pause in
 * UPGRADE TO BE OBSERVED; the same dialog then offers the next step, commit or roll back. Destructive:
 * the instance's name is typed before it starts.
 */
export function UpgradeDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const cand = useUpgradeCandidates(project, instance.id, props.open);
  const observing = instance.status === 'UPGRADE TO BE OBSERVED';
  const distributed = isDistributed(instance);
  const c = cand.data;
  const left = c ? shardsLeft(c) : undefined;
  const formSchema = useMemo(
    () =>
      z.custom<UpgradeChoice>().superRefine((ch, ctx) => {
        const body = upgradeBody(ch, distributed);
        const complete =
          !!body &&
          (ch.type !== 'hotfix' || ch.hotfixes.length > 0) &&
          (!(ch.type === 'grey' && ch.action === 'upgrade') ||
            (ch.azs.length > 0 && (!distributed || (body.upgrade_shard_num ?? 0) <= (left ?? Infinity))));
        const r = body ? schema.safeParse(body) : undefined;
        if (!complete || !r?.success)
          ctx.addIssue({
            code: 'custom',
            path: ['type'],
            message: r?.error?.issues[0]?.message ?? t('instanceActions.upgrade.incomplete'),
          });
      }),
    [distributed, left, t],
  );
  const op = useInstanceAction('upgradeInstance', props, {
    schema: formSchema,
    defaultValues: observing ? { ...emptyChoice, type: 'grey' } : emptyChoice,
    body: (ch) => upgradeBody(ch, distributed),
  });
  const ch = useWatch({ control: op.form.control }) as UpgradeChoice;
  const set = (p: Partial<UpgradeChoice>) => {
    for (const [k, v] of Object.entries(p))
      op.form.setValue(k as keyof UpgradeChoice, v as never, { shouldValidate: true, shouldDirty: true });
  };
  const azMap = c?.roll_upgrade_progress?.az_description_map ?? {};
  const notDone = (c?.roll_upgrade_progress?.not_fully_upgraded_az ?? '').split(',').filter(Boolean);
  const azs =
    notDone.length > 0 ? notDone : Object.keys(azMap).length > 0 ? Object.keys(azMap) : instanceAzs(instance);
  const version =
    ch.type === 'hotfix'
      ? ch.hotfixes.join(', ')
      : ch.version || (observing ? (c?.target_version ?? '') : t('instanceActions.upgrade.newestShort'));
  const consequenceKey =
    ch.type === 'hotfix' ? `hotfix.${ch.action}` : ch.type === 'inplace' ? 'inplace' : `grey.${ch.action}`;
  return (
    <InstanceActionDialog
      action="upgrade"
      dialog={props}
      op={op}
      wide
      description={observing ? t('instanceActions.upgrade.observing') : t('instanceActions.upgrade.intro')}
      submitLabel={t(`instanceActions.upgrade.actions.${ch.action || 'upgradeAutoCommit'}.label`)}
      confirm={
        ch.type && ch.action
          ? t(`instanceActions.upgrade.consequence.${consequenceKey}`, {
              name: instance.name,
              version,
              source: c?.source_version ?? '',
            })
          : true
      }
    >
      {cand.isLoading && <Loading />}
      <ErrorPanel error={cand.error} title={t('errors.loadFailed')} />
      {c && (
        <>
          <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">{t('instanceActions.upgrade.source')}</dt>
            <dd className="font-mono">{c.source_version ?? instance.datastore?.version ?? '—'}</dd>
            {observing && (
              <>
                <dt className="text-slate-500 dark:text-slate-400">{t('instanceActions.upgrade.target')}</dt>
                <dd className="font-mono">{c.target_version ?? '—'}</dd>
                <dt className="text-slate-500 dark:text-slate-400">
                  {t('instanceActions.upgrade.progress')}
                </dt>
                <dd>
                  {distributed
                    ? t('instanceActions.upgrade.shardsDone', {
                        done: c.roll_upgrade_progress?.upgraded_dn_group_numbers ?? '0',
                        total: c.roll_upgrade_progress?.total_dn_group_numbers ?? '?',
                      })
                    : t('instanceActions.upgrade.azsDone', {
                        done: c.roll_upgrade_progress?.already_upgraded_az || '—',
                        left: c.roll_upgrade_progress?.not_fully_upgraded_az || '—',
                      })}
                </dd>
              </>
            )}
          </dl>
          <UpgradeForm c={c} ch={ch} set={set} observing={observing} distributed={distributed} azs={azs} />
          {!observing && <Note tone="warn">{t('instanceActions.upgrade.backupFirst')}</Note>}
        </>
      )}
    </InstanceActionDialog>
  );
}
