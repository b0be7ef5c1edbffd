import { Archive, ListChecks, MonitorPlay, Server, Trash2, type LucideIcon } from 'lucide-react';

/** The console's areas, in the order of the left navigation. Each exists as a page. */
export interface NavItem {
  key: string;
  to: (project: string) => string;
  icon: LucideIcon;
}

export const navItems: NavItem[] = [
  { key: 'nav.instances', to: (p) => `/p/${encodeURIComponent(p)}/instances`, icon: Server },
  { key: 'nav.tasks', to: (p) => `/p/${encodeURIComponent(p)}/tasks`, icon: ListChecks },
  { key: 'nav.backups', to: (p) => `/p/${encodeURIComponent(p)}/backups`, icon: Archive },
  { key: 'nav.recycleBin', to: (p) => `/p/${encodeURIComponent(p)}/recycle-bin`, icon: Trash2 },
  { key: 'nav.wall', to: (p) => `/wall/${encodeURIComponent(p)}`, icon: MonitorPlay },
];
