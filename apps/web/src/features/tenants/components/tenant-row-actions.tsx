import type { Tenant } from '@gaussdb-console/api-client/browser';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { clsx } from 'clsx';
import { MoreHorizontal } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { Button } from '../../../shared/ui/button';
import { isTenantReady } from '../api/tenant-status';
import { DeleteTenantDialog, EnlargeTenantDiskDialog, ResizeTenantDialog } from './tenant-change-dialogs';

export type TenantAction = 'resize' | 'enlarge' | 'delete';

const ACTIONS: readonly { key: TenantAction; operation: string; danger?: boolean }[] = [
  { key: 'resize', operation: 'resizeTenant' },
  { key: 'enlarge', operation: 'enlargeTenantDisk' },
  { key: 'delete', operation: 'deleteTenant', danger: true },
];

/**
 * A DBA's changes of one tenant (4.10.2–4.10.4) the role may run, each with the reason it is not possible now
 * (undefined: it is): nothing but deletion while the creation failed, nothing while a task changes the tenant.
 */
function useTenantActions(tenant: Tenant) {
  const { t } = useTranslation();
  const can = useCan();
  const failed = String(tenant.status ?? '').toLowerCase() === 'createfail';
  const blocked = (a: TenantAction) =>
    failed
      ? a === 'delete'
        ? undefined
        : t('tenants.actions.failedOnlyDelete')
      : isTenantReady(tenant)
        ? undefined
        : t('tenants.actions.busy', {
            status: t(`status.${String(tenant.status ?? '').toUpperCase()}`, {
              defaultValue: tenant.status ?? '',
            }),
          });
  return ACTIONS.filter((a) => can(a.operation)).map((a) => ({ ...a, blocked: blocked(a.key) }));
}

/**
 * A list row's menu of the tenant's changes. It only says which one was chosen: the list draws the dialog
 * beside its table (TenantActionDialog), so a dialog outlives its row (filtered out while the tenant is
 * `modifying`, gone once it is deleted).
 */
export function TenantActionMenu(props: { tenant: Tenant; onChoose: (action: TenantAction) => void }) {
  const { t } = useTranslation();
  const actions = useTenantActions(props.tenant);
  if (actions.length === 0) return null;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <Button size="sm" variant="ghost" aria-label={t('tenants.actions.menu', { name: props.tenant.name })}>
          <MoreHorizontal className="size-4" aria-hidden />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-40 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {actions.map((a) => (
            <DropdownMenu.Item
              key={a.key}
              disabled={!!a.blocked}
              onSelect={() => props.onChoose(a.key)}
              className={clsx(
                'flex cursor-pointer flex-col rounded px-2 py-1.5 outline-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800',
                a.danger && 'text-red-700 dark:text-red-400',
              )}
            >
              {t(`tenants.actions.${a.key}`)}
              {a.blocked && <span className="text-xs text-slate-500 dark:text-slate-400">{a.blocked}</span>}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** The dialog of the chosen change; mounted only while open, so each opening starts from the tenant as it is. */
export function TenantActionDialog(props: {
  project: string;
  instanceId: string;
  instanceName?: string;
  tenant: Tenant;
  action: TenantAction;
  onClose: () => void;
  /** After a deletion was accepted (the tenant page leaves for the instance's list). */
  onDeleted?: () => void;
}) {
  const common = {
    project: props.project,
    instanceId: props.instanceId,
    tenant: props.tenant,
    open: true,
    onOpenChange: (o: boolean) => {
      if (!o) props.onClose();
    },
  };
  switch (props.action) {
    case 'resize':
      return <ResizeTenantDialog {...common} />;
    case 'enlarge':
      return <EnlargeTenantDiskDialog {...common} />;
    case 'delete':
      return <DeleteTenantDialog {...common} instanceName={props.instanceName} onDeleted={props.onDeleted} />;
  }
}

/** The tenant page's header: the same changes as buttons, each disabled with its reason. */
export function TenantActionButtons(props: {
  project: string;
  instanceId: string;
  instanceName?: string;
  tenant: Tenant;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const actions = useTenantActions(props.tenant);
  const [open, setOpen] = useState<TenantAction>();
  if (actions.length === 0) return null;
  return (
    <>
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button
            key={a.key}
            size="sm"
            variant={a.danger ? 'danger' : 'secondary'}
            disabled={!!a.blocked}
            title={a.blocked}
            onClick={() => setOpen(a.key)}
          >
            {t(`tenants.actions.${a.key}`)}
          </Button>
        ))}
      </div>
      {open && (
        <TenantActionDialog
          project={props.project}
          instanceId={props.instanceId}
          instanceName={props.instanceName}
          tenant={props.tenant}
          action={open}
          onClose={() => setOpen(undefined)}
          onDeleted={props.onDeleted}
        />
      )}
    </>
  );
}
