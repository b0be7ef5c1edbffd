import { CONSOLE_ROLES, type ConsoleUserView } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ConsoleFormDialog } from '../../../shared/forms/console-form-dialog';
import {
  ChoiceCard,
  Field,
  FieldSet,
  inputClass,
  Note,
  useFieldError,
} from '../../../shared/forms/form-field';
import { useConsoleForm } from '../../../shared/forms/use-console-form';
import { pushToast } from '../../../shared/lib/toasts';
import { userKeys } from '../api/user-keys';
import {
  addConsoleUser,
  changeConsoleUserRole,
  grantConsoleUserTenant,
  resetConsoleUserPassword,
} from '../api/use-console-users';
import type { TenantChoice } from './tenant-choices';
import { TenantChecklist } from './tenant-picker';
import {
  addUserSchema,
  changeRoleSchema,
  grantKey,
  grantOf,
  grantSchema,
  resetPasswordSchema,
} from './user-forms';

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

interface Choices {
  choices: readonly TenantChoice[];
  loading: boolean;
}

function RoleChoice({ name }: { name: 'role' }) {
  const { t } = useTranslation();
  return (
    <FieldSet name={name} legend={t('users.fields.role')} rule={t('users.rules.role')}>
      <Controller
        name={name}
        render={({ field }) => (
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {CONSOLE_ROLES.map((r) => (
              <ChoiceCard
                key={r}
                checked={field.value === r}
                input={
                  <input
                    type="radio"
                    className="mt-0.5"
                    name={field.name}
                    value={r}
                    checked={field.value === r}
                    onChange={() => field.onChange(r)}
                  />
                }
              >
                <span className="font-medium">{t(`roles.${r}`)}</span>
                {/* slate-600: slate-500 falls short of 4.5:1 on a chosen card's sky-50. */}
                <span className="block text-xs text-slate-600 dark:text-slate-300">
                  {t(`users.roleHint.${r}`)}
                </span>
              </ChoiceCard>
            ))}
          </div>
        )}
      />
    </FieldSet>
  );
}

function TenantsField({ choices, loading }: Choices) {
  const { t } = useTranslation();
  const error = useFieldError('tenants');
  return (
    <div className="mb-3">
      <p id="users-tenants-label" className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">
        {t('users.fields.tenants')}
      </p>
      <Controller
        name="tenants"
        render={({ field }) => (
          <TenantChecklist
            id="users-tenants"
            choices={choices}
            value={field.value as string[]}
            onChange={field.onChange}
            loading={loading}
            invalid={!!error}
            labelledBy="users-tenants-label"
            describedBy="users-tenants-rule"
          />
        )}
      />
      <p id="users-tenants-rule" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {t('users.rules.tenants')}
      </p>
      {error && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p>}
    </div>
  );
}

function PasswordPair() {
  const { t } = useTranslation();
  return (
    <>
      <Field name="password" label={t('users.fields.password')} rule={t('users.rules.password')}>
        {(a) => <PasswordInput a={a} name="password" />}
      </Field>
      <Field name="confirm" label={t('users.fields.confirm')} rule={t('users.rules.confirm')}>
        {(a) => <PasswordInput a={a} name="confirm" />}
      </Field>
    </>
  );
}

function PasswordInput({ a, name }: { a: object; name: 'password' | 'confirm' }) {
  return (
    <Controller
      name={name}
      render={({ field }) => (
        <input {...a} {...field} type="password" autoComplete="new-password" className={inputClass} />
      )}
    />
  );
}

