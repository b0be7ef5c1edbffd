/** Query keys of the storage area (4.3). */
export const storageKeys = {
  all: (project: string) => ['storage', project] as const,
  types: (project: string, query: object) => ['storage', project, 'types', query] as const,
};
