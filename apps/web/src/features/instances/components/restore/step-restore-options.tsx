import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../shared/api/operations';
import { Field, inputClass } from '../../../../shared/forms/form-field';
import { templatesFor, TIME_ZONES } from '../create/step-options';
import { ruleText } from '../create/rule-text';
import type { WizardValues } from '../create/wizard-values';

type ParameterTemplate = OpOutput<'listParameterTemplates'>['configurations'][number];

/** Step 5 of a restore: the parameter template and the time zone (4.7.8 takes no tags or backup policy). */
export function StepRestoreOptions(props: { templates: ParameterTemplate[]; templatesLoading: boolean }) {
  const { t } = useTranslation();
  const { register } = useFormContext<WizardValues>();
  const v = useWatch<WizardValues>() as WizardValues;
  const templates = templatesFor(props.templates, v);
  return (
    <div className="grid gap-4">
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
    </div>
  );
}