/** A new console user with a role; a tenant owner starts with the tenants ticked (as `npm run users -- add`). */
export function AddUserDialog(props: DialogProps & Choices & { taken: readonly string[] }) {
  const { t } = useTranslation();
  const schema = useMemo(() => addUserSchema(t, props.taken), [t, props.taken]);
  const op = useConsoleForm({
    schema,
    defaultValues: { name: '', role: 'viewer', password: '', confirm: '', tenants: [] },
    send: (v) =>
      addConsoleUser({
        name: v.name,
        role: v.role,
        password: v.password,
        tenants: v.role === 'tenant' ? v.tenants.map(grantOf) : [],
      }),
    invalidates: [userKeys.all],
    onAccepted: (u) =>
      pushToast({ tone: 'success', title: t('users.added', { name: u.name, role: t(`roles.${u.role}`) }) }),
  });
  const role = useWatch({ control: op.form.control, name: 'role' });
  return (
    <ConsoleFormDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('users.add.title')}
      description={t('users.add.intro')}
      submitLabel={t('users.add.submit')}
      wide
    >
      <Field name="name" label={t('users.fields.name')} rule={t('users.rules.name')}>
        {(a) => (
          <input
            {...a}
            {...op.form.register('name')}
            className={inputClass}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <RoleChoice name="role" />
      {role === 'tenant' && <TenantsField choices={props.choices} loading={props.loading} />}
      <PasswordPair />
    </ConsoleFormDialog>
  );
}

/** Another role; becoming a tenant owner takes tenants, leaving it drops them. */
export function ChangeRoleDialog(props: DialogProps & Choices & { user: ConsoleUserView }) {
  const { t } = useTranslation();
  const { user } = props;
  const schema = useMemo(() => changeRoleSchema(t, user.role), [t, user.role]);
  const op = useConsoleForm({
    schema,
    defaultValues: { role: user.role, tenants: user.tenants.map(grantKey) },
    send: (v) =>
      changeConsoleUserRole(user.name, {
        role: v.role,
        ...(v.role === 'tenant' ? { tenants: v.tenants.map(grantOf) } : {}),
      }),
    invalidates: [userKeys.all],
    onAccepted: (u) =>
      pushToast({
        tone: 'success',
        title: t('users.roleChanged', { name: u.name, role: t(`roles.${u.role}`) }),
      }),
  });
  const role = useWatch({ control: op.form.control, name: 'role' });
  return (
    <ConsoleFormDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('users.role.title', { name: user.name })}
      description={t('users.role.intro', { role: t(`roles.${user.role}`) })}
      submitLabel={t('users.role.submit')}
      wide
    >
      <RoleChoice name="role" />
      {role === 'tenant' && <TenantsField choices={props.choices} loading={props.loading} />}
      {user.role === 'tenant' && role !== 'tenant' && <Note tone="warn">{t('users.role.dropsTenants')}</Note>}
      <Note>{t('users.role.note')}</Note>
    </ConsoleFormDialog>
  );
}

/** One more tenant for a tenant owner, chosen by name among the tenants that exist. */
export function GrantTenantDialog(props: DialogProps & Choices & { user: ConsoleUserView }) {
  const { t } = useTranslation();
  const { user } = props;
  const held = new Set(user.tenants.map(grantKey));
  const offered = props.choices.filter((c) => !held.has(c.key));
  const schema = useMemo(() => grantSchema(t), [t]);
  const op = useConsoleForm({
    schema,
    defaultValues: { tenant: '' },
    send: (v) => grantConsoleUserTenant(user.name, grantOf(v.tenant)),
    invalidates: [userKeys.all],
    onAccepted: () => pushToast({ tone: 'success', title: t('users.granted', { name: user.name }) }),
  });
  return (
    <ConsoleFormDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('users.grant.title', { name: user.name })}
      description={t('users.grant.intro')}
      submitLabel={t('users.grant.submit')}
    >
      <Field name="tenant" label={t('users.fields.tenant')} rule={t('users.rules.tenant')}>
        {(a) => (
          <select {...a} {...op.form.register('tenant')} className={inputClass} disabled={props.loading}>
            <option value="">{props.loading ? t('common.loading') : t('users.grant.pick')}</option>
            {offered.map((c) => (
              <option key={c.key} value={c.key}>
                {t('users.tenants.option', { tenant: c.tenant, instance: c.instance })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!props.loading && offered.length === 0 && <Note>{t('users.grant.nothing')}</Note>}
    </ConsoleFormDialog>
  );
}

/** A new password set by an admin: the user's sessions end at once (as with `npm run users -- passwd`). */
export function ResetUserPasswordDialog(props: DialogProps & { user: ConsoleUserView }) {
  const { t } = useTranslation();
  const { user } = props;
  const schema = useMemo(() => resetPasswordSchema(t), [t]);
  const op = useConsoleForm({
    schema,
    defaultValues: { password: '', confirm: '' },
    send: (v) => resetConsoleUserPassword(user.name, v.password),
    invalidates: [userKeys.all],
    onAccepted: () => pushToast({ tone: 'success', title: t('users.passwordReset', { name: user.name }) }),
  });
  return (
    <ConsoleFormDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('users.password.title', { name: user.name })}
      description={t('users.password.intro', { name: user.name })}
      submitLabel={t('users.password.submit')}
    >
      <PasswordPair />
    </ConsoleFormDialog>
  );
}
