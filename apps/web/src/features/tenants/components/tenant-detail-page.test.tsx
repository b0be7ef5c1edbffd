import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff, refusal } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { MyTenantsPage } from './my-tenants-page';
import { TenantDetailPage } from './tenant-detail-page';

const INSTANCE = '7b29d88663de556bc84a851462bfded0in14';
const MINE = 'b2c824bbe443d048f4d2bc220d3aa075po14';
const OTHER = 'c7f381a0ed0fb3ab3fcb13f16530cf9dpo14';
const tenant = {
  id: MINE,
  name: 'tenant_hr',
  status: 'normal',
  cpu: 1,
  mem: 4,
  disk: '20',
  created: '1715828072692',
  az_code: 'AZ1',
  config_id: '3d22a31bb510848e30f166eec9a0a8c2pr14',
};
const all = ['admin', 'operator', 'viewer', 'tenant'] as const;
const tenantOps = {
  listTenants: [...all],
  listInstances: [...all],
  listTenantDbUsers: [...all],
  createTenantDbUser: ['admin', 'operator', 'tenant'] as const,
  resetTenantDbUserPassword: ['admin', 'operator', 'tenant'] as const,
  grantTenantDbPrivilege: ['admin', 'operator', 'tenant'] as const,
  // A tenant owner's answer is cut by the BFF to the instance's free tenant disk (their gauge).
  listTenantFlavors: [...all],
  resizeTenant: ['admin', 'operator'] as const,
  enlargeTenantDisk: ['admin', 'operator'] as const,
  deleteTenant: ['admin'] as const,
};

afterEach(() => vi.unstubAllGlobals());

function bffFor(role: 'tenant' | 'admin') {
  return fakeBff({
    role,
    tenants: [{ instance_id: INSTANCE, pdb_id: MINE }],
    policy: tenantOps as never,
    answers: {
      listTenants: { pdb_infos: [tenant], total_count: 1 },
      listInstances: {
        instances: [{ id: INSTANCE, name: 'prod-core-02', status: 'ACTIVE' }],
        total_count: 1,
      },
      listTenantDbUsers: {
        users: [{ name: 'root', attributes: { rolcanlogin: true, rolcreaterole: true } }, { name: 'app_rw' }],
        total_count: 2,
      },
      listTenantFlavors:
        role === 'tenant'
          ? { pdb_flavors: [], remaining_disk: 96 }
          : { pdb_flavors: [{ cpu: 1, mem: 4 }], remaining_disk: 96 },
      listTenantParameterTemplates: {
        configurations: [
          { id: tenant.config_id, name: 'Default-Enterprise-Edition-GaussDB-8.201-CNTRL-PDB' },
        ],
        count: 1,
      },
    },
  });
}

const at = (pdb: string) => ({
  route: `/p/prod/tenants/${INSTANCE}/${pdb}`,
  path: '/p/:project/tenants/:instanceId/:pdbId',
});

