import { operations } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pushToast } from '../../../../../shared/lib/toasts';
import { useSwitchToLoggerReplica } from '../../../api/use-instance-mutations';
import {
  DangerFlow,
  inputClass,
  instanceAzs,
  jobIdOf,
  Note,
  RuleField,
  serverFieldError,
} from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.switchToLoggerReplica.body;

/** A prepaid change creates an order to pay; tell the user when no job runs yet. */
export function orderNotice(r: unknown, t: (k: string, o?: Record<string, unknown>) => string) {
  const order = typeof r === 'object' && r !== null ? (r as { order_id?: unknown }).order_id : undefined;
  if (typeof order === 'string' && order && !jobIdOf(r))
    pushToast({ tone: 'info', title: t('instanceActions.replica.order', { order }) });
}

/**
 * 1 primary + 2 standbys → 1 primary + 1 standby + 1 logger (4.4.24), per shard of a distributed instance (the
 * only kind the reference offers it for, L3489): in each shard the standby in the chosen AZ keeps only WAL.
 */
export function LoggerReplicaDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const sw = useSwitchToLoggerReplica(project);
  const azs = instanceAzs(instance);
  // Only an AZ holding a running standby can host the logger; with no node list, every AZ is offered.
  const standbyAzs = new Set(
    (instance.nodes ?? [])
      .filter((n) => n.role === 'slave' && n.status !== 'STOPPED')
      .map((n) => n.availability_zone),
  );
  const hostsStandby = (z: string) => standbyAzs.size === 0 || standbyAzs.has(z);
  const [az, setAz] = useState('');
  const prepaid = instance.charge_info?.charge_mode === 'prePaid';
  const [autoPay, setAutoPay] = useState(false);
  const request = { availability_zone: az, ...(prepaid ? { is_auto_pay: autoPay } : {}) };
  const valid = az !== '' && body.safeParse(request).success;
  const change = (o: boolean) => {
    if (!o) {
      setAz('');
      setAutoPay(false);
      sw.reset();
    }
    onOpenChange(o);
  };
  return (
    <DangerFlow
      open={open}
      onOpenChange={change}
      title={t('instanceActions.toLogger.title', { name: instance.name })}
      description={t('instanceActions.replica.explain')}
      canContinue={valid}
      form={
        <>
          <RuleField
            id="logger-az"
            label={t('instanceActions.toLogger.az')}
            rule={t('instanceActions.toLogger.azRule')}
            error={serverFieldError(sw.error, 'availability_zone')}
          >
            {(a) => (
              <select {...a} className={inputClass} value={az} onChange={(e) => setAz(e.target.value)}>
                <option value="">{t('instanceActions.common.choose')}</option>
                {azs.map((z) => (
                  <option key={z} value={z} disabled={!hostsStandby(z)}>
                    {hostsStandby(z) ? z : t('instanceActions.toLogger.noStandby', { az: z })}
                  </option>
                ))}
              </select>
            )}
          </RuleField>
          {prepaid && (
            <label className="mb-3 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={autoPay} onChange={(e) => setAutoPay(e.target.checked)} />
              {t('instanceActions.replica.autoPay')}
            </label>
          )}
          <Note>{t('instanceActions.replica.perShard')}</Note>
          <Note tone="warn">{t('instanceActions.toLogger.note')}</Note>
        </>
      }
      confirmTitle={t('instanceActions.toLogger.confirmTitle', { name: instance.name })}
      consequence={t('instanceActions.toLogger.consequence', { name: instance.name, az })}
      confirmText={instance.name}
      actionLabel={t('instanceActions.toLogger.submit')}
      pending={sw.isPending}
      error={<ServerError error={sw.error} />}
      onConfirm={() =>
        sw.mutate(
          { path: { instance_id: instance.id }, body: request },
          {
            onSuccess: (r) => {
              const job = jobIdOf(r);
              if (job) onJob(job);
              orderNotice(r, t);
              change(false);
            },
          },
        )
      }
    />
  );
}
