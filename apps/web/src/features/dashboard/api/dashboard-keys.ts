/**
 * Query keys of the dashboard (the BFF's composite route) and the storage forecast. Under `[area, project]`,
 * so the live stream refreshes them when a job ends (app/live-events.ts).
 */
export const dashboardKeys = {
  all: (project: string) => ['dashboard', project] as const,
  storageHistory: (project: string, instanceId: string) =>
    ['dashboard', project, 'storage', instanceId] as const,
};
