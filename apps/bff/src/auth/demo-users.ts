import type { Role, TenantGrant } from './roles';

/**
 * The embedded demo's console users. Their passwords are public on purpose (the start banner and the
 * sign-in page show them); they exist only in embedded demo mode and are never written to the users file.
 */
export interface DemoUser {
  name: string;
  role: Role;
  password: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'admin', role: 'admin', password: 'admin-demo-pass' },
  { name: 'operator', role: 'operator', password: 'operator-demo-pass' },
  { name: 'viewer', role: 'viewer', password: 'viewer-demo-pass' },
  { name: 'tenant', role: 'tenant', password: 'tenant-demo-pass' },
];

/** Tenant grants of the demo `tenant` user; the emulator wiring passes the demo data's PDBs. */
export type DemoTenantGrants = readonly TenantGrant[];
