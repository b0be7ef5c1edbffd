/** Query keys of what the project can create (4.2.x flavors, engines, deployment forms). */
export const flavorKeys = {
  all: (project: string) => ['flavors', project] as const,
  list: (project: string, query: object) => ['flavors', project, 'list', query] as const,
  available: (project: string, instanceId: string) => ['flavors', project, 'available', instanceId] as const,
  versions: (project: string) => ['flavors', project, 'versions'] as const,
  datastores: (project: string) => ['flavors', project, 'datastores'] as const,
  deploymentForm: (project: string, solution: string) =>
    ['flavors', project, 'deployment-form', solution] as const,
};
