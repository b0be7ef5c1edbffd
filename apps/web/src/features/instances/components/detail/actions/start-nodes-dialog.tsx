import { operations } from '@gaussdb-console/api-client/browser';
import { useEffect, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../../../../shared/ui/error-panel';
import { Loading } from '../../../../../shared/ui/states';
import { useComponents } from '../../../api/use-instance';
import type { ActionDialogProps } from './action-types';
import { isNodeStopped } from './node-picker';
import { nodeIdsOf, nodeScopeSchema, NodeScopeFields } from './node-scope';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

/** Start stopped nodes, or the whole instance (4.4.18). Reversible: one click. */
export function StartNodesDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const components = useComponents(project, instance.id);
  const stopped = (components.data ?? []).filter(isNodeStopped);
  const schema = useMemo(() => nodeScopeSchema(operations.startNodes.body, t), [t]);
  const op = useInstanceAction('startNodes', props, {
    schema,
    defaultValues: { scope: 'nodes', node_ids: stopped.map((n) => n.id) },
    body: (v) => ({ node_ids: nodeIdsOf(v) }),
  });
  // Every stopped node is chosen until the user changes it: what "start" usually means.
  const stoppedIds = stopped.map((n) => n.id).join(',');
  const { setValue, getFieldState } = op.form;
  useEffect(() => {
    if (stoppedIds && !getFieldState('node_ids').isDirty)
      setValue('node_ids', stoppedIds.split(','), { shouldValidate: true });
  }, [stoppedIds, setValue, getFieldState]);
  const values = useWatch({ control: op.form.control });
  const count = values.scope === 'whole' ? 0 : (values.node_ids?.length ?? 0);
  return (
    <InstanceActionDialog action="startNodes" dialog={props} op={op} values={{ count }}>
      {components.isLoading && <Loading />}
      <ErrorPanel error={components.error} title={t('errors.loadFailed')} />
      <NodeScopeFields
        verb="start"
        nodes={stopped}
        legend={t('instanceActions.startNodes.pick')}
        whole={t('instanceActions.startNodes.whole')}
        empty={components.isSuccess ? t('instanceActions.startNodes.noneStopped') : undefined}
      />
    </InstanceActionDialog>
  );
}
