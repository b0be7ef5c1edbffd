/**
 * Query keys of the parameters area (4.5): templates and instance parameters. Reads whose answer carries
 * descriptions (4.5.1, 4.5.2, 4.5.6) are keyed by the language too, so a language switch reads them again.
 */
export const parameterKeys = {
  all: (project: string) => ['parameters', project] as const,
  templates: (project: string, query: object) => ['parameters', project, 'templates', query] as const,
  allTemplates: (project: string, lang: string) => ['parameters', project, 'templates', 'all', lang] as const,
  template: (project: string, id: string, lang: string) =>
    ['parameters', project, 'template', id, lang] as const,
  instance: (project: string, instanceId: string, lang: string) =>
    ['parameters', project, 'instance', instanceId, lang] as const,
  comparison: (project: string, source: string, target: string) =>
    ['parameters', project, 'comparison', source, target] as const,
  applicable: (project: string, id: string) => ['parameters', project, 'applicable', id] as const,
  nameCheck: (project: string, name: string) => ['parameters', project, 'name-check', name] as const,
  applyHistory: (project: string, id: string, query: object) =>
    ['parameters', project, 'apply-history', id, query] as const,
  modifyHistory: (project: string, id: string, query: object) =>
    ['parameters', project, 'modify-history', id, query] as const,
  audit: (project: string, query: object) => ['parameters', project, 'audit', query] as const,
  restarts: (project: string, instanceId: string) => ['parameters', project, 'restarts', instanceId] as const,
};
