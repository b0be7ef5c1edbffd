import { operations } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../../shared/ui/states';
import { useUpgradeInstance } from '../../../api/use-instance-mutations';
import { useUpgradeCandidates } from '../../../api/use-upgrade-candidates';
import { isDistributed } from './action-types';
import { DangerFlow, instanceAzs, Note, followJob } from './dialog-parts';
import { ServerError } from './server-error';
import { emptyChoice, shardsLeft, upgradeBody, UpgradeForm, type UpgradeChoice } from './upgrade-form';
import type { ActionDialogProps } from './action-types';

const schema = operations.upgradeInstance.body;

/**
 * Kernel upgrade (4.6.1 → 4.6.2): in-place, rolling (grey) or hotfix. A rolling upgrade may pause in
 * UPGRADE TO BE OBSERVED; the same dialog then offers the next step, commit or roll back. Destructive:
 * the last step asks for the instance's name.
 */
export function UpgradeDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const upgrade = useUpgradeInstance(project);
  const cand = useUpgradeCandidates(project, instance.id, open);
  const observing = instance.status === 'UPGRADE TO BE OBSERVED';
  const distributed = isDistributed(instance);
  const [picked, setPicked] = useState<UpgradeChoice | undefined>();
  const ch = picked ?? (observing ? { ...emptyChoice, type: 'grey' as const } : emptyChoice);
  const set = (p: Partial<UpgradeChoice>) => setPicked({ ...ch, ...p });
  const c = cand.data;
  const azMap = c?.roll_upgrade_progress?.az_description_map ?? {};
  const notDone = (c?.roll_upgrade_progress?.not_fully_upgraded_az ?? '').split(',').filter(Boolean);
  const azs =
    notDone.length > 0 ? notDone : Object.keys(azMap).length > 0 ? Object.keys(azMap) : instanceAzs(instance);
  const body = upgradeBody(ch, distributed);
  const left = c ? shardsLeft(c) : undefined;
  const extraOk =
    (ch.type !== 'hotfix' || ch.hotfixes.length > 0) &&
    (!(ch.type === 'grey' && ch.action === 'upgrade') ||
      (ch.azs.length > 0 && (!distributed || (body?.upgrade_shard_num ?? 0) <= (left ?? Infinity))));
  const valid = !!body && extraOk && schema.safeParse(body).success;
  const change = (o: boolean) => {
    if (!o) {
      setPicked(undefined);
      upgrade.reset();
    }
    onOpenChange(o);
  };
  const version =
    ch.type === 'hotfix'
      ? ch.hotfixes.join(', ')
      : ch.version || (observing ? (c?.target_version ?? '') : t('instanceActions.upgrade.newestShort'));
  const consequenceKey =
    ch.type === 'hotfix' ? `hotfix.${ch.action}` : ch.type === 'inplace' ? 'inplace' : `grey.${ch.action}`;
  return (
    <DangerFlow
      open={open}
      onOpenChange={change}
      wide
      title={t('instanceActions.upgrade.title', { name: instance.name })}
      description={observing ? t('instanceActions.upgrade.observing') : t('instanceActions.upgrade.intro')}
      canContinue={valid}
      form={
        <>
          {cand.isLoading && <Loading />}
          {cand.error ? <ServerError error={cand.error} /> : null}
          {c && (
            <>
              <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                <dt className="text-slate-500 dark:text-slate-400">{t('instanceActions.upgrade.source')}</dt>
                <dd className="font-mono">{c.source_version ?? instance.datastore?.version ?? '—'}</dd>
                {observing && (
                  <>
                    <dt className="text-slate-500 dark:text-slate-400">
                      {t('instanceActions.upgrade.target')}
                    </dt>
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
              <UpgradeForm
                c={c}
                ch={ch}
                set={set}
                observing={observing}
                distributed={distributed}
                azs={azs}
              />
              {!observing && <Note tone="warn">{t('instanceActions.upgrade.backupFirst')}</Note>}
            </>
          )}
        </>
      }
      confirmTitle={t('instanceActions.upgrade.confirmTitle', { name: instance.name })}
      consequence={t(`instanceActions.upgrade.consequence.${consequenceKey}`, {
        name: instance.name,
        version,
        source: c?.source_version ?? '',
      })}
      confirmText={instance.name}
      actionLabel={t(`instanceActions.upgrade.actions.${ch.action || 'upgradeAutoCommit'}.label`)}
      pending={upgrade.isPending}
      error={<ServerError error={upgrade.error} />}
      onConfirm={() =>
        body &&
        upgrade.mutate(
          { path: { instance_id: instance.id }, body },
          followJob(onJob, () => change(false)),
        )
      }
    />
  );
}
