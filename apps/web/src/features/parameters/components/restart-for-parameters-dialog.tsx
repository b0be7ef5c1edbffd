import type { Instance } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { parameterKeys } from '../api/parameter-keys';

const noFields = z.object({});

/**
 * 4.4.7 from the pending-restart banner: the restart that makes the changed parameters take effect. One
 * click (a restart is reversible), the consequence and the waiting parameters said first; the banner follows
 * the job it starts.
 */
export function RestartForParametersDialog(props: {
  project: string;
  instance: Pick<Instance, 'id' | 'name'>;
  names: readonly string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onJob: (jobId: string) => void;
}) {
  const { t } = useTranslation();
  const op = useOperationForm('restartInstance', {
    project: props.project,
    schema: noFields,
    defaultValues: {},
    toInput: () => ({ path: { instance_id: props.instance.id } }),
    invalidates: [[...parameterKeys.all(props.project), 'restarts', props.instance.id]],
    onAccepted: ({ jobId }) => jobId && props.onJob(jobId),
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('parameters.restart.title', { name: props.instance.name })}
      description={t('parameters.restart.consequence')}
      submitLabel={t('parameters.restart.submit')}
    >
      <p className="text-sm">{t('parameters.restart.waiting')}</p>
      <ul className="mt-1 list-inside list-disc font-mono text-xs">
        {props.names.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </OperationDialog>
  );
}
