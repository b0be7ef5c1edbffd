import { MAX_SHARDS, operations } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { useComponents } from '../../../api/use-instance';
import { useExpandInstance } from '../../../api/use-instance-mutations';
import { buildTopology } from '../topology';
import { inputClass, Note, RuleField, serverFieldError, followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.expandInstance.body;

/** Add DN shards (4.4.2 `expand_cluster.shard`): at most 256 shards after the operation; data is redistributed. */
export function AddShardsDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const expand = useExpandInstance(project);
  const components = useComponents(project, instance.id);
  const current = components.data ? buildTopology(components.data).shards.length : undefined;
  const max = MAX_SHARDS - (current ?? 1);
  const [text, setText] = useState('1');
  const count = /^\d+$/.test(text) ? Number(text) : NaN;
  const request = { expand_cluster: { shard: { count } } };
  const valid = body.safeParse(request).success && count >= 1 && count <= max;
  const change = (o: boolean) => {
    if (!o) {
      setText('1');
      expand.reset();
    }
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={t('instanceActions.addShards.title', { name: instance.name })}
      description={t('instanceActions.addShards.consequence')}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!valid || expand.isPending}
            onClick={() =>
              expand.mutate(
                { path: { instance_id: instance.id }, body: request },
                followJob(onJob, () => change(false)),
              )
            }
          >
            {t('instanceActions.addShards.submit')}
          </Button>
        </>
      }
    >
      {current !== undefined && (
        <p className="mb-2 text-sm">{t('instanceActions.addShards.current', { count: current })}</p>
      )}
      <RuleField
        id="add-shards-count"
        label={t('instanceActions.addShards.count')}
        rule={t('instanceActions.addShards.rule', { total: MAX_SHARDS, max })}
        invalid={text !== '' && !valid}
        error={serverFieldError(expand.error, 'expand_cluster.shard')}
      >
        {(a) => (
          <input
            {...a}
            inputMode="numeric"
            className={`${inputClass} max-w-32`}
            value={text}
            onChange={(e) => setText(e.target.value.trim())}
          />
        )}
      </RuleField>
      <Note>{t('instanceActions.addShards.note')}</Note>
      <ServerError error={expand.error} />
    </Dialog>
  );
}
