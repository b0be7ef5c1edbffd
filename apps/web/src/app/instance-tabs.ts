import { createElement, lazy, Suspense } from 'react';
import type { Instance } from '@gaussdb-console/api-client/browser';
import type { InstanceTab } from '../features/instances/components/instance-detail-page';
import { Loading } from '../shared/ui/states';

/** A tab's component, loaded with the first page that shows it. */
function lazyTab(load: () => Promise<InstanceTab['Component']>): InstanceTab['Component'] {
  const Lazy = lazy(async () => ({ default: await load() }));
  return (props: { project: string; instance: Instance }) =>
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
];
