import type { ConsoleUserView, TenantGrantView } from '@gaussdb-console/api-client/browser';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ColumnDef } from '@tanstack/react-table';
import { clsx } from 'clsx';
import { MoreHorizontal, UserPlus, X } from 'lucide-react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../../shared/api/session';
import { formatTime } from '../../../shared/lib/format';
import { pushToast } from '../../../shared/lib/toasts';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { DataTable } from '../../../shared/ui/data-table';
import { ErrorPanel } from '../../../shared/ui/error-panel';
import { filterInputClass, FilterInput } from '../../../shared/ui/filter-input';
import { ListHeader } from '../../../shared/ui/list-header';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useConsoleUsers, useUserActions } from '../api/use-console-users';
import { useTenantChoices } from './tenant-choices';
import {
  EndSessionsDialog,
  RemoveUserDialog,
  RevokeTenantDialog,
  type HeldGrant,
} from './user-confirmations';
import { AddUserDialog, ChangeRoleDialog, GrantTenantDialog, ResetUserPasswordDialog } from './user-dialogs';

type Open =
  | { kind: 'add' }
  | { kind: 'role' | 'grant' | 'password' | 'remove' | 'sessions'; user: ConsoleUserView }
  | { kind: 'revoke'; user: ConsoleUserView; held: HeldGrant[] };

/**
 * What the table's cells need that changes while the page lives (the tenants' names arrive later, the
 * signed-in user): read from context, so the columns, and with them the open row menus, stay the same.
 */
interface RowContext {
  me?: string;
  label: (g: TenantGrantView) => string;
  open: (o: Open) => void;
  unlock: (name: string) => void;
}
const Row = createContext<RowContext>({
  label: (g) => g.pdb_id,
  open: () => undefined,
  unlock: () => undefined,
});

const MENU_ITEM =
  'flex cursor-pointer flex-col rounded px-2 py-1.5 outline-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';

