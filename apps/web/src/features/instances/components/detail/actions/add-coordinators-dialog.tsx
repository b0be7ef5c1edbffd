import { MAX_COORDINATORS, operations } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage, Field, FieldError, inputClass, Note } from '../../../../../shared/forms/form-field';
import { useComponents } from '../../../api/use-instance';
import { instanceAzs } from '../../../lib/instance-azs';
import { buildTopology } from '../topology';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

/** One `{az_code}` per new CN, from the count asked for in each AZ. */
const coordinatorsOf = (azs: readonly string[], counts: readonly number[]) =>
  azs.flatMap((az, i) =>
    Array.from({ length: Math.min(Math.max(0, counts[i] ?? 0), 256) }, () => ({ az_code: az })),
  );

/**
 * Add CNs (4.4.2 `expand_cluster.coordinators`): a count per AZ; at most 256 CNs after the operation; an
 * instance created in one AZ takes new CNs only in that AZ (L1291-1296).
 */
export function AddCoordinatorsDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const components = useComponents(project, instance.id);
  const topology = components.data ? buildTopology(components.data) : undefined;
  const current = topology?.cns.length;
  const max = MAX_COORDINATORS - (current ?? 1);
  const listed = instanceAzs(instance);
  const azs = listed.length > 0 ? listed : (topology?.azs.filter((az) => az !== '—') ?? []);
  const azsKey = azs.join(',');
  const schema = useMemo(
    () =>
      z
        .object({
          counts: z.array(
            z
              .number({ error: t('instanceActions.addCoordinators.wholeNumber') })
              .int()
              .min(0),
          ),
        })
        .superRefine((v, ctx) => {
          const coordinators = coordinatorsOf(azsKey.split(','), v.counts);
          if (coordinators.length < 1 || coordinators.length > max)
            ctx.addIssue({
              code: 'custom',
              path: ['counts'],
              message: t('instanceActions.addCoordinators.total', {
                count: coordinators.length,
                total: MAX_COORDINATORS,
                max,
              }),
            });
          else {
            const r = operations.expandInstance.body.safeParse({ expand_cluster: { coordinators } });
            if (!r.success)
              ctx.addIssue({ code: 'custom', path: ['counts'], message: r.error.issues[0]?.message ?? '' });
          }
        }),
    [azsKey, max, t],
  );
  const op = useInstanceAction('expandInstance', props, {
    schema,
    defaultValues: { counts: azs.map((_, i) => (i === 0 ? 1 : 0)) },
    body: (v) => ({ expand_cluster: { coordinators: coordinatorsOf(azs, v.counts) } }),
    toFormPath: (p) => (p.startsWith('expand_cluster.coordinators') ? 'counts' : undefined),
  });
  const counts = useWatch({ control: op.form.control, name: 'counts' }) ?? [];
  const total = coordinatorsOf(
    azs,
    counts.map((c) => (Number.isFinite(c) ? c : 0)),
  ).length;
  const totalError = errorMessage(op.form.formState.errors.counts);
  return (
    <InstanceActionDialog action="addCoordinators" dialog={props} op={op} values={{ count: total }}>
      {current !== undefined && (
        <p className="mb-2 text-sm">{t('instanceActions.addCoordinators.current', { count: current })}</p>
      )}
      <Note>
        {azs.length === 1
          ? t('instanceActions.addCoordinators.singleAz', { az: azs[0] })
          : t('instanceActions.addCoordinators.rule', { total: MAX_COORDINATORS, max })}
      </Note>
      {azs.map((az, i) => (
        <Field key={az} name={`counts.${i}`} label={t('instanceActions.addCoordinators.inAz', { az })}>
          {(a) => (
            <input
              {...a}
              {...op.form.register(`counts.${i}`, { valueAsNumber: true })}
              inputMode="numeric"
              className={`${inputClass} max-w-32`}
            />
          )}
        </Field>
      ))}
      {!totalError && (
        <p className="mb-1 text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {t('instanceActions.addCoordinators.total', { count: total, total: MAX_COORDINATORS, max })}
        </p>
      )}
      <FieldError id="add-cn-total-error" message={totalError} />
    </InstanceActionDialog>
  );
}
