import { MAX_COORDINATORS, operations } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { useComponents } from '../../../api/use-instance';
import { useExpandInstance } from '../../../api/use-instance-mutations';
import { buildTopology } from '../topology';
import { inputClass, instanceAzs, Note, RuleField, serverFieldError, followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.expandInstance.body;

/**
 * Add CNs (4.4.2 `expand_cluster.coordinators`, one `{az_code}` per new CN): at most 256 CNs after the
 * operation; an instance created in one AZ takes new CNs only in that AZ (L1291-1296).
 */
export function AddCoordinatorsDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const expand = useExpandInstance(project);
  const components = useComponents(project, instance.id);
  const topology = components.data ? buildTopology(components.data) : undefined;
  const current = topology?.cns.length;
  const max = MAX_COORDINATORS - (current ?? 1);
  const listed = instanceAzs(instance);
  const azs = listed.length > 0 ? listed : (topology?.azs.filter((az) => az !== '—') ?? []);
  const [perAz, setPerAz] = useState<Record<string, string>>({});
  const counts = azs.map((az) => ({ az, text: perAz[az] ?? (az === azs[0] ? '1' : '0') }));
  const wellFormed = counts.every((c) => /^\d+$/.test(c.text));
  const coordinators = wellFormed
    ? counts.flatMap((c) => Array.from({ length: Math.min(Number(c.text), 256) }, () => ({ az_code: c.az })))
    : [];
  const total = coordinators.length;
  const request = { expand_cluster: { coordinators } };
  const valid = wellFormed && total >= 1 && total <= max && body.safeParse(request).success;
  const change = (o: boolean) => {
    if (!o) {
      setPerAz({});
      expand.reset();
    }
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={t('instanceActions.addCoordinators.title', { name: instance.name })}
      description={t('instanceActions.addCoordinators.consequence')}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!valid || expand.isPending}
            onClick={() =>
              expand.mutate(
                { path: { instance_id: instance.id }, body: request },
                followJob(onJob, () => change(false)),
              )
            }
          >
            {t('instanceActions.addCoordinators.submit', { count: total })}
          </Button>
        </>
      }
    >
      {current !== undefined && (
        <p className="mb-2 text-sm">{t('instanceActions.addCoordinators.current', { count: current })}</p>
      )}
      <Note>
        {azs.length === 1
          ? t('instanceActions.addCoordinators.singleAz', { az: azs[0] })
          : t('instanceActions.addCoordinators.rule', { total: MAX_COORDINATORS, max })}
      </Note>
      {counts.map(({ az, text }) => (
        <RuleField
          key={az}
          id={`add-cn-${az}`}
          label={t('instanceActions.addCoordinators.inAz', { az })}
          invalid={!/^\d+$/.test(text)}
        >
          {(a) => (
            <input
              {...a}
              inputMode="numeric"
              className={`${inputClass} max-w-32`}
              value={text}
              onChange={(e) => setPerAz((p) => ({ ...p, [az]: e.target.value.trim() }))}
            />
          )}
        </RuleField>
      ))}
      <p
        className={
          total > max || total < 1
            ? 'mb-3 text-xs text-red-700 dark:text-red-400'
            : 'mb-3 text-xs text-slate-500 dark:text-slate-400'
        }
        aria-live="polite"
      >
        {t('instanceActions.addCoordinators.total', { count: total, total: MAX_COORDINATORS, max })}
      </p>
      {serverFieldError(expand.error, 'expand_cluster.coordinators') && (
        <p className="mb-3 text-xs text-red-700 dark:text-red-400">
          {serverFieldError(expand.error, 'expand_cluster.coordinators')}
        </p>
      )}
      <ServerError error={expand.error} />
    </Dialog>
  );
}
