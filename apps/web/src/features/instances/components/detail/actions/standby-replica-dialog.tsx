import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Note } from '../../../../../shared/forms/form-field';
import type { ActionDialogProps } from './action-types';
import { orderNotice } from './order-notice';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

const autoPay = z.object({ is_auto_pay: z.boolean() });

/**
 * 1 primary + 1 standby + 1 logger → 1 primary + 2 standbys (4.4.25), per shard of a distributed instance (the
 * only kind the reference offers it for, L3565): each shard's logger is rebuilt as a full standby.
 */
export function StandbyReplicaDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { instance } = props;
  const prepaid = instance.charge_info?.charge_mode === 'prePaid';
  const op = useInstanceAction('switchToStandbyReplica', props, {
    schema: autoPay,
    defaultValues: { is_auto_pay: false },
    // Postpaid instances send no body (the BFF sends `{}`); prepaid ones say whether to pay the order at once.
    body: (v) => (prepaid ? { is_auto_pay: v.is_auto_pay } : undefined),
    onAccepted: ({ response }) => orderNotice(response, t),
  });
  return (
    <InstanceActionDialog
      action="toStandby"
      dialog={props}
      op={op}
      confirm={t('instanceActions.toStandby.consequence', { name: instance.name })}
    >
      <Note>{t('instanceActions.replica.perShard')}</Note>
      <Note>{t('instanceActions.replica.explain')}</Note>
      {prepaid && (
        <label className="mb-3 flex items-center gap-2 text-sm">
          <input type="checkbox" {...op.form.register('is_auto_pay')} />
          {t('instanceActions.replica.autoPay')}
        </label>
      )}
    </InstanceActionDialog>
  );
}
