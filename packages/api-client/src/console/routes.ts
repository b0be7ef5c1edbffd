/** Where the console's own routes live (the operations' routes are in bff-routes.ts). */
export const CONSOLE_API = '/api/v1';

const project = (p: string) => `${CONSOLE_API}/projects/${encodeURIComponent(p)}`;

export const consoleRoutes = {
  session: `${CONSOLE_API}/session`,
  info: `${CONSOLE_API}/info`,
  policy: `${CONSOLE_API}/policy`,
  audit: `${CONSOLE_API}/audit`,
  events: (p: string) => `${project(p)}/events`,
  dashboard: (p: string) => `${project(p)}/dashboard`,
  storageForecast: (p: string) => `${project(p)}/storage-forecast`,
  storageHistory: (p: string, instanceId: string) =>
    `${project(p)}/instances/${encodeURIComponent(instanceId)}/storage-history`,
  /** Every multi-tenant instance of the project with its tenants (composite). */
  tenantHosts: (p: string) => `${project(p)}/tenants`,
  users: `${CONSOLE_API}/users`,
  user: (name: string) => `${CONSOLE_API}/users/${encodeURIComponent(name)}`,
  userRole: (name: string) => `${CONSOLE_API}/users/${encodeURIComponent(name)}/role`,
  userPassword: (name: string) => `${CONSOLE_API}/users/${encodeURIComponent(name)}/password`,
  userSessions: (name: string) => `${CONSOLE_API}/users/${encodeURIComponent(name)}/sessions`,
  userUnlock: (name: string) => `${CONSOLE_API}/users/${encodeURIComponent(name)}/unlock`,
  userTenants: (name: string) => `${CONSOLE_API}/users/${encodeURIComponent(name)}/tenants`,
  userTenant: (name: string, instanceId: string, pdbId: string) =>
    `${CONSOLE_API}/users/${encodeURIComponent(name)}/tenants/${encodeURIComponent(instanceId)}/${encodeURIComponent(pdbId)}`,
  tagInstances: (p: string, key: string, value: string) =>
    `${project(p)}/tags/${encodeURIComponent(key)}/${encodeURIComponent(value)}/instances`,
} as const;
