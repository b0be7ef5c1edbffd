import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDanger } from '../../../../../shared/ui/confirm-danger';
import { useSwitchToStandbyReplica } from '../../../api/use-instance-mutations';
import { jobIdOf } from './dialog-parts';
import { orderNotice } from './logger-replica-dialog';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

/**
 * 1 primary + 1 standby + 1 logger → 1 primary + 2 standbys (4.4.25), per shard of a distributed instance (the
 * only kind the reference offers it for, L3565): each shard's logger is rebuilt as a full standby.
 */
export function StandbyReplicaDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const sw = useSwitchToStandbyReplica(project);
  const prepaid = instance.charge_info?.charge_mode === 'prePaid';
  const [autoPay, setAutoPay] = useState(false);
  return (
    <ConfirmDanger
      open={open}
      onOpenChange={(o) => {
        if (!o) {
          sw.reset();
          setAutoPay(false);
        }
        onOpenChange(o);
      }}
      title={t('instanceActions.toStandby.title', { name: instance.name })}
      consequence={
        <>
          <p>{t('instanceActions.toStandby.consequence', { name: instance.name })}</p>
          <p className="mt-1 text-xs">{t('instanceActions.replica.perShard')}</p>
          <p className="mt-1 text-xs">{t('instanceActions.replica.explain')}</p>
          {prepaid && (
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={autoPay} onChange={(e) => setAutoPay(e.target.checked)} />
              {t('instanceActions.replica.autoPay')}
            </label>
          )}
        </>
      }
      confirmText={instance.name}
      actionLabel={t('instanceActions.toStandby.submit')}
      pending={sw.isPending}
      error={<ServerError error={sw.error} />}
      onConfirm={() =>
        sw.mutate(
          // The contract's input type drops an optional body (`z.strictObject(...).optional()` types as never),
          // although the schema accepts `{ is_auto_pay }`; postpaid instances pass none (bffRequest sends `{}`).
          prepaid
            ? { path: { instance_id: instance.id }, body: { is_auto_pay: autoPay } as never }
            : { path: { instance_id: instance.id } },
          {
            onSuccess: (r) => {
              const job = jobIdOf(r);
              if (job) onJob(job);
              orderNotice(r, t);
              onOpenChange(false);
            },
          },
        )
      }
    />
  );
}
