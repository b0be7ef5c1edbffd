/** Query keys of the audit trail (the console's own, not per project: `['audit', 'all', ...]`). */
export const auditKeys = {
  all: ['audit'] as const,
  page: (query: object) => ['audit', 'page', query] as const,
};
