/** Query keys of the task center (4.12.1). A single job's key is shared/api/jobs.ts's `jobKeys`. */
export const taskKeys = {
  all: (project: string) => ['tasks', project] as const,
  list: (project: string, params: object) => ['tasks', project, 'list', params] as const,
  failedRecently: (project: string) => ['tasks', project, 'failed-recently'] as const,
};
