import { checkVolumeSize, operations, type Instance } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, inputClass, Note } from '../../../../../shared/forms/form-field';
import { useComponents } from '../../../api/use-instance';
import { buildTopology } from '../topology';
import { isDistributed, type ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

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

/** Enlarge the disk (4.4.2 `enlarge_volume`): online; the size is the new total, per shard count. */
export function EnlargeDiskDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const components = useComponents(project, instance.id);
  const shards = shardsOf(
    instance,
    components.data ? buildTopology(components.data).shards.length : undefined,
  );
  const currentGb = instance.volume?.size ?? undefined;
  const rule = diskRule(shards ?? 1);
  const schema = useMemo(
    () =>
      body.superRefine((v, ctx) => {
        const size = v.enlarge_volume?.size ?? Number.NaN;
        const problem = shards === undefined ? 'shardsUnknown' : diskProblem(size, shards, currentGb);
        if (problem)
          ctx.addIssue({
            code: 'custom',
            path: ['enlarge_volume', 'size'],
            message: t(`instanceActions.enlargeDisk.problem.${problem}`, {
              ...diskRule(shards ?? 1),
              current: currentGb,
            }),
          });
      }),
    [shards, currentGb, t],
  );
  const suggestion =
    shards !== undefined && currentGb !== undefined ? nextDiskSize(currentGb, shards) : undefined;
  const op = useInstanceAction('expandInstance', props, {
    schema,
    defaultValues: { enlarge_volume: { size: suggestion as number } },
  });
  return (
    <InstanceActionDialog action="enlargeDisk" dialog={props} op={op}>
      <p className="mb-2 text-sm">
        {t('instanceActions.enlargeDisk.current', { size: currentGb ?? '?', count: shards ?? 0 })}
      </p>
      <Field
        name="enlarge_volume.size"
        label={t('instanceActions.enlargeDisk.size')}
        rule={t('instanceActions.enlargeDisk.rule', rule)}
      >
        {(a) => (
          <div className="flex items-center gap-2">
            <input
              {...a}
              {...op.form.register('enlarge_volume.size', { valueAsNumber: true })}
              inputMode="numeric"
              className={`${inputClass} max-w-40`}
            />
            <span className="text-sm text-slate-500 dark:text-slate-400">GB</span>
          </div>
        )}
      </Field>
      {suggestion !== undefined && (
        <p className="-mt-2 mb-3 text-xs text-slate-500 dark:text-slate-400">
          {t('instanceActions.enlargeDisk.suggestion', { size: suggestion })}
        </p>
      )}
      <Note>{t('instanceActions.enlargeDisk.note')}</Note>
    </InstanceActionDialog>
  );
}
