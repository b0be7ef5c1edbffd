import { operations, passwordClasses, SPECIAL_CHARS } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field, inputClass, Note } from '../../../../../shared/forms/form-field';
import { useWeakPasswordCheck } from '../../../../../shared/forms/use-weak-password';
import { pushToast } from '../../../../../shared/lib/toasts';
import { PasswordStrength } from '../../../../../shared/ui/password-strength';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

// 4.4.5 has its own special characters (L1965), not those of 4.4.1: the contract's body schema decides.
const SPECIALS = SPECIAL_CHARS.resetRoot;
const body = operations.resetRootPassword.body;

/** Reset the administrator (root) password: the rule shown, the service's weak-password check, typed twice. */
export function ResetPasswordDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const user = instance.db_user_name ?? 'root';
  const schema = useMemo(
    () =>
      body.extend({ confirm: z.string() }).refine((v) => v.confirm === v.password, {
        path: ['confirm'],
        message: t('instanceActions.resetPassword.mismatch'),
      }),
    [t],
  );
  const op = useInstanceAction('resetRootPassword', props, {
    schema,
    defaultValues: { password: '', confirm: '' },
    body: (v) => ({ password: v.password }),
    onAccepted: () =>
      pushToast({
        tone: 'success',
        title: t('instanceActions.resetPassword.done', { name: instance.name, user }),
      }),
  });
  const password = useWatch({ control: op.form.control, name: 'password' }) ?? '';
  const check = useWeakPasswordCheck(project, password);
  const foreign = passwordClasses(password, SPECIALS).foreign[0];
  return (
    <InstanceActionDialog
      action="resetPassword"
      dialog={props}
      op={op}
      description={t('instanceActions.resetPassword.consequence', { user })}
      canSubmit={check !== 'weak' && check !== 'checking'}
    >
      <Field
        name="password"
        label={t('instanceActions.resetPassword.password')}
        rule={
          foreign && password.length >= 8
            ? t('instanceActions.resetPassword.badChar', { char: foreign, specials: SPECIALS })
            : t('instanceActions.resetPassword.rule', { specials: SPECIALS })
        }
        className="mb-0"
      >
        {(a) => (
          <input
            {...a}
            {...op.form.register('password')}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <PasswordStrength
        password={password}
        specials={SPECIALS}
        valid={body.safeParse({ password }).success}
        check={check}
      />
      <Field
        name="confirm"
        label={t('instanceActions.resetPassword.confirm')}
        rule={t('instanceActions.resetPassword.confirmRule')}
      >
        {(a) => (
          <input
            {...a}
            {...op.form.register('confirm')}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <Note>{t('instanceActions.resetPassword.note')}</Note>
    </InstanceActionDialog>
  );
}
