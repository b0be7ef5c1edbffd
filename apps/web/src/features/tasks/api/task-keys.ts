export const taskKeys = {
  all: (project: string) => ['tasks', project] as const,
  list: (project: string, params: object) => ['tasks', project, 'list', params] as const,
  job: (project: string, id: string) => ['jobs', project, id] as const,
};
