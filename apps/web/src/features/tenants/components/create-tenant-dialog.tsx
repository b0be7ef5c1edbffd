import { SPECIAL_CHARS, TENANT_ENCODINGS } from '@gaussdb-console/api-client/browser';
import { useEffect, useMemo, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { tenantKeys } from '../api/tenant-keys';
import { useTenantFlavors, useTenantTemplates } from '../api/use-tenant-capacity';
import {
  createTenantBody,
  createTenantFormPath,
  createTenantSchema,
  type CreateTenantValues,
  type InstanceOffer,
} from '../lib/tenant-forms';
import { flavorKey } from '../lib/tenant-rules';
import { checkAllowsSubmit, PasswordFields, useTenantPasswordCheck } from './password-fields';

export interface HostChoice {
  id: string;
  name: string;
  /** The instance's status and the disk it has left for tenants (4.10.9), when known. */
  status?: string | null;
  remaining?: number | null;
}

/**
 * 4.10.1: a tenant in a multi-tenant instance. The instance's tenant flavors (4.10.9) are the only CPU/memory
 * offered, the disk is limited to what the instance has left, the templates come from 4.10.8; the name and
 * password rules show under their fields before the user types. The dialog follows the creation job.
 */
export function CreateTenantDialog(props: {
  project: string;
  /**
   * The instance is fixed (instance tab, named by `instanceName`) or chosen among the project's multi-tenant
   * instances (`hosts`).
   */
  instanceId?: string;
  instanceName?: string;
  hosts?: readonly HostChoice[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project } = props;
  const defaults = useMemo<CreateTenantValues>(
    () => ({
      instance_id: props.instanceId ?? (props.hosts?.length === 1 ? (props.hosts[0]?.id ?? '') : ''),
      pdb_name: '',
      pdb_pd_in_db: '',
      confirm: '',
      flavor: '',
      disk: 20,
      encoding: 'UTF8',
      configuration_id: '',
    }),
    [props.instanceId, props.hosts],
  );
  // The flavor and disk rules depend on the instance the form names; the schema reads its offer when it checks.
  const offer = useRef<InstanceOffer>({});
  const schema = useMemo(() => createTenantSchema(t, () => offer.current), [t]);
  const op = useOperationForm('createTenant', {
    project,
    schema,
    defaultValues: defaults,
    toInput: (v) => ({ path: { instance_id: v.instance_id }, body: createTenantBody(v) }),
    toFormPath: createTenantFormPath,
    invalidates: [tenantKeys.all(project)],
  });
  const instanceId = useWatch({ control: op.form.control, name: 'instance_id' });
  const name = useWatch({ control: op.form.control, name: 'pdb_name' }) ?? '';
  const password = useWatch({ control: op.form.control, name: 'pdb_pd_in_db' }) ?? '';
  const flavors = useTenantFlavors(project, instanceId, props.open && !!instanceId);
  const templates = useTenantTemplates(project, instanceId, props.open && !!instanceId);
  const remaining = flavors.data?.remaining_disk ?? undefined;
  const check = useTenantPasswordCheck(project, password);
  const { setValue, getValues, trigger } = op.form;
  // Sensible first choices once the instance's offer is known: the smallest flavor, its first template.
  useEffect(() => {
    offer.current = {
      flavors: flavors.data?.pdb_flavors,
      remaining: flavors.data?.remaining_disk ?? undefined,
    };
    const first = flavors.data?.pdb_flavors[0];
    if (first && !getValues('flavor')) setValue('flavor', flavorKey(first));
    const tpl = templates.data?.configurations[0];
    if (tpl && !getValues('configuration_id')) setValue('configuration_id', tpl.id);
    if (flavors.data) void trigger(['flavor', 'disk']);
  }, [flavors.data, templates.data, getValues, setValue, trigger]);
  const hostName = props.hosts?.find((h) => h.id === instanceId)?.name;
  // "prod-core-02 · 96 GB free", and the status when the instance is not ACTIVE (it may then refuse).
  const hostLabel = (h: HostChoice) =>
    [
      h.name,
      h.remaining == null ? undefined : t('tenants.create.free', { gb: h.remaining }),
      h.status && h.status !== 'ACTIVE'
        ? t(`status.${h.status.toUpperCase().replace(/\s+/g, '_')}`, { defaultValue: h.status })
        : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={
        props.instanceName
          ? t('tenants.create.titleIn', { instance: props.instanceName })
          : t('tenants.create.title')
      }
      description={t('tenants.create.intro')}
      submitLabel={t('tenants.create.submit')}
      canSubmit={checkAllowsSubmit(check) && !!flavors.data}
      afterAccept="follow"
      wide
    >
      {!props.instanceId && (
        <Field name="instance_id" label={t('tenants.fields.instance')} rule={t('tenants.rules.instance')}>
          {(a) => (
            <select {...a} {...op.form.register('instance_id')} className={inputClass}>
              <option value="">{t('tenants.create.pickInstance')}</option>
              {props.hosts?.map((h) => (
                <option key={h.id} value={h.id}>
                  {hostLabel(h)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field name="pdb_name" label={t('tenants.fields.name')} rule={t('tenants.rules.name')}>
        {(a) => <input {...a} {...op.form.register('pdb_name')} className={inputClass} spellCheck={false} />}
      </Field>
      <PasswordFields
        name="pdb_pd_in_db"
        confirmName="confirm"
        accountName={name}
        specials={SPECIAL_CHARS.tenantRoot}
        label={t('tenants.fields.rootPassword')}
        check={check}
      />
      <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
        <Field name="flavor" label={t('tenants.fields.flavor')} rule={t('tenants.rules.flavor')}>
          {(a) => (
            <select {...a} {...op.form.register('flavor')} className={inputClass} disabled={!flavors.data}>
              <option value="">
                {flavors.isFetching ? t('common.loading') : t('tenants.create.pickFlavor')}
              </option>
              {flavors.data?.pdb_flavors.map((f) => (
                <option key={flavorKey(f)} value={flavorKey(f)}>
                  {t('tenants.flavor', { cpu: f.cpu, mem: f.mem })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="disk"
          label={t('tenants.fields.disk')}
          rule={
            remaining === undefined
              ? t('tenants.rules.diskUnknown')
              : t('tenants.rules.disk', { max: remaining })
          }
        >
          {(a) => (
            <div className="flex items-center gap-2">
              <input
                {...a}
                {...op.form.register('disk', { valueAsNumber: true })}
                inputMode="numeric"
                className={`${inputClass} max-w-32`}
              />
              <span className="text-sm text-slate-500 dark:text-slate-400">GB</span>
            </div>
          )}
        </Field>
        <Field name="encoding" label={t('tenants.fields.encoding')} rule={t('tenants.rules.encoding')}>
          {(a) => (
            <select {...a} {...op.form.register('encoding')} className={inputClass}>
              {TENANT_ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="configuration_id"
          label={t('tenants.fields.template')}
          rule={t('tenants.rules.template')}
        >
          {(a) => (
            <select
              {...a}
              {...op.form.register('configuration_id')}
              className={inputClass}
              disabled={!templates.data}
            >
              <option value="">
                {templates.isFetching ? t('common.loading') : t('tenants.create.pickTemplate')}
              </option>
              {templates.data?.configurations.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name ?? c.id}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Note>{t('tenants.create.collation')}</Note>
      {flavors.isError && (
        <Note tone="warn">{t('tenants.create.flavorsFailed', { instance: hostName ?? instanceId })}</Note>
      )}
    </OperationDialog>
  );
}
