import type { Tenant } from '@gaussdb-console/api-client/browser';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field, inputClass, Note } from '../../../shared/forms/form-field';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { pushToast } from '../../../shared/lib/toasts';
import { tenantKeys } from '../api/tenant-keys';
import { useTenantFlavors } from '../api/use-tenant-capacity';
import { enlargeDiskSchema, resizeTenantSchema, type InstanceOffer } from '../lib/tenant-forms';
import { flavorKey, gb } from '../lib/tenant-rules';

export interface TenantDialogProps {
  project: string;
  instanceId: string;
  tenant: Tenant;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const currentFlavor = (t: Tenant) => `${t.cpu ?? ''}/${t.mem ?? ''}`;

/** 4.10.3: another of the instance's tenant flavors (4.10.9); the job is followed in the dialog. */
export function ResizeTenantDialog(props: TenantDialogProps) {
  const { t } = useTranslation();
  const { project, instanceId, tenant } = props;
  const flavors = useTenantFlavors(project, instanceId, props.open);
  const offer = useRef<InstanceOffer>({});
  const current = currentFlavor(tenant);
  const schema = useMemo(() => resizeTenantSchema(t, current, () => offer.current), [t, current]);
  const op = useOperationForm('resizeTenant', {
    project,
    schema,
    defaultValues: { flavor: '' },
    toInput: (v) => {
      const [cpu, mem] = v.flavor.split('/').map(Number);
      return {
        path: { instance_id: instanceId },
        body: { pdb_id: tenant.id, cpu: cpu as number, mem: mem as number },
      };
    },
    toFormPath: (p) => (p === 'cpu' || p === 'mem' ? 'flavor' : undefined),
    invalidates: [tenantKeys.all(project)],
  });
  const { trigger } = op.form;
  useEffect(() => {
    offer.current = { flavors: flavors.data?.pdb_flavors };
    if (flavors.data) void trigger('flavor');
  }, [flavors.data, trigger]);
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tenants.resize.title', { name: tenant.name })}
      description={t('tenants.resize.intro', { cpu: tenant.cpu ?? '?', mem: tenant.mem ?? '?' })}
      submitLabel={t('tenants.resize.submit')}
      canSubmit={!!flavors.data}
      afterAccept="follow"
    >
      <Field name="flavor" label={t('tenants.fields.flavor')} rule={t('tenants.rules.flavor')}>
        {(a) => (
          <select {...a} {...op.form.register('flavor')} className={inputClass} disabled={!flavors.data}>
            <option value="">
              {flavors.isFetching ? t('common.loading') : t('tenants.create.pickFlavor')}
            </option>
            {flavors.data?.pdb_flavors.map((f) => (
              <option key={flavorKey(f)} value={flavorKey(f)}>
                {t('tenants.flavor', { cpu: f.cpu, mem: f.mem })}
                {flavorKey(f) === current ? ` (${t('tenants.resize.current')})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Note>{t('tenants.resize.note')}</Note>
    </OperationDialog>
  );
}

/**
 * 4.10.4: the tenant's new disk quota, a total larger than today's and within what the instance has left.
 * A quota never shrinks: the dialog says so before the click.
 */
export function EnlargeTenantDiskDialog(props: TenantDialogProps) {
  const { t } = useTranslation();
  const { project, instanceId, tenant } = props;
  const flavors = useTenantFlavors(project, instanceId, props.open);
  const current = gb(tenant.disk) ?? 0;
  const remaining = flavors.data?.remaining_disk ?? undefined;
  const offer = useRef<InstanceOffer>({});
  const schema = useMemo(() => enlargeDiskSchema(t, current, () => offer.current), [t, current]);
  const op = useOperationForm('enlargeTenantDisk', {
    project,
    schema,
    defaultValues: { disk: current + 10 },
    toInput: (v) => ({ path: { instance_id: instanceId }, body: { pdb_id: tenant.id, disk: v.disk } }),
    invalidates: [tenantKeys.all(project)],
  });
  const { trigger } = op.form;
  useEffect(() => {
    offer.current = { remaining };
    if (remaining !== undefined) void trigger('disk');
  }, [remaining, trigger]);
  const max = remaining === undefined ? undefined : current + remaining;
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tenants.enlarge.title', { name: tenant.name })}
      description={t('tenants.enlarge.intro', { current })}
      submitLabel={t('tenants.enlarge.submit')}
      canSubmit={!!flavors.data}
      afterAccept="follow"
    >
      <Note tone="warn">{t('tenants.enlarge.noShrink', { current })}</Note>
      <Field
        name="disk"
        label={t('tenants.fields.newDisk')}
        rule={
          max === undefined
            ? t('tenants.rules.enlargeUnknown', { current })
            : t('tenants.rules.enlarge', { current, max })
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
    </OperationDialog>
  );
}

/**
 * 4.10.2: destructive, so the consequence is said and the tenant's name typed. Once accepted the dialog closes:
 * the tenant shows as deleting where it is listed, then goes (a dialog following the job would vanish with it).
 */
export function DeleteTenantDialog(
  props: TenantDialogProps & { instanceName?: string; onDeleted?: () => void },
) {
  const { t } = useTranslation();
  const { project, instanceId, tenant } = props;
  const op = useOperationForm('deleteTenant', {
    project,
    schema: z.object({}),
    defaultValues: {},
    toInput: () => ({ path: { instance_id: instanceId }, body: { pdb_id: tenant.id } }),
    invalidates: [tenantKeys.all(project)],
    onAccepted: () => {
      pushToast({ tone: 'info', title: t('tenants.delete.started', { name: tenant.name }) });
      props.onDeleted?.();
    },
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('tenants.delete.title', { name: tenant.name })}
      submitLabel={t('tenants.delete.submit')}
      danger={{
        confirmText: tenant.name ?? tenant.id,
        consequence: t('tenants.delete.consequence', {
          name: tenant.name,
          instance: props.instanceName ?? instanceId,
        }),
      }}
      afterAccept="close"
    />
  );
}
