import { checkVolumeSize, operations, type Instance } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { useComponents } from '../../../api/use-instance';
import { useExpandInstance } from '../../../api/use-instance-mutations';
import { buildTopology } from '../topology';
import { isDistributed } from './action-types';
import { inputClass, Note, RuleField, serverFieldError, followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.expandInstance.body;

/** Disk per shard (4.4.2 L1291-1300): shards×40 … shards×16384 GB, a multiple of shards×4 GB. */
export const diskRule = (shards: number) => ({
  shards,
  step: 4 * shards,
  min: 40 * shards,
  max: 16384 * shards,
});

/** Why `size` cannot be the new disk size, as an i18n key (undefined: acceptable). */
export function diskProblem(size: number, shards: number, currentGb: number | undefined): string | undefined {
  if (!Number.isInteger(size)) return 'notInteger';
  if (currentGb !== undefined && size <= currentGb) return 'notLarger';
  const failure = checkVolumeSize(size, shards, 'enlarge_volume.size');
  if (failure?.code === 'DBS.280611') return 'notMultiple';
  if (failure?.code === 'DBS.280612') return 'tooLarge';
  if (failure) return 'tooSmall';
  return body.safeParse({ enlarge_volume: { size } }).success ? undefined : 'notMultiple';
}

/** The smallest acceptable size above the current one: the user's first suggestion. */
export function nextDiskSize(currentGb: number, shards: number): number {
  const { step, min } = diskRule(shards);
  return Math.max(min, (Math.floor(currentGb / step) + 1) * step);
}

function shardsOf(instance: Instance, topologyShards: number | undefined): number | undefined {
  if (!isDistributed(instance)) return 1;
  return topologyShards && topologyShards > 0 ? topologyShards : undefined;
}

/** Enlarge the disk (4.4.2 `enlarge_volume`): online; the size is the new total. */
export function EnlargeDiskDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const expand = useExpandInstance(project);
  const components = useComponents(project, instance.id);
  const shards = shardsOf(
    instance,
    components.data ? buildTopology(components.data).shards.length : undefined,
  );
  const currentGb = instance.volume?.size ?? undefined;
  const [text, setText] = useState('');
  const size = /^\d+$/.test(text) ? Number(text) : NaN;
  const problem = shards === undefined ? 'shardsUnknown' : diskProblem(size, shards, currentGb);
  const rule = diskRule(shards ?? 1);
  const change = (o: boolean) => {
    if (!o) {
      setText('');
      expand.reset();
    }
    onOpenChange(o);
  };
  const suggestion =
    shards !== undefined && currentGb !== undefined ? nextDiskSize(currentGb, shards) : undefined;
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={t('instanceActions.enlargeDisk.title', { name: instance.name })}
      description={t('instanceActions.enlargeDisk.consequence')}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!!problem || expand.isPending}
            onClick={() =>
              expand.mutate(
                { path: { instance_id: instance.id }, body: { enlarge_volume: { size } } },
                followJob(onJob, () => change(false)),
              )
            }
          >
            {t('instanceActions.enlargeDisk.submit')}
          </Button>
        </>
      }
    >
      <p className="mb-2 text-sm">
        {t('instanceActions.enlargeDisk.current', { size: currentGb ?? '?', count: shards ?? 0 })}
      </p>
      <RuleField
        id="enlarge-disk-size"
        label={t('instanceActions.enlargeDisk.size')}
        rule={
          <>
            {t('instanceActions.enlargeDisk.rule', rule)}
            {text !== '' && problem && problem !== 'shardsUnknown' && (
              <span className="block">
                {t(`instanceActions.enlargeDisk.problem.${problem}`, { ...rule, current: currentGb })}
              </span>
            )}
          </>
        }
        invalid={text !== '' && !!problem}
        error={serverFieldError(expand.error, 'enlarge_volume')}
      >
        {(a) => (
          <div className="flex items-center gap-2">
            <input
              {...a}
              inputMode="numeric"
              className={`${inputClass} max-w-40`}
              value={text}
              placeholder={suggestion ? String(suggestion) : undefined}
              onChange={(e) => setText(e.target.value.trim())}
            />
            <span className="text-sm text-slate-500 dark:text-slate-400">GB</span>
          </div>
        )}
      </RuleField>
      {suggestion !== undefined && (
        <p className="-mt-2 mb-3 text-xs text-slate-500 dark:text-slate-400">
          {t('instanceActions.enlargeDisk.suggestion', { size: suggestion })}
        </p>
      )}
      <Note>{t('instanceActions.enlargeDisk.note')}</Note>
      <ServerError error={expand.error} />
    </Dialog>
  );
}
