import { useWatch, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { passwordClasses } from '@gaussdb-console/api-client/browser';
import { Field, inputClass } from '../../../shared/forms/form-field';
import type { WeakCheck } from '../../../shared/forms/use-weak-password';
import { PasswordStrength } from '../../../shared/ui/password-strength';

/** The new password and its confirmation, with the endpoint's rule (its own special characters) and a meter. */
export function PasswordFields(props: { specials: string; valid: boolean; check: WeakCheck }) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<{ password: string; confirm: string }>();
  const password = useWatch({ control, name: 'password' }) ?? '';
  const foreign = passwordClasses(password, props.specials).foreign[0];
  return (
    <>
      <Field
        name="password"
        label={t('databases.user.password')}
        rule={
          foreign
            ? t('databases.rules.badChar', { char: foreign, specials: props.specials })
            : t('databases.rules.password', { specials: props.specials })
        }
        className="mb-0"
      >
        {(a) => (
          <input
            {...a}
            {...register('password', { deps: ['confirm'] })}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <PasswordStrength
        password={password}
        specials={props.specials}
        valid={props.valid}
        check={props.check}
      />
      <Field name="confirm" label={t('databases.user.confirm')} rule={t('databases.user.confirmRule')}>
        {(a) => (
          <input
            {...a}
            {...register('confirm')}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
    </>
  );
}
