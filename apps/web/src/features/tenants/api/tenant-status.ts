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
