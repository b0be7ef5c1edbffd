import { operations } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../../shared/ui/states';
import { useComponents } from '../../../api/use-instance';
import { useStopNodes } from '../../../api/use-instance-mutations';
import { DangerFlow, Note, followJob } from './dialog-parts';
import { isNodeStopped, NodePicker, nodeRoles } from './node-picker';
import { ScopeChoice, type NodeScope } from './scope-choice';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.stopNodes.body;

/**
 * Stop chosen nodes or the whole instance (4.4.19). Destructive: the confirmation says what stops and asks
 * for the instance's name.
 */
export function StopNodesDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const stop = useStopNodes(project);
  const components = useComponents(project, instance.id);
  const running = (components.data ?? []).filter((n) => !isNodeStopped(n));
  const [scope, setScope] = useState<NodeScope>('nodes');
  const [selected, setSelected] = useState<string[]>([]);
  const nodeIds = scope === 'whole' ? [] : selected;
  const valid = body.safeParse({ node_ids: nodeIds }).success && (scope === 'whole' || nodeIds.length > 0);
  const chosen = running.filter((n) => selected.includes(n.id));
  const change = (o: boolean) => {
    if (!o) {
      setScope('nodes');
      setSelected([]);
      stop.reset();
    }
    onOpenChange(o);
  };
  const consequence =
    scope === 'whole' ? (
      t('instanceActions.stopNodes.consequenceWhole', { name: instance.name })
    ) : (
      <>
        <p>{t('instanceActions.stopNodes.consequence', { name: instance.name, count: chosen.length })}</p>
        <ul className="mt-1 list-disc pl-5 text-xs">
          {chosen.map((n) => (
            <li key={n.id}>
              <span className="font-medium">{n.name ?? n.id}</span>: {nodeRoles(n, t)}
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <DangerFlow
      open={open}
      onOpenChange={change}
      title={t('instanceActions.stopNodes.title', { name: instance.name })}
      description={t('instanceActions.stopNodes.intro')}
      canContinue={valid}
      form={
        <>
          <ScopeChoice name="stop-scope" value={scope} onChange={setScope} verb="stop" />
          {components.isLoading && <Loading />}
          {components.error ? <ServerError error={components.error} /> : null}
          {scope === 'nodes' && running.length > 0 && (
            <NodePicker
              legend={t('instanceActions.stopNodes.pick')}
              nodes={running}
              selected={selected}
              onChange={setSelected}
            />
          )}
          <Note tone="warn">
            {scope === 'whole'
              ? t('instanceActions.stopNodes.wholeNote')
              : t('instanceActions.stopNodes.rules')}
          </Note>
        </>
      }
      confirmTitle={t('instanceActions.stopNodes.confirmTitle', { name: instance.name })}
      consequence={consequence}
      confirmText={instance.name}
      actionLabel={t('instanceActions.stopNodes.submit')}
      pending={stop.isPending}
      error={<ServerError error={stop.error} />}
      onConfirm={() =>
        stop.mutate(
          { path: { instance_id: instance.id }, body: { node_ids: nodeIds } },
          followJob(onJob, () => change(false)),
        )
      }
    />
  );
}
