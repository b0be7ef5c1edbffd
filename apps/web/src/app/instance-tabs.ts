import { createElement, lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import type { InstanceTab } from '../features/instances/components/instance-detail-page';
import { Loading } from '../shared/ui/states';

type TabProps = ComponentProps<InstanceTab['Component']>;

/** A tab whose code loads when it is first shown (with "Loading" meanwhile). */
function lazyTab(load: () => Promise<ComponentType<TabProps>>): ComponentType<TabProps> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return (props: TabProps) =>
    createElement(Suspense, { fallback: createElement(Loading) }, createElement(Lazy, props));
}

const BackupsTab = lazyTab(
  async () => (await import('../features/backups/components/instance-backups-tab')).InstanceBackupsTab,
);
const LogsTab = lazyTab(async () => (await import('../features/logs/components/slow-logs-tab')).SlowLogsTab);

/**
 * The tabs other areas add to the instance page, in order after Overview and Topology. Each area's tab
 * component is loaded with the page that shows it.
 */
export const instanceTabs: readonly InstanceTab[] = [
  {
    key: 'backups',
    label: 'backups.tab',
    shows: (_i, can) => can('listBackups') || can('getBackupPolicy'),
    Component: BackupsTab,
  },
  { key: 'logs', label: 'logs.tab', shows: (_i, can) => can('listSlowLogDownloads'), Component: LogsTab },
];
