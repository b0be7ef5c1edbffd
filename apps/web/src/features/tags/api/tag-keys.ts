/** Query keys of the tags area (4.11). Instance tags travel with the instance (its `tags` field). */
export const tagKeys = {
  all: (project: string) => ['tags', project] as const,
  predefined: (project: string) => ['tags', project, 'predefined'] as const,
  project: (project: string) => ['tags', project, 'project'] as const,
};
