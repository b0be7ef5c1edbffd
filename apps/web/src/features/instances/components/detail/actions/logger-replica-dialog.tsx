import { operations } from '@gaussdb-console/api-client/browser';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, inputClass, Note } from '../../../../../shared/forms/form-field';
import { instanceAzs } from '../../../lib/instance-azs';
import type { ActionDialogProps } from './action-types';
import { orderNotice } from './order-notice';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

const body = operations.switchToLoggerReplica.body;

/**
 * 1 primary + 2 standbys → 1 primary + 1 standby + 1 logger (4.4.24), per shard of a distributed instance (the
 * only kind the reference offers it for, L3489): in each shard the standby in the chosen AZ keeps only WAL.
 */
export function LoggerReplicaDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { instance } = props;
  const azs = instanceAzs(instance);
  // Only an AZ holding a running standby can host the logger; with no node list, every AZ is offered.
  const standbyAzs = new Set(
    (instance.nodes ?? [])
      .filter((n) => n.role === 'slave' && n.status !== 'STOPPED')
      .map((n) => n.availability_zone),
  );
  const hostsStandby = (z: string) => standbyAzs.size === 0 || standbyAzs.has(z);
  const prepaid = instance.charge_info?.charge_mode === 'prePaid';
  const op = useInstanceAction('switchToLoggerReplica', props, {
    schema: body,
    defaultValues: { availability_zone: '', is_auto_pay: false },
    body: (v) => ({
      availability_zone: v.availability_zone,
      ...(prepaid ? { is_auto_pay: v.is_auto_pay ?? false } : {}),
    }),
    onAccepted: ({ response }) => orderNotice(response, t),
  });
  const az = useWatch({ control: op.form.control, name: 'availability_zone' });
  return (
    <InstanceActionDialog
      action="toLogger"
      dialog={props}
      op={op}
      confirm={az ? t('instanceActions.toLogger.consequence', { name: instance.name, az }) : true}
    >
      <Field
        name="availability_zone"
        label={t('instanceActions.toLogger.az')}
        rule={t('instanceActions.toLogger.azRule')}
      >
        {(a) => (
          <select {...a} {...op.form.register('availability_zone')} className={inputClass}>
            <option value="">{t('instanceActions.common.choose')}</option>
            {azs.map((z) => (
              <option key={z} value={z} disabled={!hostsStandby(z)}>
                {hostsStandby(z) ? z : t('instanceActions.toLogger.noStandby', { az: z })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {prepaid && (
        <label className="mb-3 flex items-center gap-2 text-sm">
          <input type="checkbox" {...op.form.register('is_auto_pay')} />
          {t('instanceActions.replica.autoPay')}
        </label>
      )}
      <Note>{t('instanceActions.replica.perShard')}</Note>
      <Note tone="warn">{t('instanceActions.toLogger.note')}</Note>
    </InstanceActionDialog>
  );
}