describe('the tenant page', () => {
  it("answers a tenant owner at another tenant's address with not yours, asking the BFF nothing", async () => {
    const bff = bffFor('tenant');
    renderWithBff(<TenantDetailPage />, bff, at(OTHER));
    expect(await screen.findByRole('heading', { name: 'Not yours' })).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(bff.operationsCalled()).toEqual([]);
    expect(screen.queryByText(OTHER)).not.toBeInTheDocument();
  });

  it("answers an owner who opens their tenant under another project than its instance's with not yours, saying where to look", async () => {
    const bff = fakeBff({
      role: 'tenant',
      tenants: [{ instance_id: INSTANCE, pdb_id: MINE }],
      policy: tenantOps as never,
      answers: {
        // The grant's instance lives in project dr: prod does not know it.
        listTenants: refusal(404, 'DBS.200002', `The DB instance does not exist: ${INSTANCE}`),
        listTenantFlavors: refusal(404, 'DBS.200002', `The DB instance does not exist: ${INSTANCE}`),
      },
    });
    renderWithBff(<TenantDetailPage />, bff, at(MINE));
    expect(
      await screen.findByText(/the instance of this tenant belongs to another project/),
    ).toHaveTextContent('in project prod');
    expect(screen.getByRole('heading', { name: 'Not yours' })).toBeInTheDocument();
    expect(bff.callsTo('listTenants')).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Go to my tenants' })).toHaveAttribute(
      'href',
      '/p/prod/my-tenants',
    );
    expect(screen.queryByText(/DBS\.200002/)).not.toBeInTheDocument();
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
  });

  it("shows the owner their tenant's users with their actions, never the DBA's, and their disk gauge", async () => {
    const bff = bffFor('tenant');
    renderWithBff(<TenantDetailPage />, bff, at(MINE));
    expect(await screen.findByRole('heading', { level: 1, name: 'tenant_hr' })).toBeInTheDocument();
    expect(await screen.findByText('app_rw')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create user' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Grant privileges' })).toBeEnabled();
    for (const dba of ['Change flavor', 'Enlarge disk', 'Delete tenant']) {
      expect(screen.queryByRole('button', { name: dba })).not.toBeInTheDocument();
    }
    // root may have a new password; only other users can be granted privileges.
    expect(screen.getByRole('button', { name: 'New password for root' })).toBeInTheDocument();
    expect(
      await screen.findByRole('meter', { name: /Disk quota 20 GB of at most 116 GB/ }),
    ).toBeInTheDocument();
    expect(bff.callsTo('listTenantFlavors').map((c) => c.path)).toEqual([
      `/api/v1/projects/prod/instances/${INSTANCE}/pdb-flavors`,
    ]);
    expect(new Set(bff.operationsCalled())).toEqual(
      new Set(['listTenants', 'listInstances', 'listTenantDbUsers', 'listTenantFlavors']),
    );
  });

  it("gives a DBA the tenant's changes, its quota against what the instance has left, its zone and template by name", async () => {
    renderWithBff(<TenantDetailPage />, bffFor('admin'), at(MINE));
    expect(await screen.findByRole('button', { name: 'Delete tenant' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change flavor' })).toBeEnabled();
    expect(
      await screen.findByRole('meter', { name: /Disk quota 20 GB of at most 116 GB/ }),
    ).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('Availability zoneAZ1');
    expect(
      await within(header).findByText('Default-Enterprise-Edition-GaussDB-8.201-CNTRL-PDB'),
    ).toBeInTheDocument();
  });
});

describe('My tenants', () => {
  it('says which held tenant is in another project instead of failing the page', async () => {
    const ELSEWHERE = '1dd5cf4553be6983acdb3ba7d0e03cacin14';
    const bff = fakeBff({
      role: 'tenant',
      tenants: [
        { instance_id: INSTANCE, pdb_id: MINE },
        { instance_id: ELSEWHERE, pdb_id: OTHER },
      ],
      policy: tenantOps as never,
      answers: {
        listTenants: (c) =>
          c.path.includes(ELSEWHERE)
            ? refusal(404, 'DBS.200002', `The DB instance does not exist: ${ELSEWHERE}`)
            : { pdb_infos: [tenant], total_count: 1 },
        listInstances: {
          instances: [{ id: INSTANCE, name: 'prod-core-02', status: 'ACTIVE' }],
          total_count: 1,
        },
      },
    });
    renderWithBff(<MyTenantsPage />, bff, { route: '/p/prod/my-tenants', path: '/p/:project/my-tenants' });
    expect(await screen.findByRole('link', { name: 'tenant_hr' })).toBeInTheDocument();
    expect(screen.getByText('A tenant you hold is not in project prod')).toBeInTheDocument();
  });

  it('lists the tenants the owner holds, read where their grants point', async () => {
    const bff = bffFor('tenant');
    renderWithBff(<MyTenantsPage />, bff, { route: '/p/prod/my-tenants', path: '/p/:project/my-tenants' });
    expect(await screen.findByRole('link', { name: 'tenant_hr' })).toHaveAttribute(
      'href',
      `/p/prod/tenants/${INSTANCE}/${MINE}`,
    );
    expect(screen.getByText('On instance prod-core-02')).toBeInTheDocument();
    expect(screen.getByText('Normal')).toBeInTheDocument();
    // The disk gauge: its quota against its quota plus what its instance has left for tenants.
    const gauge = await screen.findByRole('meter', { name: /Disk quota 20 GB of at most 116 GB/ });
    expect(gauge).toHaveAttribute('aria-valuenow', '17');
    expect(screen.getByText('20 GB of up to 116 GB')).toBeInTheDocument();
    await waitFor(() =>
      expect(bff.callsTo('listTenants').map((c) => c.path)).toEqual([
        `/api/v1/projects/prod/instances/${INSTANCE}/pdb-info`,
      ]),
    );
    expect(bff.callsTo('listTenantFlavors').map((c) => c.path)).toEqual([
      `/api/v1/projects/prod/instances/${INSTANCE}/pdb-flavors`,
    ]);
  });
});
