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
    key: 'tenants',
    label: 'tenants.tab.title',
    // Distributed instances never host tenants; the tab itself says when a centralized one does not either.
    shows: (instance, can) => can('listTenantFlavors') && !String(instance.type ?? '').toLowerCase().startsWith('enterprise'),
    Component: lazyTab(async () => (await import('../features/tenants/components/instance-tenants-tab')).InstanceTenantsTab),
  },
];
