import type { Tenant } from '@gaussdb-console/api-client/browser';
import type { TenantRef } from '../api/use-tenant-objects';

/** What each tab of the tenant page gets. */
export interface TenantTabProps {
  tenant: TenantRef & { name: string };
  /** The tenant as 4.10.5 lists it. */
  info: Tenant;
  /** The tenant is ready for changes (not being created, changed or deleted). */
  ready: boolean;
}
