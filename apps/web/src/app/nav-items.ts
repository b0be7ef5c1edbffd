import type { ConsoleRole } from '@gaussdb-console/api-client/browser';
import { Boxes, ListChecks, MonitorPlay, Server, SlidersHorizontal, UsersRound, type LucideIcon } from 'lucide-react';

/** The console's areas, in the order of the left navigation. Each exists as a page. */
export interface NavItem {
  key: string;
  to: (project: string) => string;
  icon: LucideIcon;
  /** The operation the page reads first: the item shows only to roles that may run it. */
  operation?: string;
  /**
   * The roles the item is for. Without it the item is for the DBA roles: a tenant owner sees only the items that
   * name their role (their pages are scoped to their tenants; app/tenant-scope.ts).
   */
  roles?: readonly ConsoleRole[];
}

export const navItems: NavItem[] = [
  {
    key: 'nav.myTenants',
    to: (p) => `/p/${encodeURIComponent(p)}/my-tenants`,
    icon: Boxes,
    operation: 'listTenants',
    roles: ['tenant'],
  },
  {
    key: 'nav.instances',
    to: (p) => `/p/${encodeURIComponent(p)}/instances`,
    icon: Server,
    operation: 'listInstances',
  },
  {
    key: 'nav.tasks',
    to: (p) => `/p/${encodeURIComponent(p)}/tasks`,
    icon: ListChecks,
    operation: 'listTasks',
  },
  {
    key: 'nav.parameters',
    to: (p) => `/p/${encodeURIComponent(p)}/parameters`,
    icon: SlidersHorizontal,
    operation: 'listParameterTemplates',
  },
  { key: 'nav.tenants', to: (p) => `/p/${encodeURIComponent(p)}/tenants`, icon: Boxes, operation: 'listTenants' },
  { key: 'nav.users', to: (p) => `/p/${encodeURIComponent(p)}/users`, icon: UsersRound, roles: ['admin'] },
  { key: 'nav.wall', to: (p) => `/wall/${encodeURIComponent(p)}`, icon: MonitorPlay, operation: 'listTasks' },
];

/**
 * The items one signed-in user is offered (the navigation and the palette's pages): those for their role
 * (`roles`, or the DBA roles when it is absent) whose operation they may run.
 */
export function visibleNavItems(role: ConsoleRole | undefined, can: (operationId: string) => boolean): NavItem[] {
  return navItems.filter(
    (i) => (i.roles ? !!role && i.roles.includes(role) : !!role && role !== 'tenant') && (!i.operation || can(i.operation)),
  );
}
