import { Plus, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { pushToast } from '../../../shared/lib/toasts';
import { Button } from '../../../shared/ui/button';
import { tenantKeys } from '../api/tenant-keys';
import type { TenantRef } from '../api/use-tenant-objects';
import { createSchemasSchema, grantPrivilegesSchema } from '../lib/tenant-forms';

interface Props {
  tenant: TenantRef & { name: string };
  /** The tenant's users (owners and grantees to choose from) and existing schemas. */
  users: readonly string[];
  schemas: readonly string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const pathOf = (r: TenantRef) => ({ instance_id: r.instanceId, pdb_id: r.pdbId });
const MAX_SCHEMAS = 20;
const MAX_GRANTS = 50;

/** 4.10.11: up to 20 schemas in one call, each owned by a user of the tenant. */
export function CreateTenantSchemasDialog(props: Props) {
  const { t } = useTranslation();
  const { tenant } = props;
  const schema = useMemo(() => createSchemasSchema(t, props.schemas), [t, props.schemas]);
  const defaults = useMemo(() => ({ schemas: [{ name: '', owner: props.users[0] ?? '' }] }), [props.users]);
  const op = useOperationForm('createTenantSchema', {
    project: tenant.project,
    schema,
    defaultValues: defaults,
    toInput: (v) => ({ path: pathOf(tenant), body: { schemas: v.schemas } }),
    invalidates: [tenantKeys.tenant(tenant.project, tenant.instanceId, tenant.pdbId)],
    onAccepted: () =>
      pushToast({ tone: 'success', title: t('tenants.schemas.created', { tenant: tenant.name }) }),
  });
  const rows = useFieldArray({ control: op.form.control, name: 'schemas' });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tenants.schemas.createTitle', { tenant: tenant.name })}
      description={t('tenants.schemas.createIntro')}
      submitLabel={t('tenants.schemas.createSubmit', { count: rows.fields.length })}
      wide
    >
      {props.users.length === 0 && <Note tone="warn">{t('tenants.schemas.noUsers')}</Note>}
      {rows.fields.map((row, i) => (
        <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-3">
          <Field
            name={`schemas.${i}.name`}
            label={t('tenants.fields.schemaName')}
            rule={i === 0 ? t('tenants.rules.schemaName') : undefined}
          >
            {(a) => (
              <input
                {...a}
                {...op.form.register(`schemas.${i}.name`)}
                className={inputClass}
                spellCheck={false}
              />
            )}
          </Field>
          <Field
            name={`schemas.${i}.owner`}
            label={t('tenants.fields.owner')}
            rule={i === 0 ? t('tenants.rules.owner') : undefined}
          >
            {(a) => (
              <select {...a} {...op.form.register(`schemas.${i}.owner`)} className={inputClass}>
                <option value="">{t('tenants.schemas.pickOwner')}</option>
                {props.users.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button
            variant="ghost"
            className="mt-6"
            aria-label={t('tenants.schemas.removeRow', { n: i + 1 })}
            disabled={rows.fields.length === 1}
            onClick={() => rows.remove(i)}
          >
            <Trash2 className="size-4" aria-hidden />
          </Button>
        </div>
      ))}
      <Button
        size="sm"
        disabled={rows.fields.length >= MAX_SCHEMAS}
        onClick={() => rows.append({ name: '', owner: props.users[0] ?? '' })}
      >
        <Plus className="size-3.5" aria-hidden />
        {t('tenants.schemas.addRow', { max: MAX_SCHEMAS })}
      </Button>
    </OperationDialog>
  );
}

/**
 * 4.10.15: read-only or read-write on a schema for users of the tenant, up to 50 in one call. Root and the
 * system users cannot be granted; the templates and built-in schemas cannot be granted on.
 */
export function GrantTenantPrivilegesDialog(props: Props & { user?: string }) {
  const { t } = useTranslation();
  const { tenant } = props;
  const grantable = useMemo(() => props.users.filter((u) => u !== 'root'), [props.users]);
  const schema = useMemo(() => grantPrivilegesSchema(t), [t]);
  const defaults = useMemo(
    () => ({
      users: [
        { name: props.user ?? grantable[0] ?? '', schema_name: props.schemas[0] ?? '', readonly: true },
      ],
    }),
    [props.user, grantable, props.schemas],
  );
  const op = useOperationForm('grantTenantDbPrivilege', {
    project: tenant.project,
    schema,
    defaultValues: defaults,
    toInput: (v) => ({ path: pathOf(tenant), body: { users: v.users } }),
    invalidates: [tenantKeys.tenant(tenant.project, tenant.instanceId, tenant.pdbId)],
    onAccepted: () =>
      pushToast({ tone: 'success', title: t('tenants.grants.done', { tenant: tenant.name }) }),
  });
  const rows = useFieldArray({ control: op.form.control, name: 'users' });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tenants.grants.title', { tenant: tenant.name })}
      description={t('tenants.grants.intro')}
      submitLabel={t('tenants.grants.submit', { count: rows.fields.length })}
      wide
    >
      {(grantable.length === 0 || props.schemas.length === 0) && (
        <Note tone="warn">{t('tenants.grants.nothing')}</Note>
      )}
      {rows.fields.map((row, i) => (
        <div key={row.id} className="grid grid-cols-[1fr_1fr_auto_auto] items-start gap-3">
          <Field
            name={`users.${i}.name`}
            label={t('tenants.fields.user')}
            rule={i === 0 ? t('tenants.rules.grantee') : undefined}
          >
            {(a) => (
              <select {...a} {...op.form.register(`users.${i}.name`)} className={inputClass}>
                <option value="">{t('tenants.grants.pickUser')}</option>
                {grantable.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name={`users.${i}.schema_name`}
            label={t('tenants.fields.schema')}
            rule={i === 0 ? t('tenants.rules.grantSchema') : undefined}
          >
            {(a) => (
              <select {...a} {...op.form.register(`users.${i}.schema_name`)} className={inputClass}>
                <option value="">{t('tenants.grants.pickSchema')}</option>
                {props.schemas.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name={`users.${i}.readonly`} label={t('tenants.fields.access')}>
            {(a) => (
              <select
                {...a}
                className={inputClass}
                value={op.form.watch(`users.${i}.readonly`) ? 'ro' : 'rw'}
                onChange={(e) =>
                  op.form.setValue(`users.${i}.readonly`, e.target.value === 'ro', { shouldValidate: true })
                }
              >
                <option value="ro">{t('tenants.grants.readonly')}</option>
                <option value="rw">{t('tenants.grants.readwrite')}</option>
              </select>
            )}
          </Field>
          <Button
            variant="ghost"
            className="mt-6"
            aria-label={t('tenants.grants.removeRow', { n: i + 1 })}
            disabled={rows.fields.length === 1}
            onClick={() => rows.remove(i)}
          >
            <Trash2 className="size-4" aria-hidden />
          </Button>
        </div>
      ))}
      <Button
        size="sm"
        disabled={rows.fields.length >= MAX_GRANTS}
        onClick={() =>
          rows.append({ name: grantable[0] ?? '', schema_name: props.schemas[0] ?? '', readonly: true })
        }
      >
        <Plus className="size-3.5" aria-hidden />
        {t('tenants.grants.addRow', { max: MAX_GRANTS })}
      </Button>
    </OperationDialog>
  );
}
