/** Query keys of log management (4.8). */
export const logKeys = {
  all: (project: string) => ['logs', project] as const,
  slowLogs: (project: string, instanceId: string) => ['logs', project, 'slow-logs', instanceId] as const,
};
