/**
 * Query keys of the tenants area (4.10): invalidating `all(project)` refreshes every tenant query, and the
 * live stream refreshes them when a tenant job ends (every `[area, project]` query).
 */
export const tenantKeys = {
  all: (project: string) => ['tenants', project] as const,
  hosts: (project: string) => ['tenants', project, 'hosts'] as const,
  instance: (project: string, instanceId: string) => ['tenants', project, 'instance', instanceId] as const,
  list: (project: string, instanceId: string, query: object) =>
    ['tenants', project, 'instance', instanceId, 'list', query] as const,
  flavors: (project: string, instanceId: string) =>
    ['tenants', project, 'instance', instanceId, 'flavors'] as const,
  templates: (project: string, instanceId: string) =>
    ['tenants', project, 'instance', instanceId, 'templates'] as const,
  tenant: (project: string, instanceId: string, pdbId: string) =>
    ['tenants', project, 'instance', instanceId, 'tenant', pdbId] as const,
  dbUsers: (project: string, instanceId: string, pdbId: string, query: object) =>
    ['tenants', project, 'instance', instanceId, 'tenant', pdbId, 'db-users', query] as const,
  schemas: (project: string, instanceId: string, pdbId: string, query: object) =>
    ['tenants', project, 'instance', instanceId, 'tenant', pdbId, 'schemas', query] as const,
  parameters: (project: string, instanceId: string, pdbId: string) =>
    ['tenants', project, 'instance', instanceId, 'tenant', pdbId, 'parameters'] as const,
  mine: (project: string, grants: object) => ['tenants', project, 'mine', grants] as const,
};
