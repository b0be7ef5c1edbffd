import type { ConsoleRole } from '@gaussdb-console/api-client/browser';
import { LayoutDashboard, ListChecks, MonitorPlay, ScrollText, Server, type LucideIcon } from 'lucide-react';

/** The console's areas, in the order of the left navigation. Each exists as a page. */
export interface NavItem {
  key: string;
  to: (project: string) => string;
  icon: LucideIcon;
  /** Only these roles see the item (the page's data is theirs alone); every role when absent. */
  roles?: readonly ConsoleRole[];
}

export const navItems: NavItem[] = [
  {
    key: 'nav.dashboard',
    to: (p) => `/p/${encodeURIComponent(p)}/dashboard`,
    icon: LayoutDashboard,
    roles: ['admin', 'operator', 'viewer'],
  },
  { key: 'nav.instances', to: (p) => `/p/${encodeURIComponent(p)}/instances`, icon: Server },
  { key: 'nav.tasks', to: (p) => `/p/${encodeURIComponent(p)}/tasks`, icon: ListChecks },
  { key: 'nav.wall', to: (p) => `/wall/${encodeURIComponent(p)}`, icon: MonitorPlay },
  { key: 'nav.audit', to: (p) => `/p/${encodeURIComponent(p)}/audit`, icon: ScrollText, roles: ['admin'] },
];

/** The items the signed-in role sees. */
export const navItemsFor = (role: ConsoleRole | undefined): NavItem[] =>
  navItems.filter((i) => !i.roles || (role !== undefined && i.roles.includes(role)));
