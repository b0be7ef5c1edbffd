import type { ConsoleSession } from '@gaussdb-console/api-client/browser';

/** Where a signed-in user starts: a tenant owner on their tenants, everyone else on the project's dashboard. */
export function homePath(session: Pick<ConsoleSession, 'role'> | null | undefined, project: string): string {
  const p = encodeURIComponent(project);
  return session?.role === 'tenant' ? `/p/${p}/my-tenants` : `/p/${p}/dashboard`;
}

/**
 * The only addresses a tenant owner may open: their tenants list and the page of a tenant they hold. Every
 * other page (instances, tasks, the wall, another tenant, admin pages, and whatever page is added later) is
 * "not yours", decided here before the page is loaded, so nothing of it is requested.
 */
export function tenantOwnerMayOpen(pathname: string, grants: ConsoleSession['tenants']): boolean {
  // The project's own address only sends them on to their home.
  if (/^\/p\/[^/]+\/?$/.test(pathname)) return true;
  const inProject = /^\/p\/[^/]+\/(.*?)\/?$/.exec(pathname);
  if (!inProject) return false;
  const rest = inProject[1] ?? '';
  if (rest === 'my-tenants') return true;
  const tenant = /^tenants\/([^/]+)\/([^/]+)$/.exec(rest);
  if (!tenant) return false;
  let instanceId: string, pdbId: string;
  try {
    [instanceId, pdbId] = [decodeURIComponent(tenant[1] ?? ''), decodeURIComponent(tenant[2] ?? '')];
  } catch {
    return false; // a malformed escape names nothing of theirs
  }
  return (grants ?? []).some((g) => g.instance_id === instanceId && g.pdb_id === pdbId);
}
