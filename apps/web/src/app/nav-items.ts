import type { ConsoleRole } from '@gaussdb-console/api-client/browser';
import {
  Archive,
  LayoutDashboard,
  ListChecks,
  MonitorPlay,
  ScrollText,
  Server,
  SlidersHorizontal,
  Trash2,
  type LucideIcon,
} from 'lucide-react';

/** The console's areas, in the order of the left navigation. Each exists as a page. */
export interface NavItem {
  key: string;
  to: (project: string) => string;
  icon: LucideIcon;
  /** The operations the page reads: the item shows only to roles the policy allows every one of them. */
  operations?: readonly string[];
  /** Only these roles see the item (a console route the policy table does not list, e.g. the audit). */
  roles?: readonly ConsoleRole[];
}

export const navItems: NavItem[] = [
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
];

/** The items the signed-in role sees: allowed by the policy, and by role where the page says so. */
export const navItemsFor = (
  role: ConsoleRole | undefined,
  can: (operationId: string) => boolean,
): NavItem[] =>
  navItems.filter(
    (i) => (!i.roles || (role !== undefined && i.roles.includes(role))) && (i.operations ?? []).every(can),
  );
