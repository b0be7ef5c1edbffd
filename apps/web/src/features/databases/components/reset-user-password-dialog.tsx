import { operations, SPECIAL_CHARS, type Instance } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useWeakPasswordCheck } from '../../../shared/forms/use-weak-password';
import { pushToast } from '../../../shared/lib/toasts';
import { useDatabaseForm } from '../api/use-database-form';
import { confirmRule, contractRules } from './db-form-schemas';
import { PasswordFields } from './password-fields';

const body = operations.resetDbUserPassword.body;
type Values = { password: string; confirm: string };

/** 4.9.5: a new password for one database user, with 4.9.5's own special characters. */
export function ResetUserPasswordDialog(props: {
  project: string;
  instance: Instance;
  user: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, instance, user } = props;
  const schema = useMemo(
    () =>
      z
        .object({ password: z.string(), confirm: z.string() })
        .superRefine(contractRules<Values>(body, (v) => ({ name: user, password: v.password })))
        .superRefine(confirmRule(t)),
    [t, user],
  );
  const op = useDatabaseForm('resetDbUserPassword', project, instance.id, {
    schema,
    defaultValues: { password: '', confirm: '' },
    body: (v) => ({ name: user, password: v.password }),
    onAccepted: () => pushToast({ tone: 'success', title: t('databases.user.resetDone', { user }) }),
  });
  const password = useWatch({ control: op.form.control, name: 'password' }) ?? '';
  const check = useWeakPasswordCheck(project, password);
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('databases.user.resetTitle', { user })}
      description={t('databases.user.resetDescription', { user, instance: instance.name })}
      submitLabel={t('databases.user.resetSubmit')}
      canSubmit={check !== 'weak' && check !== 'checking'}
    >
      <PasswordFields
        specials={SPECIAL_CHARS.resetDbUser}
        valid={body.safeParse({ name: user, password }).success}
        check={check}
      />

      <Note>{t('databases.user.resetNote')}</Note>
    </OperationDialog>
  );
}
