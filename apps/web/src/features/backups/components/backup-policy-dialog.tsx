import { operations, type BackupPolicy, type Instance } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, FieldSet, inputClass } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { instanceKeys } from '../../instances/api/instance-keys';
import { backupKeys } from '../api/backup-keys';
import {
  DIFFERENTIAL_MINUTES,
  periodDays,
  policyFormValues,
  POLICY_WINDOWS,
  standbyBackupSupported,
  WEEKDAYS,
  windowInZone,
} from '../lib/policy-format';

const body = operations.setBackupPolicy.body;
const num = { valueAsNumber: true } as const;

/**
 * Edit the automatic backup policy (4.7.1): every field the reference lists, each with its rule before the
 * user types, validated by the contract's schema as they type. The window is chosen in UTC (what the API
 * stores) and shown in the instance's time zone beside it.
 */
export function BackupPolicyDialog(props: {
  project: string;
  instance: Instance;
  policy: BackupPolicy | undefined;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const defaultValues = useMemo(() => policyFormValues(props.policy), [props.policy]);
  const op = useOperationForm('setBackupPolicy', {
    project,
    schema: body,
    defaultValues,
    toInput: (values) => ({ path: { instance_id: instance.id }, body: values }),
    invalidates: [backupKeys.policy(project, instance.id), instanceKeys.detail(project, instance.id)],
  });
  const { register, setValue, control } = op.form;
  const period = useWatch({ control, name: 'backup_policy.period' }) as string;
  const days = periodDays(period);
  const zone = instance.time_zone ?? 'UTC';
  const standby = standbyBackupSupported(instance.datastore?.version);
  const toggleDay = (d: number) => {
    const next = days.includes(d) ? days.filter((x) => x !== d) : [...days, d].sort();
    setValue('backup_policy.period', next.join(','), { shouldValidate: true, shouldDirty: true });
  };
  const dirty = op.form.formState.isDirty;

  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      wide
      title={t('backups.policy.editTitle', { name: instance.name })}
      description={t('backups.policy.editDescription')}
      submitLabel={t('backups.policy.save')}
      canSubmit={dirty}
    >
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          name="backup_policy.keep_days"
          label={t('backups.policy.keepDays')}
          rule={t('backups.policy.keepDaysRule')}
        >
          {(a) => (
            <input
              {...a}
              {...register('backup_policy.keep_days', num)}
              type="number"
              min={1}
              max={732}
              className={`${inputClass} w-32 tabular-nums`}
            />
          )}
        </Field>
        <Field
          name="backup_policy.start_time"
          label={t('backups.policy.window')}
          rule={t('backups.policy.windowRule', { zone })}
        >
          {(a) => (
            <select {...a} {...register('backup_policy.start_time')} className={inputClass}>
              {POLICY_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {t('backups.policy.windowOption', {
                    utc: w.replace('-', '–'),
                    local: windowInZone(w, zone),
                    zone,
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FieldSet
        name="backup_policy.period"
        legend={t('backups.policy.period')}
        rule={t('backups.policy.periodRule')}
      >
        <div className="flex flex-wrap gap-1.5">
          {WEEKDAYS.map((d) => (
            <label
              key={d}
              className={clsx(
                'inline-flex cursor-pointer items-center gap-1 rounded-md border px-2 py-1 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-600/40',
                days.includes(d)
                  ? 'border-sky-600 bg-sky-50 dark:border-sky-500 dark:bg-sky-950/60'
                  : 'border-slate-300 dark:border-slate-600',
              )}
            >
              <input
                type="checkbox"
                checked={days.includes(d)}
                onChange={() => toggleDay(d)}
                className="accent-sky-700"
              />
              {t(`backups.weekday.${d}`)}
            </label>
          ))}
        </div>
      </FieldSet>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          name="backup_policy.differential_period"
          label={t('backups.policy.differential')}
          rule={t('backups.policy.differentialRule')}
        >
          {(a) => (
            <select
              {...a}
              {...register('backup_policy.differential_period')}
              className={`${inputClass} w-48`}
            >
              {DIFFERENTIAL_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {t('backups.policy.everyMinutes', { count: Number(m) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="backup_policy.rate_limit"
          label={t('backups.policy.rateLimit')}
          rule={t('backups.policy.rateLimitRule')}
        >
          {(a) => (
            <div className="flex items-center gap-2">
              <input
                {...a}
                {...register('backup_policy.rate_limit', num)}
                type="number"
                min={0}
                max={1024}
                className={`${inputClass} w-32 tabular-nums`}
              />
              <span className="text-sm text-slate-500 dark:text-slate-400">MB/s</span>
            </div>
          )}
        </Field>
        <Field
          name="backup_policy.prefetch_block"
          label={t('backups.policy.prefetch')}
          rule={t('backups.policy.prefetchRule')}
        >
          {(a) => (
            <input
              {...a}
              {...register('backup_policy.prefetch_block', num)}
              type="number"
              min={1}
              max={8192}
              className={`${inputClass} w-32 tabular-nums`}
            />
          )}
        </Field>
        <Field
          name="backup_policy.file_split_size"
          label={t('backups.policy.fileSplit')}
          rule={t('backups.policy.fileSplitRule')}
        >
          {(a) => (
            <div className="flex items-center gap-2">
              <input
                {...a}
                {...register('backup_policy.file_split_size', num)}
                type="number"
                min={0}
                max={1024}
                step={4}
                className={`${inputClass} w-32 tabular-nums`}
              />
              <span className="text-sm text-slate-500 dark:text-slate-400">GB</span>
            </div>
          )}
        </Field>
      </div>
      <Field
        name="backup_policy.enable_standby_backup"
        label={t('backups.policy.standby')}
        rule={
          standby
            ? t('backups.policy.standbyRule')
            : t('backups.policy.standbyUnsupported', { version: instance.datastore?.version ?? '' })
        }
      >
        {(a) => (
          <input
            {...a}
            {...register('backup_policy.enable_standby_backup')}
            type="checkbox"
            disabled={!standby}
            className="size-4 accent-sky-700"
          />
        )}
      </Field>
    </OperationDialog>
  );
}
