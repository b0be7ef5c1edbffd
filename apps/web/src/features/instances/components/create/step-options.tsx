import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EnterpriseProjectField } from './enterprise-project-field';
import { Field, inputClass } from '../../../../shared/forms/form-field';
import { ruleText } from './rule-text';
import { TagsEditor } from './tags-editor';
import type { WizardValues } from './wizard-values';
import type { OpOutput } from '../../../../shared/api/operations';

type ParameterTemplate = OpOutput<'listParameterTemplates'>['configurations'][number];

const pad = (n: number) => String(n).padStart(2, '0');
/** The 24 one-hour backup windows the API accepts ("hh:00-HH:00", UTC). */
export const BACKUP_WINDOWS = Array.from({ length: 24 }, (_, h) => `${pad(h)}:00-${pad((h + 1) % 24)}:00`);
/** UTC-12:00 … UTC+12:00 in whole hours. */
export const TIME_ZONES = Array.from({ length: 25 }, (_, i) => i - 12).map(
  (h) => `UTC${h < 0 ? '-' : '+'}${pad(Math.abs(h))}:00`,
);

/** Templates made for the chosen engine version and deployment mode (a template without either fits any). */
export function templatesFor(
  all: ParameterTemplate[],
  v: Pick<WizardValues, 'datastore' | 'ha'>,
): ParameterTemplate[] {
  return all.filter(
    (p) =>
      (!p.datastore_version || p.datastore_version === v.datastore.version) &&
      (!p.ha_mode || p.ha_mode.toLowerCase() === v.ha.mode),
  );
}

/** Step 5: automatic backups, parameter template, time zone and tags. */
export function StepOptions(props: {
  templates: ParameterTemplate[];
  templatesLoading: boolean;
  predefinedTags: { key: string; values: string[] }[];
}) {
  const { t } = useTranslation();
  const { register } = useFormContext<WizardValues>();
  const v = useWatch<WizardValues>() as WizardValues;
  const templates = templatesFor(props.templates, v);
  return (
    <div className="grid gap-4">
      <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
        <Field
          name="backup_strategy.start_time"
          label={t('createInstance.fields.backupWindow')}
          rule={ruleText(t, 'backup_strategy.start_time', v)}
        >
          {(a) => (
            <select {...a} {...register('backup_strategy.start_time')} className={inputClass}>
              {BACKUP_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {t('createInstance.backupWindowOption', { window: w.replace('-', '–') })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="backup_strategy.keep_days"
          label={t('createInstance.fields.keepDays')}
          rule={ruleText(t, 'backup_strategy.keep_days', v)}
        >
          {(a) => (
            <input
              {...a}
              {...register('backup_strategy.keep_days')}
              type="number"
              inputMode="numeric"
              min={0}
              max={732}
              className={`${inputClass} w-32 tabular-nums`}
            />
          )}
        </Field>
      </div>

      <Field
        name="configuration_id"
        label={t('createInstance.fields.template')}
        rule={t('createInstance.rules.template')}
        optional
      >
        {(a) => (
          <select
            {...a}
            {...register('configuration_id')}
            className={`${inputClass} max-w-xl`}
            disabled={props.templatesLoading}
          >
            <option value="">{t('createInstance.defaultTemplate')}</option>
            {templates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.user_defined ? t('createInstance.customTemplate', { name: p.name }) : p.name}
              </option>
            ))}
          </select>
        )}
      </Field>

      <EnterpriseProjectField />

      <Field name="time_zone" label={t('createInstance.fields.timeZone')} rule={ruleText(t, 'time_zone', v)}>
        {(a) => (
          <select {...a} {...register('time_zone')} className={`${inputClass} w-40`}>
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>

      <TagsEditor predefined={props.predefinedTags} />
    </div>
  );
}
