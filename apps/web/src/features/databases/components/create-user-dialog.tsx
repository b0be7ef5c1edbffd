import { operations, SPECIAL_CHARS, type Instance } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useWeakPasswordCheck } from '../../../shared/forms/use-weak-password';
import { pushToast } from '../../../shared/lib/toasts';
import { useDatabaseForm } from '../api/use-database-form';
import { confirmRule, contractRules } from './db-form-schemas';
import { PasswordFields } from './password-fields';

const body = operations.createDbUser.body;
type Values = { name: string; password: string; confirm: string };

/** 4.9.2: a database user with the 4.9.2 password rule (its own special characters), typed twice. */
export function CreateUserDialog(props: {
  project: string;
  instance: Instance;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const schema = useMemo(
    () =>
      z
        .object({ name: z.string(), password: z.string(), confirm: z.string() })
        .superRefine(contractRules<Values>(body, (v) => ({ name: v.name, password: v.password })))
        .superRefine(confirmRule(t)),
    [t],
  );
  const op = useDatabaseForm('createDbUser', project, instance.id, {
    schema,
    defaultValues: { name: '', password: '', confirm: '' },
    body: (v) => ({ name: v.name, password: v.password }),
    onAccepted: () =>
      pushToast({ tone: 'success', title: t('databases.user.created', { name: op.form.getValues('name') }) }),
  });
  const [name, password] = useWatch({ control: op.form.control, name: ['name', 'password'] });
  const check = useWeakPasswordCheck(project, password ?? '');
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('databases.user.createTitle', { name: instance.name })}
      description={t('databases.user.createDescription')}
      submitLabel={t('databases.user.createSubmit')}
      canSubmit={check !== 'weak' && check !== 'checking'}
    >
      <Field name="name" label={t('databases.user.name')} rule={t('databases.rules.userName')}>
        {(a) => (
          <input
            {...a}
            {...op.form.register('name', { deps: ['password'] })}
            className={inputClass}
            autoFocus
          />
        )}
      </Field>

      <PasswordFields
        specials={SPECIAL_CHARS.dbUser}
        valid={body.safeParse({ name: name || 'x', password }).success}
        check={check}
      />

      <Note>{t('databases.user.createNote')}</Note>
    </OperationDialog>
  );
}
