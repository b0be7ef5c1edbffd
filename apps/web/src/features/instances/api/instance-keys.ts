/** Query keys of the instances area: invalidating `all(project)` refreshes every instance query. */
export const instanceKeys = {
  all: (project: string) => ['instances', project] as const,
  list: (project: string, params: object) => ['instances', project, 'list', params] as const,
  search: (project: string, text: string) => ['instances', project, 'search', text] as const,
  statistics: (project: string) => ['instances', project, 'statistics'] as const,
  unhealthy: (project: string) => ['instances', project, 'unhealthy'] as const,
  enterpriseProjects: (project: string) => ['instances', project, 'enterprise-projects'] as const,
  networkChoices: (project: string) => ['instances', project, 'network-choices'] as const,
  detail: (project: string, id: string) => ['instances', project, 'detail', id] as const,
  sub: (project: string, id: string, what: string) => ['instances', project, 'detail', id, what] as const,
};
