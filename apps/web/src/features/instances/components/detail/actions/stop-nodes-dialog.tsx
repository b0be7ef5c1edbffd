import { operations } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../../../../shared/ui/error-panel';
import { Loading } from '../../../../../shared/ui/states';
import { useComponents } from '../../../api/use-instance';
import type { ActionDialogProps } from './action-types';
import { isNodeStopped, nodeRoles } from './node-picker';
import { nodeIdsOf, nodeScopeSchema, NodeScopeFields } from './node-scope';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

/**
 * Stop chosen nodes or the whole instance (4.4.19). Destructive: the dialog says what stops, with what runs
 * on each node, and asks for the instance's name.
 */
export function StopNodesDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const components = useComponents(project, instance.id);
  const running = (components.data ?? []).filter((n) => !isNodeStopped(n));
  const schema = useMemo(() => nodeScopeSchema(operations.stopNodes.body, t), [t]);
  const op = useInstanceAction('stopNodes', props, {
    schema,
    defaultValues: { scope: 'nodes', node_ids: [] },
    body: (v) => ({ node_ids: nodeIdsOf(v) }),
  });
  const values = useWatch({ control: op.form.control });
  const chosen = running.filter((n) => values.node_ids?.includes(n.id));
  const consequence =
    values.scope === 'whole' ? (
      t('instanceActions.stopNodes.consequenceWhole', { name: instance.name })
    ) : chosen.length > 0 ? (
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
    ) : undefined;
  return (
    <InstanceActionDialog action="stopNodes" dialog={props} op={op} confirm={consequence ?? true}>
      {components.isLoading && <Loading />}
      <ErrorPanel error={components.error} title={t('errors.loadFailed')} />
      <NodeScopeFields
        verb="stop"
        nodes={running}
        legend={t('instanceActions.stopNodes.pick')}
        whole={t('instanceActions.stopNodes.wholeNote')}
      />
      {values.scope === 'nodes' && (
        <p className="mb-3 text-xs text-amber-800 dark:text-amber-300">
          {t('instanceActions.stopNodes.rules')}
        </p>
      )}
    </InstanceActionDialog>
  );
}
