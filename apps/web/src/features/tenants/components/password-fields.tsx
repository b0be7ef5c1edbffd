import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { usePermitted } from '../../../shared/api/policy';
import { Field, inputClass } from '../../../shared/forms/form-field';
import { useWeakPasswordCheck, type WeakCheck } from '../../../shared/forms/use-weak-password';
import { PasswordStrength } from '../../../shared/ui/password-strength';
import { tenantPasswordProblem } from '../lib/tenant-rules';

/** The service's weak-password verdict on a password, asked only by roles that may ask (4.4.14). */
export function useTenantPasswordCheck(project: string, password: string): WeakCheck {
  const mayCheck = usePermitted(['checkWeakPassword']);
  return useWeakPasswordCheck(project, mayCheck ? password : '');
}

/** Whether a dialog may submit with this verdict: not a known weak password, not still being checked. */
export const checkAllowsSubmit = (check: WeakCheck) => check !== 'weak' && check !== 'checking';

/**
 * A new tenant password typed twice, with the endpoint's rule under it from the start, a strength meter and,
 * for roles that may run it, the service's weak-password check (4.4.14; a tenant owner may not, so it is
 * never asked for them). `nameField` is the form field the password must not equal (or reverse).
 */
export function PasswordFields(props: {
  name: string;
  confirmName: string;
  /** The account the password is for, for the "not the name or its reverse" rule. */
  accountName: string;
  specials: string;
  label: string;
  /** The weak-password check of the dialog (useTenantPasswordCheck), which also decides whether it may submit. */
  check: WeakCheck;
}) {
  const { t } = useTranslation();
  const { register, control } = useFormContext();
  const password = (useWatch({ control, name: props.name }) as string | undefined) ?? '';
  const { check } = props;
  return (
    <>
      <Field
        name={props.name}
        label={props.label}
        rule={t('tenants.rules.password', { specials: props.specials })}
        className="mb-0"
      >
        {(a) => (
          <input
            {...a}
            {...register(props.name)}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <PasswordStrength
        password={password}
        specials={props.specials}
        valid={tenantPasswordProblem(password, props.accountName, props.specials) === undefined}
        check={check}
      />
      <Field name={props.confirmName} label={t('tenants.fields.confirm')} rule={t('tenants.rules.confirm')}>
        {(a) => (
          <input
            {...a}
            {...register(props.confirmName)}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
    </>
  );
}
