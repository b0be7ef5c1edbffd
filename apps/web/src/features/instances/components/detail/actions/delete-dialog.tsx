import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { pushToast } from '../../../../../shared/lib/toasts';
import { useRecyclePolicy } from '../../../../recycle-bin/api/use-recycle-policy';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

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
    <InstanceActionDialog
      action="delete"
      dialog={props}
      op={op}
      confirm={t('actions.delete.consequence', {
        name: instance.name,
        days: Number.isFinite(days) ? days : 7,
      })}
    />
  );
}
