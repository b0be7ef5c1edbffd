import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobKeys } from '../../../shared/api/job-keys';
import { fakeBff } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { TenantsPage } from './tenants-page';

const CORE = '7b29d88663de556bc84a851462bfded0in14';
const DEV = '1dd5cf4553be6983acdb3ba7d0e03cacin14';
const node = { id: 'e7f956777ff841d48f35792f0d019118no14', name: 'pdb_root_0', role: 'master' };
const tenant = (id: string, name: string, status = 'normal', extra: object = {}) => ({
  id: `${id.padEnd(32, '0')}po14`,
  name,
  status,
  cpu: 1,
  mem: 4,
  disk: '20',
  nodes: [node],
  created: '1715828072692',
  ...extra,
});
const HR = tenant('b2c824bb', 'tenant_hr');
const RETAIL = tenant('8d23e64e', 'tenant_retail', 'deleting', { disk: '60' });
const DEV_A = tenant('7d17221b', 'dev_team_a');

function hosts(hr: object = HR) {
  return {
    project: 'demo',
    generated_at: '2026-12-07T02:00:00.000Z',
    hosts: [
      {
        instance: { id: DEV, name: 'dev-arm-01', status: 'BACKING UP' },
        tenants: [DEV_A],
        total_count: 1,
        remaining_disk: 40,
      },
      {
        instance: { id: CORE, name: 'prod-core-02', status: 'ACTIVE' },
        tenants: [hr, RETAIL],
        total_count: 2,
        remaining_disk: 96,
      },
    ],
    scanned: 3,
    unreadable: [],
    truncated: false,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the DBA tenants page', () => {
  it('lists every tenant with status, CPU, memory, its disk quota as a gauge and nodes; a running change shows its progress', async () => {
    const bff = fakeBff({ console: { '/tenants': hosts() } });
    const { client } = renderWithBff(<TenantsPage />, bff);
    client.setQueryData(jobKeys.live('demo'), {
      'job-del': {
        id: 'job-del',
        name: 'DeleteGaussDBV5Tenant',
        status: 'Running',
        progress: 40,
        instance: { id: CORE, name: 'prod-core-02' },
      },
    });
    const hr = (await screen.findByRole('link', { name: 'tenant_hr' })).closest('tr')!;
    expect(hr).toHaveTextContent(/prod-core-02\s*Normal\s*1\s*4 GB/);
    expect(within(hr).getByRole('meter')).toHaveAccessibleName(/20 GB of at most 116 GB/);
    expect(hr).toHaveTextContent('1 node');
    // The one tenant being deleted on prod-core-02 carries the one delete job running there.
    const retail = screen.getByRole('link', { name: 'tenant_retail' }).closest('tr')!;
    expect(within(retail).getByRole('progressbar', { name: 'Delete tenant' })).toHaveAttribute(
      'aria-valuenow',
      '40',
    );
    expect(within(hr).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(retail).getByRole('button', { name: 'Actions for tenant_retail' })).toBeInTheDocument();
  });

  it('offers the instances with what each has left for tenants, and says when one is not active', async () => {
    const bff = fakeBff({
      console: { '/tenants': hosts() },
      answers: {
        listTenantFlavors: { pdb_flavors: [{ cpu: 1, mem: 4 }], remaining_disk: 96 },
        listTenantParameterTemplates: { configurations: [{ id: 'tpl', name: 'Default PDB' }], count: 1 },
      },
    });
    const { user } = renderWithBff(<TenantsPage />, bff);
    await user.click(await screen.findByRole('button', { name: 'Create tenant' }));
    const instance = within(screen.getByRole('dialog')).getByLabelText('Multi-tenant instance');
    expect(
      within(instance)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose an instance…', 'dev-arm-01 · 40 GB free · Backing up', 'prod-core-02 · 96 GB free']);
  });

  it('exports every tenant the filters keep as CSV, with ids and plain numbers', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:tenants';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderWithBff(<TenantsPage />, fakeBff({ console: { '/tenants': hosts() } }), {
      route: `/p/demo?instance=${CORE}&size=1`,
    });
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const lines = (await blobs[0]!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toEqual([
      '"Tenant","pdb_id","Instance","instance_id","Status","vCPUs","Memory (GB)","Disk quota (GB)","Nodes","Created"',
      `"tenant_hr","${HR.id}","prod-core-02","${CORE}","normal","1","4","20","1","2024-05-16T02:54:32.692Z"`,
      `"tenant_retail","${RETAIL.id}","prod-core-02","${CORE}","deleting","1","4","60","1","2024-05-16T02:54:32.692Z"`,
    ]);
  });

  it("keeps a row's dialog following its job when the row leaves the list (filtered by status)", async () => {
    let resized = false;
    const bff = fakeBff({
      console: { '/tenants': () => hosts(resized ? { ...HR, status: 'modifying' } : HR) },
      answers: {
        listTenantFlavors: {
          pdb_flavors: [
            { cpu: 1, mem: 4 },
            { cpu: 2, mem: 8 },
          ],
          remaining_disk: 96,
        },
        resizeTenant: () => {
          resized = true;
          return { status: 202, body: { job_id: 'job-r-1' } };
        },
        getJob: {
          job: { id: 'job-r-1', name: 'ResizeGaussDBV5TenantFlavor', status: 'Running', progress: '30%' },
        },
      },
    });
    const { user } = renderWithBff(<TenantsPage />, bff, { route: '/p/demo?status=normal' });
    await user.click(await screen.findByRole('button', { name: 'Actions for tenant_hr' }));
    await user.click(screen.getByRole('menuitem', { name: 'Change flavor' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('option', { name: '2 vCPU, 8 GB' })).toBeEnabled());
    await user.selectOptions(within(dialog).getByLabelText('CPU and memory'), '2/8');
    await user.click(within(dialog).getByRole('button', { name: 'Change flavor' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'tenant_hr' })).not.toBeInTheDocument());
    expect(
      await within(screen.getByRole('dialog')).findByRole('progressbar', { name: 'Change tenant flavor' }),
    ).toHaveAttribute('aria-valuenow', '30');
    expect(bff.callsTo('resizeTenant').map((c) => c.body)).toEqual([{ pdb_id: HR.id, cpu: 2, mem: 8 }]);
  });
});
