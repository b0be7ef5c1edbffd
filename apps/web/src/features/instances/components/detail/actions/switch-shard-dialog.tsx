import { operations } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { Loading } from '../../../../../shared/ui/states';
import { useComponents } from '../../../api/use-instance';
import { useSwitchShardPrimary } from '../../../api/use-instance-mutations';
import { buildTopology, type PlacedComponent } from '../topology';
import { inputClass, Note, RuleField, serverFieldError, followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.switchShardPrimary.body;

const isPrimary = (c: PlacedComponent) => c.status === 'Primary' || c.role === 'master';
/** A standby can take over only when it and its node run. */
const promotable = (c: PlacedComponent) =>
  !isPrimary(c) && c.status !== 'Down' && (c.nodeStatus ?? 'normal').toLowerCase() !== 'stopped';

/**
 * Switchover (4.4.8): per shard, keep the primary or promote one of its standby DNs. One new primary per
 * shard; writes to a switched shard pause for a few seconds.
 */
export function SwitchShardDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const switchShard = useSwitchShardPrimary(project);
  const components = useComponents(project, instance.id);
  const shards = components.data ? buildTopology(components.data).shards : [];
  const [choice, setChoice] = useState<Record<string, string>>({});
  const picks = shards.flatMap((s) => {
    const c = s.replicas.find((r) => `${r.nodeId}|${r.id}` === choice[s.id]);
    return c ? [{ node_id: c.nodeId, component_id: c.id }] : [];
  });
  const request = { shards: picks };
  const valid = picks.length > 0 && body.safeParse(request).success;
  const change = (o: boolean) => {
    if (!o) {
      setChoice({});
      switchShard.reset();
    }
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      wide
      title={t('instanceActions.switchShard.title', { name: instance.name })}
      description={t('instanceActions.switchShard.consequence')}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!valid || switchShard.isPending}
            onClick={() =>
              switchShard.mutate(
                { path: { instance_id: instance.id }, body: request },
                followJob(onJob, () => change(false)),
              )
            }
          >
            {t('instanceActions.switchShard.submit', { count: picks.length })}
          </Button>
        </>
      }
    >
      <Note>{t('instanceActions.switchShard.rule')}</Note>
      {components.isLoading && <Loading />}
      {components.error ? <ServerError error={components.error} /> : null}
      {components.isSuccess && shards.length === 0 && (
        <p className="text-sm">{t('instanceActions.switchShard.noShards')}</p>
      )}
      <div className="max-h-80 overflow-auto">
        {shards.map((s, i) => {
          const primary = s.replicas.find(isPrimary);
          const standbys = s.replicas.filter(promotable);
          const pickIndex = picks.findIndex((p) => choice[s.id] === `${p.node_id}|${p.component_id}`);
          return (
            <RuleField
              key={s.id}
              id={`switch-shard-${i}`}
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
              error={pickIndex >= 0 ? serverFieldError(switchShard.error, `shards[${pickIndex}]`) : undefined}
            >
              {(a) => (
                <select
                  {...a}
                  className={inputClass}
                  value={choice[s.id] ?? ''}
                  onChange={(e) => setChoice((c) => ({ ...c, [s.id]: e.target.value }))}
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
            </RuleField>
          );
        })}
      </div>
      <ServerError error={switchShard.error} />
    </Dialog>
  );
}
