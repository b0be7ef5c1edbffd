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

type Action = 'resize' | 'enlarge' | 'delete';

const ACTIONS: readonly { key: Action; operation: string; danger?: boolean }[] = [
  { key: 'resize', operation: 'resizeTenant' },
  { key: 'enlarge', operation: 'enlargeTenantDisk' },
  { key: 'delete', operation: 'deleteTenant', danger: true },
];

/**
 * A DBA's changes of one tenant (4.10.2–4.10.4), offered only to roles that may run them, disabled with the
 * reason while the tenant is busy. A tenant whose creation failed can only be deleted.
 */
export function TenantRowActions(props: {
  project: string;
  instanceId: string;
  instanceName?: string;
  tenant: Tenant;
  /** As buttons (the tenant page's header) rather than a menu (a list row). */
  inline?: boolean;
  /** After a deletion was accepted (the tenant page leaves for the instance's list). */
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState<Action>();
  const { tenant } = props;
  const allowed = ACTIONS.filter((a) => can(a.operation));
  if (allowed.length === 0) return null;
  const failed = String(tenant.status ?? '').toLowerCase() === 'createfail';
  const blocked = (a: Action) =>
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
  const dialogProps = {
    project: props.project,
    instanceId: props.instanceId,
    tenant,
    open: true,
    onOpenChange: (o: boolean) => setOpen(o ? open : undefined),
  };
  return (
    <>
      {props.inline ? (
        <div className="flex flex-wrap gap-2">
          {allowed.map((a) => (
            <Button
              key={a.key}
              size="sm"
              variant={a.danger ? 'danger' : 'secondary'}
              disabled={!!blocked(a.key)}
              title={blocked(a.key)}
              onClick={() => setOpen(a.key)}
            >
              {t(`tenants.actions.${a.key}`)}
            </Button>
          ))}
        </div>
      ) : (
        <DropdownMenu.Root>
          <DropdownMenu.Trigger asChild>
            <Button size="sm" variant="ghost" aria-label={t('tenants.actions.menu', { name: tenant.name })}>
              <MoreHorizontal className="size-4" aria-hidden />
            </Button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              align="end"
              sideOffset={4}
              className="z-40 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
            >
              {allowed.map((a) => {
                const reason = blocked(a.key);
                return (
                  <DropdownMenu.Item
                    key={a.key}
                    disabled={!!reason}
                    onSelect={() => setOpen(a.key)}
                    className={clsx(
                      'flex cursor-pointer flex-col rounded px-2 py-1.5 outline-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800',
                      a.danger && 'text-red-700 dark:text-red-400',
                    )}
                  >
                    {t(`tenants.actions.${a.key}`)}
                    {reason && <span className="text-xs text-slate-500 dark:text-slate-400">{reason}</span>}
                  </DropdownMenu.Item>
                );
              })}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      )}
      {/* Only the open dialog is mounted: each opening starts from the tenant as it is now. */}
      {open === 'resize' && <ResizeTenantDialog {...dialogProps} />}
      {open === 'enlarge' && <EnlargeTenantDiskDialog {...dialogProps} />}
      {open === 'delete' && (
        <DeleteTenantDialog {...dialogProps} instanceName={props.instanceName} onDeleted={props.onDeleted} />
      )}
    </>
  );
}
