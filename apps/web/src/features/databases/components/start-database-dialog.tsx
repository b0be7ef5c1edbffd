import { operations, type Instance } from '@gaussdb-console/api-client/browser';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ChoiceCard, FieldSet, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { instanceKeys } from '../../instances/api/instance-keys';
import { stoppedNodes } from './database-service';

const schema = z.object({ scope: z.enum(['stopped', 'whole']) });

/**
 * 4.9.9 (the same call as 4.4.18, DB-9): start the database service on the stopped nodes, or the whole
 * instance (`node_ids: []`). Reversible: one click; the job is followed in the dialog.
 */
export function StartDatabaseDialog(props: {
  project: string;
  instance: Instance;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const stopped = stoppedNodes(instance);
  const op = useOperationForm('startDatabase', {
    project,
    schema,
    defaultValues: { scope: 'stopped' },
    toInput: (v) => ({
      path: { instance_id: instance.id },
      body: operations.startDatabase.body.parse({
        node_ids: v.scope === 'whole' ? [] : stopped.map((n) => n.id),
      }),
    }),
    invalidates: [instanceKeys.all(project)],
  });
  const scope = useWatch({ control: op.form.control, name: 'scope' });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('databases.service.dialogTitle', { name: instance.name })}
      description={t('databases.service.consequence')}
      submitLabel={t('databases.service.start')}
      afterAccept="follow"
    >
      <FieldSet name="scope" legend={t('databases.service.scope')}>
        <div className="grid gap-2">
          <ChoiceCard
            checked={scope === 'stopped'}
            input={<input type="radio" value="stopped" {...op.form.register('scope')} />}
          >
            {t('databases.service.scopeStopped', {
              nodes: stopped.map((n) => n.name ?? n.id).join(', '),
            })}
          </ChoiceCard>
          <ChoiceCard
            checked={scope === 'whole'}
            input={<input type="radio" value="whole" {...op.form.register('scope')} />}
          >
            {t('databases.service.scopeWhole')}
          </ChoiceCard>
        </div>
      </FieldSet>
      <Note>{t('databases.service.note')}</Note>
    </OperationDialog>
  );
}
