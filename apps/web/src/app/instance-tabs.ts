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

/**
 * The tabs other areas add to the instance page, in order after Overview and Topology. Each area's tab
 * component is loaded with the page that shows it.
 */
export const instanceTabs: readonly InstanceTab[] = [
  {
    key: 'parameters',
    label: 'parameters.tab',
    shows: (_instance, can) => can('getInstanceParameters'),
    Component: lazyTab(
      async () =>
        (await import('../features/parameters/components/instance-parameters-tab')).InstanceParametersTab,
    ),
  },
  {
    key: 'backups',
    label: 'backups.tab',
    shows: (_instance, can) => can('listBackups') || can('getBackupPolicy'),
    Component: lazyTab(
      async () => (await import('../features/backups/components/instance-backups-tab')).InstanceBackupsTab,
    ),
  },
  {
    key: 'logs',
    label: 'logs.tab',
    shows: (_instance, can) => can('listSlowLogDownloads'),
    Component: lazyTab(async () => (await import('../features/logs/components/slow-logs-tab')).SlowLogsTab),
  },
  {
    key: 'databases',
    label: 'detail.tab.databases',
    shows: (_instance, can) => can('listDatabases'),
    Component: lazyTab(
      async () => (await import('../features/databases/components/databases-tab')).DatabasesTab,
    ),
  },
  {
    key: 'tags',
    label: 'detail.tab.tags',
    shows: (_instance, can) => can('listInstanceTags'),
    Component: lazyTab(async () => (await import('../features/tags/components/tags-tab')).TagsTab),
  },
  {
    key: 'tenants',
    label: 'tenants.tab.title',
    // Distributed instances never host tenants; the tab itself says when a centralized one does not either.
    shows: (instance, can) =>
      can('listTenantFlavors') &&
      !String(instance.type ?? '')
        .toLowerCase()
        .startsWith('enterprise'),
    Component: lazyTab(
      async () => (await import('../features/tenants/components/instance-tenants-tab')).InstanceTenantsTab,
    ),
  },
];
