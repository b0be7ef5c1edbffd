import type { TenantGrantView } from '@gaussdb-console/api-client/browser';
import { useMemo } from 'react';
import { useTenantHosts } from '../../tenants/api/use-tenant-hosts';
import { grantKey } from './user-forms';

export interface TenantChoice {
  /** `INSTANCE_ID:PDB_ID` */
  key: string;
  tenant: string;
  instance: string;
}

/**
 * The tenants that exist in the project, by name (the tenants area's composite read): what the users page
 * offers to grant, and how it names the grants users hold.
 */
export function useTenantChoices(project: string, enabled = true) {
  const hosts = useTenantHosts(project, enabled);
  const choices = useMemo<TenantChoice[]>(
    () =>
      (hosts.data?.hosts ?? []).flatMap((h) =>
        h.tenants.map((t) => ({
          key: grantKey({ instance_id: h.instance.id, pdb_id: t.id }),
          tenant: t.name ?? t.id,
          instance: h.instance.name,
        })),
      ),
    [hosts.data],
  );
  const byKey = useMemo(() => new Map(choices.map((c) => [c.key, c])), [choices]);
  return { hosts, choices, name: (g: TenantGrantView) => byKey.get(grantKey(g)) };
}
