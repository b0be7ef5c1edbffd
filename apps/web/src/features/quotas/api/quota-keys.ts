/** Query keys of the project's quotas (4.4.17). */
export const quotaKeys = {
  all: (project: string) => ['quotas', project] as const,
  byType: (project: string, type: string) => ['quotas', project, type] as const,
};
