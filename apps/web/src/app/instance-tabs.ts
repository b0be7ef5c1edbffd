import { DatabasesTab } from '../features/databases/components/databases-tab';
import type { InstanceTab } from '../features/instances/components/instance-detail-page';
import { TagsTab } from '../features/tags/components/tags-tab';

/**
 * The tabs other areas add to the instance page, in order after Overview and Topology. Each area's tab
 * component is loaded with the page that shows it.
 */
export const instanceTabs: readonly InstanceTab[] = [
  {
    key: 'databases',
    label: 'detail.tab.databases',
    shows: (_i, can) => can('listDatabases'),
    Component: DatabasesTab,
  },
  { key: 'tags', label: 'detail.tab.tags', shows: (_i, can) => can('listInstanceTags'), Component: TagsTab },
];
