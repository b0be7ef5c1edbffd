/** Query keys of backups and restore (4.7): invalidating `all(project)` refreshes every backup query. */
export const backupKeys = {
  all: (project: string) => ['backups', project] as const,
  list: (project: string, query: object) => ['backups', project, 'list', query] as const,
  fulls: (project: string, instanceId: string) => ['backups', project, 'fulls', instanceId] as const,
  policy: (project: string, instanceId: string) => ['backups', project, 'policy', instanceId] as const,
  files: (project: string, backupId: string) => ['backups', project, 'files', backupId] as const,
  restoreTimes: (project: string, instanceId: string, date: string) =>
    ['backups', project, 'restore-times', instanceId, date] as const,
  restorable: (project: string, query: object) => ['backups', project, 'restorable', query] as const,
  snapshot: (project: string, query: object) => ['backups', project, 'snapshot', query] as const,
  restores: (project: string, instanceId: string) => ['backups', project, 'restores', instanceId] as const,
};
