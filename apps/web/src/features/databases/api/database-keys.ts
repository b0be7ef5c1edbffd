/** Query keys of the databases area (4.9): databases, users and schemas inside one instance. */
export const databaseKeys = {
  all: (project: string) => ['databases', project] as const,
  instance: (project: string, instanceId: string) => ['databases', project, instanceId] as const,
  list: (project: string, instanceId: string) => ['databases', project, instanceId, 'list'] as const,
  users: (project: string, instanceId: string) => ['databases', project, instanceId, 'users'] as const,
  schemas: (project: string, instanceId: string, db: string) =>
    ['databases', project, instanceId, 'schemas', db] as const,
};
