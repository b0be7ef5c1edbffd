import { MAX_SHARDS, operations } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, inputClass, Note } from '../../../../../shared/forms/form-field';
import { useComponents } from '../../../api/use-instance';
import { buildTopology } from '../topology';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

/** Add DN shards (4.4.2 `expand_cluster.shard`): at most 256 shards after the operation; data is redistributed. */
export function AddShardsDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const components = useComponents(project, instance.id);
  const current = components.data ? buildTopology(components.data).shards.length : undefined;
  const max = MAX_SHARDS - (current ?? 1);
  const schema = useMemo(
    () =>
      operations.expandInstance.body.refine((v) => (v.expand_cluster?.shard?.count ?? 0) <= max, {
        path: ['expand_cluster', 'shard', 'count'],
        message: t('instanceActions.addShards.tooMany', { total: MAX_SHARDS, max }),
      }),
    [max, t],
  );
  const op = useInstanceAction('expandInstance', props, {
    schema,
    defaultValues: { expand_cluster: { shard: { count: 1 } } },
  });
  return (
    <InstanceActionDialog action="addShards" dialog={props} op={op}>
      {current !== undefined && (
        <p className="mb-2 text-sm">{t('instanceActions.addShards.current', { count: current })}</p>
      )}
      <Field
        name="expand_cluster.shard.count"
        label={t('instanceActions.addShards.count')}
        rule={t('instanceActions.addShards.rule', { total: MAX_SHARDS, max })}
      >
        {(a) => (
          <input
            {...a}
            {...op.form.register('expand_cluster.shard.count', { valueAsNumber: true })}
            inputMode="numeric"
            className={`${inputClass} max-w-32`}
          />
        )}
      </Field>
      <Note>{t('instanceActions.addShards.note')}</Note>
    </InstanceActionDialog>
  );
}
