import { operations } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { Loading } from '../../../../../shared/ui/states';
import { useComponents } from '../../../api/use-instance';
import { useStartNodes } from '../../../api/use-instance-mutations';
import { Note, followJob } from './dialog-parts';
import { isNodeStopped, NodePicker } from './node-picker';
import { ScopeChoice, type NodeScope } from './scope-choice';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.startNodes.body;

/** Start stopped nodes, or the whole instance (4.4.18). Reversible: one click. */
export function StartNodesDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const start = useStartNodes(project);
  const components = useComponents(project, instance.id);
  const stopped = (components.data ?? []).filter(isNodeStopped);
  const [scope, setScope] = useState<NodeScope>('nodes');
  const [picked, setPicked] = useState<string[] | undefined>();
  // Until the user changes it, every stopped node is chosen: what "start" usually means.
  const selected = picked ?? stopped.map((n) => n.id);
  const nodeIds = scope === 'whole' ? [] : selected;
  const valid = body.safeParse({ node_ids: nodeIds }).success && (scope === 'whole' || nodeIds.length > 0);
  const change = (o: boolean) => {
    if (!o) {
      setScope('nodes');
      setPicked(undefined);
      start.reset();
    }
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={t('instanceActions.startNodes.title', { name: instance.name })}
      description={t('instanceActions.startNodes.consequence')}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!valid || start.isPending}
            onClick={() =>
              start.mutate(
                { path: { instance_id: instance.id }, body: { node_ids: nodeIds } },
                followJob(onJob, () => change(false)),
              )
            }
          >
            {t('instanceActions.startNodes.submit', { count: scope === 'whole' ? 0 : nodeIds.length })}
          </Button>
        </>
      }
    >
      <ScopeChoice name="start-scope" value={scope} onChange={setScope} verb="start" />
      {components.isLoading && <Loading />}
      {components.error ? <ServerError error={components.error} /> : null}
      {scope === 'nodes' && components.isSuccess && stopped.length === 0 && (
        <Note>{t('instanceActions.startNodes.noneStopped')}</Note>
      )}
      {scope === 'nodes' && stopped.length > 0 && (
        <NodePicker
          legend={t('instanceActions.startNodes.pick')}
          nodes={stopped}
          selected={selected}
          onChange={setPicked}
        />
      )}
      {scope === 'whole' && <Note>{t('instanceActions.startNodes.whole')}</Note>}
      <ServerError error={start.error} />
    </Dialog>
  );
}
