import { ListChecks, MonitorPlay, Server, SlidersHorizontal, type LucideIcon } from 'lucide-react';

/** The console's areas, in the order of the left navigation. Each exists as a page. */
export interface NavItem {
  key: string;
  to: (project: string) => string;
  icon: LucideIcon;
  /** The operation the page reads first: the item shows only to roles that may run it. */
  operation?: string;
}

export const navItems: NavItem[] = [
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
  { key: 'nav.wall', to: (p) => `/wall/${encodeURIComponent(p)}`, icon: MonitorPlay, operation: 'listTasks' },
];
