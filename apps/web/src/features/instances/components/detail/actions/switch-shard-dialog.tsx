import { operations } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage, Field, FieldError, inputClass, Note } from '../../../../../shared/forms/form-field';
import { ErrorPanel } from '../../../../../shared/ui/error-panel';
import { Loading } from '../../../../../shared/ui/states';
import { useComponents } from '../../../api/use-instance';
import { buildTopology, type PlacedComponent } from '../topology';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

const isPrimary = (c: PlacedComponent) => c.status === 'Primary' || c.role === 'master';
/** A standby can take over only when it and its node run. */
const promotable = (c: PlacedComponent) =>
  !isPrimary(c) && c.status !== 'Down' && (c.nodeStatus ?? 'normal').toLowerCase() !== 'stopped';

/** `node|component` per shard, in shard order ('' keeps the primary) → the 4.4.8 body's `shards`. */
const shardsOf = (picks: readonly string[]) =>
  picks.filter(Boolean).map((p) => {
    const [node_id = '', component_id = ''] = p.split('|');
    return { node_id, component_id };
  });

/**
 * Switchover (4.4.8): per shard, keep the primary or promote one of its standby DNs. One new primary per
 * shard; writes to a switched shard pause for a few seconds.
 */
export function SwitchShardDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const components = useComponents(project, instance.id);
  const shards = components.data ? buildTopology(components.data).shards : [];
  const schema = useMemo(
    () =>
      z.object({ picks: z.array(z.string()) }).superRefine((v, ctx) => {
        const r = operations.switchShardPrimary.body.safeParse({ shards: shardsOf(v.picks) });
        if (!r.success)
          ctx.addIssue({
            code: 'custom',
            path: ['picks'],
            message:
              shardsOf(v.picks).length === 0
                ? t('instanceActions.switchShard.pickOne')
                : (r.error.issues[0]?.message ?? ''),
          });
      }),
    [t],
  );
  const op = useInstanceAction('switchShardPrimary', props, {
    schema,
    defaultValues: { picks: [] },
    body: (v) => ({ shards: shardsOf(v.picks) }),
    toFormPath: (p) => (p.startsWith('shards') ? 'picks' : undefined),
  });
  const picks = useWatch({ control: op.form.control, name: 'picks' }) ?? [];
  const count = shardsOf(picks).length;
  const pickError = op.form.formState.errors.picks;
  return (
    <InstanceActionDialog action="switchShard" dialog={props} op={op} wide values={{ count }}>
      <Note>{t('instanceActions.switchShard.rule')}</Note>
      {components.isLoading && <Loading />}
      <ErrorPanel error={components.error} title={t('errors.loadFailed')} />
      {components.isSuccess && shards.length === 0 && (
        <p className="text-sm">{t('instanceActions.switchShard.noShards')}</p>
      )}
      <div className="max-h-80 overflow-auto">
        {shards.map((s, i) => {
          const primary = s.replicas.find(isPrimary);
          const standbys = s.replicas.filter(promotable);
          return (
            <Field
              key={s.id}
              name={`picks.${i}`}
              label={t('instanceActions.switchShard.shard', { id: s.id })}
              rule={
                primary
                  ? t('instanceActions.switchShard.primaryNow', {
                      component: primary.id,
                      node: primary.nodeName,
                      az: primary.az,
                    })
                  : t('instanceActions.switchShard.noPrimary')
              }
            >
              {(a) => (
                <select
                  {...a}
                  {...op.form.register(`picks.${i}`)}
                  className={inputClass}
                  disabled={standbys.length === 0}
                >
                  <option value="">{t('instanceActions.switchShard.keep')}</option>
                  {standbys.map((c) => (
                    <option key={`${c.nodeId}|${c.id}`} value={`${c.nodeId}|${c.id}`}>
                      {t('instanceActions.switchShard.promote', {
                        component: c.id,
                        node: c.nodeName,
                        az: c.az,
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          );
        })}
      </div>
      {count > 0 && <FieldError id="switch-picks-error" message={errorMessage(pickError)} />}
    </InstanceActionDialog>
  );
}
