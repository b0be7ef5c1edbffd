import { SPECIAL_CHARS } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { pushToast } from '../../../shared/lib/toasts';
import { tenantKeys } from '../api/tenant-keys';
import type { TenantRef } from '../api/use-tenant-objects';
import { createDbUserSchema, resetDbUserPasswordSchema } from '../lib/tenant-forms';
import { checkAllowsSubmit, PasswordFields, useTenantPasswordCheck } from './password-fields';

interface Props {
  tenant: TenantRef & { name: string };
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const pathOf = (r: TenantRef) => ({ instance_id: r.instanceId, pdb_id: r.pdbId });

/** 4.10.10: a database user of the tenant, with or without the right to create users. */
export function CreateTenantDbUserDialog(props: Props) {
  const { t } = useTranslation();
  const { tenant } = props;
  const schema = useMemo(() => createDbUserSchema(t), [t]);
  const op = useOperationForm('createTenantDbUser', {
    project: tenant.project,
    schema,
    defaultValues: { name: '', password: '', confirm: '', is_login_only: false },
    toInput: (v) => ({
      path: pathOf(tenant),
      body: { name: v.name, password: v.password, ...(v.is_login_only ? { is_login_only: true } : {}) },
    }),
    invalidates: [tenantKeys.tenant(tenant.project, tenant.instanceId, tenant.pdbId)],
    onAccepted: () =>
      pushToast({ tone: 'success', title: t('tenants.users.created', { tenant: tenant.name }) }),
  });
  const name = useWatch({ control: op.form.control, name: 'name' }) ?? '';
  const password = useWatch({ control: op.form.control, name: 'password' }) ?? '';
  const check = useTenantPasswordCheck(tenant.project, password);
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tenants.users.createTitle', { tenant: tenant.name })}
      submitLabel={t('tenants.users.createSubmit')}
      canSubmit={checkAllowsSubmit(check)}
    >
      <Field name="name" label={t('tenants.fields.userName')} rule={t('tenants.rules.userName')}>
        {(a) => <input {...a} {...op.form.register('name')} className={inputClass} spellCheck={false} />}
      </Field>
      <PasswordFields
        name="password"
        confirmName="confirm"
        accountName={name}
        specials={SPECIAL_CHARS.tenantUser}
        label={t('tenants.fields.password')}
        check={check}
      />
      <label className="mb-3 flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5" {...op.form.register('is_login_only')} />
        <span>
          {t('tenants.users.loginOnly')}
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {t('tenants.users.loginOnlyRule')}
          </span>
        </span>
      </label>
    </OperationDialog>
  );
}

/** 4.10.14: a new password for one user of the tenant (root included, the system users not). */
export function ResetTenantDbUserPasswordDialog(props: Props & { user: string }) {
  const { t } = useTranslation();
  const { tenant, user } = props;
  const schema = useMemo(() => resetDbUserPasswordSchema(t), [t]);
  const defaults = useMemo(() => ({ name: user, password: '', confirm: '' }), [user]);
  const op = useOperationForm('resetTenantDbUserPassword', {
    project: tenant.project,
    schema,
    defaultValues: defaults,
    toInput: (v) => ({ path: pathOf(tenant), body: { name: v.name, password: v.password } }),
    onAccepted: () =>
      pushToast({ tone: 'success', title: t('tenants.users.passwordReset', { user, tenant: tenant.name }) }),
  });
  const password = useWatch({ control: op.form.control, name: 'password' }) ?? '';
  const check = useTenantPasswordCheck(tenant.project, password);
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tenants.users.resetTitle', { user })}
      description={t('tenants.users.resetIntro', { user, tenant: tenant.name })}
      submitLabel={t('tenants.users.resetSubmit')}
      canSubmit={checkAllowsSubmit(check)}
    >
      <Field name="name" label={t('tenants.fields.userName')}>
        {(a) => (
          <input
            {...a}
            {...op.form.register('name')}
            readOnly
            className={`${inputClass} bg-slate-50 dark:bg-slate-900`}
          />
        )}
      </Field>
      <PasswordFields
        name="password"
        confirmName="confirm"
        accountName={user}
        specials={SPECIAL_CHARS.tenantUserReset}
        label={t('tenants.fields.newPassword')}
        check={check}
      />
      <Note>{t('tenants.users.resetNote')}</Note>
    </OperationDialog>
  );
}
