import type { DbUser } from '@gaussdb-console/api-client/browser';
import type { ColumnDef } from '@tanstack/react-table';
import { KeyRound, Plus, ShieldCheck } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data-table';
import { ListHeader } from '../../../shared/ui/list-header';
import { Pagination } from '../../../shared/ui/pagination';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useTenantDbUsers, useTenantObjectNames } from '../api/use-tenant-objects';
import { TENANT_RESET_RESERVED_NAMES } from '../lib/tenant-rules';
import { GrantTenantPrivilegesDialog } from './tenant-schema-dialogs';
import type { TenantTabProps } from './tenant-tab';
import { CreateTenantDbUserDialog, ResetTenantDbUserPasswordDialog } from './tenant-user-dialogs';

type Open = { kind: 'create' } | { kind: 'reset'; user: string } | { kind: 'grant'; user?: string };

/** What a user may do, from its role attributes (4.10.12), in words. */
function Rights({ user }: { user: DbUser }) {
  const { t } = useTranslation();
  const a = user.attributes;
  if (!a) return <span>—</span>;
  const rights = [
    a.rolcanlogin && t('tenants.users.right.login'),
    a.rolcreaterole && t('tenants.users.right.createRole'),
    a.rolcreatedb && t('tenants.users.right.createDb'),
    a.rolsuper && t('tenants.users.right.super'),
  ].filter(Boolean);
  return <span>{rights.length ? rights.join(' · ') : t('tenants.users.right.none')}</span>;
}

/** The tenant's database users (4.10.12) with create (4.10.10), reset password (4.10.14) and grant (4.10.15). */
export function TenantUsersTab({ tenant, ready }: TenantTabProps) {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams([] as const, 10);
  const { page, size, set } = list;
  const users = useTenantDbUsers(tenant, page - 1, size);
  const [open, setOpen] = useState<Open>();
  const names = useTenantObjectNames(tenant, open?.kind === 'grant');
  const notReady = ready ? undefined : t('tenants.detail.notReady');
  const columns = useMemo<ColumnDef<DbUser, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (u) => u.name,
        header: t('tenants.users.col.name'),
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.name}</span>,
      },
      {
        id: 'rights',
        header: t('tenants.users.col.rights'),
        enableSorting: false,
        cell: ({ row }) => <Rights user={row.original} />,
      },
      {
        id: 'connections',
        accessorFn: (u) => u.attributes?.rolconnlimit ?? -1,
        header: t('tenants.users.col.connections'),
        meta: { align: 'right' },
        cell: ({ row }) => {
          const n = row.original.attributes?.rolconnlimit;
          return n == null ? '—' : n < 0 ? t('tenants.users.unlimited') : n;
        },
      },
      {
        id: 'locked',
        accessorFn: (u) => (u.lock_status ? 1 : 0),
        header: t('tenants.users.col.locked'),
        cell: ({ row }) =>
          row.original.lock_status ? t('tenants.users.locked') : t('tenants.users.unlocked'),
      },
      {
        id: 'memberof',
        header: t('tenants.users.col.memberof'),
        enableSorting: false,
        cell: ({ row }) => (
          <span className="block max-w-80 truncate font-mono text-xs" title={row.original.memberof ?? ''}>
            {row.original.memberof ?? '—'}
          </span>
        ),
      },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        cell: ({ row }) => {
          const name = row.original.name;
          return (
            <div className="flex justify-end gap-1">
              {can('resetTenantDbUserPassword') && !TENANT_RESET_RESERVED_NAMES.includes(name) && (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={!!notReady}
                  title={notReady}
                  aria-label={t('tenants.users.resetFor', { user: name })}
                  onClick={() => setOpen({ kind: 'reset', user: name })}
                >
                  <KeyRound className="size-3.5" aria-hidden />
                  {t('tenants.users.reset')}
                </Button>
              )}
              {can('grantTenantDbPrivilege') && name !== 'root' && (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={!!notReady}
                  title={notReady}
                  aria-label={t('tenants.users.grantFor', { user: name })}
                  onClick={() => setOpen({ kind: 'grant', user: name })}
                >
                  <ShieldCheck className="size-3.5" aria-hidden />
                  {t('tenants.users.grant')}
                </Button>
              )}
            </div>
          );
        },
      },
    ],
    [t, can, notReady],
  );

  if (users.permitted === false) return <NotPermitted />;
  const rows = users.data?.users ?? [];
  return (
    <div className="flex flex-col gap-3">
      <ListHeader
        title={t('tenants.detail.tab.users')}
        updatedAt={users.dataUpdatedAt}
        fetching={users.isFetching}
        onRefresh={() => void users.refetch()}
      >
        {can('grantTenantDbPrivilege') && (
          <Button disabled={!!notReady} title={notReady} onClick={() => setOpen({ kind: 'grant' })}>
            <ShieldCheck className="size-4" aria-hidden />
            {t('tenants.grants.open')}
          </Button>
        )}
        {can('createTenantDbUser') && (
          <Button
            variant="primary"
            disabled={!!notReady}
            title={notReady}
            onClick={() => setOpen({ kind: 'create' })}
          >
            <Plus className="size-4" aria-hidden />
            {t('tenants.users.open')}
          </Button>
        )}
      </ListHeader>
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <>
            <DataTable
              label={t('tenants.detail.tab.users')}
              data={rows}
              columns={columns}
              getRowId={(u) => u.name}
              empty={<EmptyState title={t('tenants.users.empty')} />}
            />
            <Pagination
              page={page}
              pageSize={size}
              total={users.data?.total_count ?? rows.length}
              onPage={(p) => set({ page: String(p) }, true)}
              onPageSize={(s) => set({ size: String(s) })}
            />
          </>
        )}
      </section>
      {open?.kind === 'create' && (
        <CreateTenantDbUserDialog tenant={tenant} open onOpenChange={(o) => !o && setOpen(undefined)} />
      )}
      {open?.kind === 'reset' && (
        <ResetTenantDbUserPasswordDialog
          tenant={tenant}
          user={open.user}
          open
          onOpenChange={(o) => !o && setOpen(undefined)}
        />
      )}
      {open?.kind === 'grant' &&
        (names.users.isPending || names.schemas.isPending ? (
          <span className="sr-only" role="status">
            {t('common.loading')}
          </span>
        ) : (
          <GrantTenantPrivilegesDialog
            tenant={tenant}
            user={open.user}
            users={(names.users.data ?? []).map((u) => u.name)}
            schemas={(names.schemas.data ?? []).map((s) => s.schema_name)}
            open
            onOpenChange={(o) => !o && setOpen(undefined)}
          />
        ))}
    </div>
  );
}
