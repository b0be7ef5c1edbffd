import type { ConsoleRole } from '@gaussdb-console/api-client/browser';
import {
  Archive,
  Boxes,
  LayoutDashboard,
  ListChecks,
  MonitorPlay,
  ScrollText,
  Server,
  SlidersHorizontal,
  Trash2,
  UsersRound,
  type LucideIcon,
} from 'lucide-react';

/** The console's areas, in the order of the left navigation. Each exists as a page. */
export interface NavItem {
  key: string;
  to: (project: string) => string;
  icon: LucideIcon;
  /** The operations the page reads: the item shows only to roles the policy allows every one of them. */
  operations?: readonly string[];
  /**
   * Only these roles see the item (a console route the policy table does not list, e.g. the audit). Without it
   * the item is for the DBA roles: a tenant owner sees only the items that name their role (their pages are
   * scoped to their tenants, app/tenant-scope.ts), even where the policy lets them read a list (instances).
   */
  roles?: readonly ConsoleRole[];
}

export const navItems: NavItem[] = [
  {
    key: 'nav.myTenants',
    to: (p) => `/p/${encodeURIComponent(p)}/my-tenants`,
    icon: Boxes,
    operations: ['listTenants'],
    roles: ['tenant'],
  },
  {
    key: 'nav.dashboard',
    to: (p) => `/p/${encodeURIComponent(p)}/dashboard`,
    icon: LayoutDashboard,
    operations: ['listInstances', 'listTasks', 'getProjectQuotas'],
  },
  {
    key: 'nav.instances',
    to: (p) => `/p/${encodeURIComponent(p)}/instances`,
    icon: Server,
    operations: ['listInstances'],
  },
  {
    key: 'nav.tasks',
    to: (p) => `/p/${encodeURIComponent(p)}/tasks`,
    icon: ListChecks,
    operations: ['listTasks'],
  },
  {
    key: 'nav.parameters',
    to: (p) => `/p/${encodeURIComponent(p)}/parameters`,
    icon: SlidersHorizontal,
    operations: ['listParameterTemplates'],
  },
  {
    key: 'nav.backups',
    to: (p) => `/p/${encodeURIComponent(p)}/backups`,
    icon: Archive,
    operations: ['listBackups'],
  },
  {
    key: 'nav.tenants',
    to: (p) => `/p/${encodeURIComponent(p)}/tenants`,
    icon: Boxes,
    operations: ['listInstances', 'listTenants', 'listTenantFlavors'],
  },
  {
    key: 'nav.recycleBin',
    to: (p) => `/p/${encodeURIComponent(p)}/recycle-bin`,
    icon: Trash2,
    operations: ['listRecycleInstances'],
  },
  {
    key: 'nav.wall',
    to: (p) => `/wall/${encodeURIComponent(p)}`,
    icon: MonitorPlay,
    operations: ['listTasks'],
  },
  { key: 'nav.audit', to: (p) => `/p/${encodeURIComponent(p)}/audit`, icon: ScrollText, roles: ['admin'] },
  { key: 'nav.users', to: (p) => `/p/${encodeURIComponent(p)}/users`, icon: UsersRound, roles: ['admin'] },
];

/**
 * The items the signed-in role sees (the navigation and the palette's pages): allowed by the policy, and by
 * role where the item says so; items that name no role are not a tenant owner's.
 */
export const navItemsFor = (
  role: ConsoleRole | undefined,
  can: (operationId: string) => boolean,
): NavItem[] =>
  navItems.filter(
    (i) =>
      role !== undefined &&
      (i.roles ? i.roles.includes(role) : role !== 'tenant') &&
      (i.operations ?? []).every(can),
  );
