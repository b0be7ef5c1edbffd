import { instanceKeys } from '../instance-keys';

/**
 * Query keys of the create wizard. They sit under the project's instance keys, so the invalidation that
 * follows a create (quota used, template list) is the area's usual single line.
 */
export const createKeys = {
  all: (project: string) => [...instanceKeys.all(project), 'create'] as const,
  versions: (project: string) => [...createKeys.all(project), 'versions'] as const,
  flavors: (project: string, query: object) => [...createKeys.all(project), 'flavors', query] as const,
  storageTypes: (project: string, query: object) => [...createKeys.all(project), 'storage-types', query] as const,
  quotas: (project: string) => [...createKeys.all(project), 'quotas'] as const,
  templates: (project: string) => [...createKeys.all(project), 'templates'] as const,
  predefinedTags: (project: string) => [...createKeys.all(project), 'predefined-tags'] as const,
};
