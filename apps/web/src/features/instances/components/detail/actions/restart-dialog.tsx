import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OperationDialog } from '../../../../../shared/forms/operation-dialog';
import type { ActionDialogProps } from './action-types';
import { useInstanceAction } from './use-instance-action';

const noFields = z.object({});

/** Restart is reversible: one click to confirm, the consequence stated. */
export function RestartDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const op = useInstanceAction('restartInstance', props, {
    schema: noFields,
    defaultValues: {},
    body: () => undefined,
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('actions.restart.title', { name: props.instance.name })}
      description={t('actions.restart.consequence')}
      submitLabel={t('actions.restart.submit')}
    />
  );
}