/**
 * The console's users, for admins: role and tenant grants of each (tenants named, from the project's
 * multi-tenant instances), add, remove, change role, grant or revoke a tenant, reset a password, end the user's
 * sessions, lift a sign-in lock. The same users file and rules as `npm run users`; every change is audited.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const me = useSession().data?.user;
  const users = useConsoleUsers();
  const names = useTenantChoices(project, users.permitted === true);
  const { unlock } = useUserActions();
  const { values, set } = useListParams(['q', 'role'] as const);
  const [open, setOpen] = useState<Open>();
  const close = useCallback(() => setOpen(undefined), []);
  useEffect(() => {
    document.title = `${t('nav.users')} · ${t('app.name')}`;
  }, [t]);

  const grantLabel = useCallback(
    (g: TenantGrantView) => {
      const c = names.name(g);
      return c
        ? t('users.tenants.option', { tenant: c.tenant, instance: c.instance })
        : `${g.pdb_id} (${g.instance_id})`;
    },
    [names, t],
  );

  const columns = useMemo<ColumnDef<ConsoleUserView, unknown>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (u) => u.name,
        header: t('users.col.name'),
        cell: ({ row }) => <NameCell user={row.original} />,
      },
      {
        id: 'role',
        accessorFn: (u) => u.role,
        header: t('users.col.role'),
        cell: ({ row }) => t(`roles.${row.original.role}`),
      },
      {
        id: 'tenants',
        header: t('users.col.tenants'),
        enableSorting: false,
        cell: ({ row }) => <TenantsCell user={row.original} />,
      },
      {
        id: 'updated',
        accessorFn: (u) => u.updated_at ?? '',
        header: t('users.col.updated'),
        cell: ({ row }) => {
          const f = formatTime(row.original.updated_at);
          return <span title={f.title}>{f.text}</span>;
        },
      },
      {
        id: 'actions',
        enableSorting: false,
        header: () => <span className="sr-only">{t('common.actions')}</span>,
        cell: ({ row }) => <ActionsCell user={row.original} />,
      },
    ],
    [t],
  );
  const rowContext = useMemo<RowContext>(
    () => ({
      me,
      label: grantLabel,
      open: setOpen,
      unlock: (name) =>
        unlock.mutate(name, {
          onSuccess: () => pushToast({ tone: 'success', title: t('users.unlocked', { name }) }),
        }),
    }),
    [me, grantLabel, unlock, t],
  );

  if (users.permitted === false) return <NotPermitted hint={t('users.adminsOnly')} />;
  const q = values.q.toLowerCase();
  const rows = (users.data?.users ?? []).filter(
    (u) =>
      (!values.role || u.role === values.role) &&
      (!q ||
        u.name.toLowerCase().includes(q) ||
        u.tenants.some((g) => grantLabel(g).toLowerCase().includes(q))),
  );
  const choices = { choices: names.choices, loading: names.hosts.isPending };
  return (
    <div className="flex flex-col gap-3 p-4">
      <ListHeader
        title={t('nav.users')}
        updatedAt={users.dataUpdatedAt}
        fetching={users.isFetching}
        onRefresh={() => void users.refetch()}
      >
        <Button variant="primary" onClick={() => setOpen({ kind: 'add' })}>
          <UserPlus className="size-4" aria-hidden />
          {t('users.add.open')}
        </Button>
      </ListHeader>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t('users.intro')}</p>
      <div className="flex flex-wrap items-center gap-2">
        <FilterInput
          value={values.q}
          onApply={(v) => set({ q: v })}
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
        />
        <label className="flex items-center gap-1.5 text-sm">
          <span className="text-slate-600 dark:text-slate-300">{t('users.col.role')}</span>
          <select
            className={filterInputClass}
            value={values.role}
            onChange={(e) => set({ role: e.target.value })}
          >
            <option value="">{t('users.allRoles')}</option>
            {(['admin', 'operator', 'viewer', 'tenant'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {unlock.error ? <ErrorPanel error={unlock.error} title={t('users.unlockFailed')} /> : null}
      {names.hosts.isError && <ErrorPanel error={names.hosts.error} title={t('users.tenantsFailed')} />}
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Row.Provider value={rowContext}>
            <DataTable
              label={t('nav.users')}
              data={rows}
              columns={columns}
              getRowId={(u) => u.name}
              empty={
                <EmptyState
                  title={t('users.noMatch')}
                  action={
                    <Button size="sm" onClick={() => set({ q: undefined, role: undefined })}>
                      {t('common.clearFilters')}
                    </Button>
                  }
                />
              }
            />
          </Row.Provider>
        )}
      </section>
      {open?.kind === 'add' && (
        <AddUserDialog
          open
          onOpenChange={(o) => !o && close()}
          taken={(users.data?.users ?? []).map((u) => u.name)}
          {...choices}
        />
      )}
      {open?.kind === 'role' && (
        <ChangeRoleDialog open onOpenChange={(o) => !o && close()} user={open.user} {...choices} />
      )}
      {open?.kind === 'grant' && (
        <GrantTenantDialog open onOpenChange={(o) => !o && close()} user={open.user} {...choices} />
      )}
      {open?.kind === 'password' && (
        <ResetUserPasswordDialog open onOpenChange={(o) => !o && close()} user={open.user} />
      )}
      {open?.kind === 'remove' && <RemoveUserDialog user={open.user} onClose={close} />}
      {open?.kind === 'sessions' && (
        <EndSessionsDialog user={open.user} self={open.user.name === me} onClose={close} />
      )}
      {open?.kind === 'revoke' && <RevokeTenantDialog user={open.user} held={open.held} onClose={close} />}
    </div>
  );
}

function NameCell({ user: u }: { user: ConsoleUserView }) {
  const { t } = useTranslation();
  const { me } = useContext(Row);
  return (
    <span className="font-medium">
      {u.name}
      {u.name === me && (
        <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">({t('users.you')})</span>
      )}
      {u.demo && (
        <span className="ml-1.5 rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          {t('users.demo')}
        </span>
      )}
    </span>
  );
}

function TenantsCell({ user: u }: { user: ConsoleUserView }) {
  const { t } = useTranslation();
  const { label: labelOf, open } = useContext(Row);
  if (u.role !== 'tenant') return <span className="text-slate-400">—</span>;
  if (u.tenants.length === 0)
    return <span className="text-amber-800 dark:text-amber-300">{t('users.noTenants')}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {u.tenants.map((g) => {
        const label = labelOf(g);
        return (
          <li
            key={`${g.instance_id}:${g.pdb_id}`}
            className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2 text-xs dark:bg-slate-800"
          >
            <span title={`${g.instance_id}:${g.pdb_id}`}>{label}</span>
            {!u.demo && (
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-slate-300 dark:hover:bg-slate-600"
                aria-label={t('users.revoke.button', { tenant: label, name: u.name })}
                title={t('users.revoke.button', { tenant: label, name: u.name })}
                onClick={() => open({ kind: 'revoke', user: u, held: [{ grant: g, label }] })}
              >
                <X className="size-3" aria-hidden />
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ActionsCell({ user: u }: { user: ConsoleUserView }) {
  const { t } = useTranslation();
  const { me, open, unlock, label } = useContext(Row);
  // A demo login's changes are all off for one reason, said once at the top; other reasons under their item
  // (a disabled item shows no tooltip).
  const fixed = u.demo;
  const item = (kind: 'role' | 'grant' | 'password' | 'remove', reason?: string, danger = false) => (
    <DropdownMenu.Item
      disabled={fixed || !!reason}
      onSelect={() => open({ kind, user: u })}
      className={clsx(MENU_ITEM, danger && 'text-red-700 dark:text-red-400')}
    >
      {t(`users.actions.${kind}`)}
      {!fixed && reason && <span className="text-xs text-slate-500 dark:text-slate-400">{reason}</span>}
    </DropdownMenu.Item>
  );
  return (
    <div className="flex justify-end">
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button size="sm" variant="ghost" aria-label={t('users.actions.menu', { name: u.name })}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            className="z-40 max-w-72 min-w-52 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            {fixed && (
              <DropdownMenu.Label className="px-2 py-1.5 text-xs text-amber-800 dark:text-amber-300">
                {t('users.demoFixed')}
              </DropdownMenu.Label>
            )}
            {item('role', u.name === me ? t('users.ownRole') : undefined)}
            {u.role === 'tenant' && item('grant')}
            {u.role === 'tenant' && u.tenants.length > 0 && (
              <DropdownMenu.Item
                disabled={fixed}
                onSelect={() =>
                  open({
                    kind: 'revoke',
                    user: u,
                    held: u.tenants.map((g) => ({ grant: g, label: label(g) })),
                  })
                }
                className={MENU_ITEM}
              >
                {t('users.actions.revoke')}
              </DropdownMenu.Item>
            )}
            {item('password')}
            <DropdownMenu.Item onSelect={() => open({ kind: 'sessions', user: u })} className={MENU_ITEM}>
              {t('users.actions.sessions')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className={MENU_ITEM} onSelect={() => unlock(u.name)}>
              {t('users.actions.unlock')}
            </DropdownMenu.Item>
            {item('remove', u.name === me ? t('users.ownAccount') : undefined, true)}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </div>
  );
}
