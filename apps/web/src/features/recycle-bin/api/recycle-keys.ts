/** Query keys of the recycle bin (4.13). */
export const recycleKeys = {
  all: (project: string) => ['recycle-bin', project] as const,
  policy: (project: string) => ['recycle-bin', project, 'policy'] as const,
  list: (project: string, query: object) => ['recycle-bin', project, 'list', query] as const,
};
