/** Query keys of the parameters area (4.5): templates and instance parameters. */
export const parameterKeys = {
  all: (project: string) => ['parameters', project] as const,
  templates: (project: string, query: object) => ['parameters', project, 'templates', query] as const,
};
