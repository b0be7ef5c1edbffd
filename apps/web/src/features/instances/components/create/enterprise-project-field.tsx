import { useFormContext, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useEnterpriseProjects } from '../../api/use-enterprise-projects';
import { Field, inputClass } from '../../../../shared/forms/form-field';
import { defaultValues, toCreateBody, type WizardValues } from './wizard-values';

const FIELD = 'enterprise_project_id' as string as FieldPath<WizardValues>;
/** The enterprise project every resource starts in (4.4.23 lists it as id "0"). */
export const DEFAULT_ENTERPRISE_PROJECT = '0';

/**
 * The contract's 4.4.1 body accepts `enterprise_project_id`; the choice is offered only when the wizard's
 * request builder passes it on, so the field never pretends to send what it does not.
 */
export function requestCarriesEnterpriseProject(): boolean {
  const probe = { ...defaultValues(), [FIELD]: 'probe' } as WizardValues;
  return 'enterprise_project_id' in toCreateBody(probe, 'probe');
}

/** Step 5's optional enterprise project (4.4.23): a choice, or the project's default shown read-only. */
export function EnterpriseProjectField({
  selectable = requestCarriesEnterpriseProject(),
}: {
  selectable?: boolean;
}) {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const { register } = useFormContext<WizardValues>();
  const list = useEnterpriseProjects(project);
  const projects = list.data ?? [];
  const fallback = projects.find((p) => p.id === DEFAULT_ENTERPRISE_PROJECT);
  const defaultName = fallback?.name ?? t('createExtras.enterpriseProjectDefault');

  if (!selectable) {
    return (
      <div>
        <p className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
          {t('createExtras.enterpriseProject')}
        </p>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {list.isPending
            ? t('createExtras.enterpriseProjectLoading')
            : t('createExtras.enterpriseProjectReadOnly', { name: defaultName })}
        </p>
      </div>
    );
  }
  const rule = list.isError
    ? t('createExtras.enterpriseProjectFailed')
    : t('createExtras.enterpriseProjectRule');
  return (
    <Field name={FIELD} label={t('createExtras.enterpriseProject')} rule={rule} optional>
      {(a) => (
        <select {...a} {...register(FIELD)} className={`${inputClass} max-w-xl`} disabled={list.isPending}>
          <option value="">
            {list.isPending
              ? t('createExtras.enterpriseProjectLoading')
              : t('createExtras.enterpriseProjectDefault')}
          </option>
          {projects
            .filter((p) => p.id !== DEFAULT_ENTERPRISE_PROJECT)
            .map((p) => (
              <option key={p.id} value={p.id} disabled={p.status === '2'}>
                {p.status === '2'
                  ? t('createExtras.enterpriseProjectDisabled', { name: p.name ?? p.id })
                  : (p.name ?? p.id)}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}
