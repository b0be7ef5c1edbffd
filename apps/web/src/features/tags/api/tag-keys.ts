/** Query keys of the tags area (4.11). The instance list also carries each instance's tags (its `tags` field). */
export const tagKeys = {
  all: (project: string) => ['tags', project] as const,
  predefined: (project: string) => ['tags', project, 'predefined'] as const,
  project: (project: string) => ['tags', project, 'project'] as const,
  instance: (project: string, instanceId: string) => ['tags', project, 'instance', instanceId] as const,
};
