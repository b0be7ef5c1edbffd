import type { InstanceTab } from '../features/instances/components/instance-detail-page';

/**
 * The tabs other areas add to the instance page, in order after Overview and Topology. Each area's tab
 * component is loaded with the page that shows it.
 */
export const instanceTabs: readonly InstanceTab[] = [];
