import type { Tenant } from '@gaussdb-console/api-client/browser';

/** Tenant statuses while a job changes the tenant (the reference shows only `normal`; see the emulator's model). */
const BUSY = new Set(['creating', 'modifying', 'deleting']);

export const isTenantBusy = (t: Pick<Tenant, 'status'>) => BUSY.has(String(t.status ?? '').toLowerCase());
export const isTenantReady = (t: Pick<Tenant, 'status'>) => String(t.status ?? '').toLowerCase() === 'normal';

/** While a tenant is being changed its list is read again this often (owners have no live job stream). */
export const BUSY_TENANT_REFRESH_MS = 3000;

/** `refetchInterval` for a query whose data holds tenants: poll while one of them is busy. */
export const refreshWhileBusy = (tenants: readonly Pick<Tenant, 'status'>[] | undefined) =>
  tenants?.some(isTenantBusy) ? BUSY_TENANT_REFRESH_MS : false;

/** The jobs that put a tenant in each busy status (4.10.1–4.10.4, 4.10.6). */
const JOBS_OF_STATUS: Readonly<Record<string, readonly string[]>> = {
  creating: ['CreateGaussDBV5Tenant'],
  deleting: ['DeleteGaussDBV5Tenant'],
  modifying: [
    'ResizeGaussDBV5TenantFlavor',
    'EnlargeGaussDBV5TenantVolume',
    'ModifyGaussDBV5TenantParameters',
  ],
};

/**
 * The running job that is changing this tenant, from the live task feed. A job names its instance, not its
 * tenant: it is this tenant's only when it is the one job of the tenant's kind of change running on the instance
 * (two tenants of an instance being deleted at once cannot be told apart, so neither gets a bar).
 */
export function runningTenantJob<J extends { name: string; status: string; instance?: { id?: string } }>(
  tenant: Pick<Tenant, 'status'>,
  instanceId: string,
  jobs: Readonly<Record<string, J>>,
): J | undefined {
  const names = JOBS_OF_STATUS[String(tenant.status ?? '').toLowerCase()];
  if (!names) return undefined;
  const matching = Object.values(jobs).filter(
    (j) => j.status === 'Running' && j.instance?.id === instanceId && names.includes(j.name),
  );
  return matching.length === 1 ? matching[0] : undefined;
}
