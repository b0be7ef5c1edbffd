import { operations } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { recycleKeys } from '../api/recycle-keys';

const body = operations.setRecyclePolicy.body;
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Change how long deleted instances stay in the recycle bin (4.13.1, 1–7 days). The new period counts
 * for the instances already there too, so a shorter one may purge some at once: the dialog says how many
 * of the listed ones.
 */
export function RetentionDialog(props: {
  project: string;
  current: number;
  /** Deletion times of the entries the page shows, to tell which a shorter period would purge. */
  deletedAt: readonly number[];
  now: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const current = props.current;
  const defaultValues = useMemo(() => ({ recycle_policy: { retention_period_in_days: current } }), [current]);
  const op = useOperationForm('setRecyclePolicy', {
    project: props.project,
    schema: body,
    defaultValues,
    toInput: (values) => ({ body: values }),
    invalidates: [recycleKeys.all(props.project)],
  });
  const chosen = Number(
    useWatch({ control: op.form.control, name: 'recycle_policy.retention_period_in_days' }),
  );
  const purged = props.deletedAt.filter((d) => d + chosen * 86_400_000 <= props.now).length;
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('recycle.retention.title')}
      description={t('recycle.retention.description')}
      submitLabel={t('recycle.retention.save')}
      canSubmit={chosen !== props.current}
    >
      <Field
        name="recycle_policy.retention_period_in_days"
        label={t('recycle.retention.days')}
        rule={t('recycle.retention.rule')}
      >
        {(a) => (
          <select
            {...a}
            {...op.form.register('recycle_policy.retention_period_in_days', { valueAsNumber: true })}
            className={`${inputClass} w-40`}
          >
            {DAYS.map((d) => (
              <option key={d} value={d}>
                {t('recycle.retention.option', { count: d })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen < props.current && (
        <Note tone="warn">
          {purged > 0 ? t('recycle.retention.purgesNow', { count: purged }) : t('recycle.retention.shorter')}
        </Note>
      )}
    </OperationDialog>
  );
}
