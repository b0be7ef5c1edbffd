import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { OperationDialog } from '../../../../../shared/forms/operation-dialog';
import { pushToast } from '../../../../../shared/lib/toasts';
import { useRecyclePolicy } from '../../../../recycle-bin/api/use-recycle-policy';
import type { ActionDialogProps } from './action-types';
import { useInstanceAction } from './use-instance-action';

const noFields = z.object({});

/** Delete (4.4.3): the name typed; the dialog says how long the recycle bin keeps it. */
export function DeleteDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { project, instance } = props;
  const policy = useRecyclePolicy(project, props.open);
  const days = Number(policy.data?.retention_period_in_days ?? 7);
  const op = useInstanceAction('deleteInstance', props, {
    schema: noFields,
    defaultValues: {},
    body: () => undefined,
    onAccepted: () => {
      pushToast({ tone: 'info', title: t('actions.delete.started', { name: instance.name }) });
      void navigate(`/p/${encodeURIComponent(project)}/instances`);
    },
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('actions.delete.title', { name: instance.name })}
      submitLabel={t('actions.delete.submit')}
      danger={{
        confirmText: instance.name,
        consequence: t('actions.delete.consequence', {
          name: instance.name,
          days: Number.isFinite(days) ? days : 7,
        }),
      }}
    />
  );
}
