import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBff, refusal, type Answer } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { CreateTenantDialog } from './create-tenant-dialog';
import { DeleteTenantDialog, EnlargeTenantDiskDialog, ResizeTenantDialog } from './tenant-change-dialogs';
import { CreateTenantDbUserDialog, ResetTenantDbUserPasswordDialog } from './tenant-user-dialogs';

const INSTANCE = '7b29d88663de556bc84a851462bfded0in14';
const TEMPLATE = '3d22a31bb510848e30f166eec9a0a8c2pr14';
const offer = {
  pdb_flavors: [
    { cpu: 1, mem: 4 },
    { cpu: 2, mem: 8 },
    { cpu: 4, mem: 16 },
  ],
  remaining_disk: 96,
};
const templates = {
  configurations: [{ id: TEMPLATE, name: 'Default-Enterprise-Edition-GaussDB-8.201-CNTRL-PDB' }],
  count: 1,
};
const job = (name: string) => ({ job: { id: 'job-t-1', name, status: 'Running', progress: '30%' } });
const tenant = {
  id: 'b2c824bbe443d048f4d2bc220d3aa075po14',
  name: 'tenant_hr',
  status: 'normal',
  cpu: 1,
  mem: 4,
  disk: '20',
};
const noop = () => undefined;

afterEach(() => vi.unstubAllGlobals());

function create(answers: Record<string, Answer> = {}) {
  const bff = fakeBff({
    answers: {
      listTenantFlavors: offer,
      listTenantParameterTemplates: templates,
      checkWeakPassword: { is_weak_password: false },
      createTenant: { status: 202, body: { job_id: 'job-t-1' } },
      getJob: job('CreateGaussDBV5Tenant'),
      ...answers,
    },
  });
  return {
    bff,
    ...renderWithBff(
      <CreateTenantDialog project="demo" instanceId={INSTANCE} open onOpenChange={noop} />,
      bff,
    ),
  };
}

describe('create tenant dialog (4.10.1)', () => {
  it('shows each rule before anything is typed and offers only the instance tenant flavors', async () => {
    create();
    expect(screen.getByLabelText('Tenant name')).toHaveAccessibleDescription(
      /not postgres, template0, template1, templatea, templatem or template_pdb/,
    );
    expect(screen.getByLabelText('Tenant administrator (root) password')).toHaveAccessibleDescription(
      /not the name or the name backwards/,
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Disk quota')).toHaveAccessibleDescription(/at most 96 GB/),
    );
    const flavor = screen.getByLabelText('CPU and memory');
    await waitFor(() => expect(flavor).toHaveValue('1/4'));
    expect(
      within(flavor)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose CPU and memory…', '1 vCPU, 4 GB', '2 vCPU, 8 GB', '4 vCPU, 16 GB']);
    await waitFor(() => expect(screen.getByLabelText('Parameter template')).toHaveValue(TEMPLATE));
  });

  it('refuses reserved names, a password that is the name backwards and more disk than is left, sending nothing', async () => {
    const { user, bff } = create();
    await waitFor(() => expect(screen.getByLabelText('CPU and memory')).toHaveValue('1/4'));
    await user.type(screen.getByLabelText('Tenant name'), 'template_pdb');
    expect(
      await screen.findByText(
        'Reserved: postgres, template0, template1, templatea, templatem, template_pdb.',
      ),
    ).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Tenant name'));
    await user.type(screen.getByLabelText('Tenant name'), 'pg_sales');
    expect(await screen.findByText('Must not start with "pg".')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Tenant name'));
    await user.type(screen.getByLabelText('Tenant name'), 'Sales_01');
    await user.type(screen.getByLabelText('Tenant administrator (root) password'), '10_SELAS');
    expect(await screen.findByText('Must not be the name or the name backwards.')).toBeInTheDocument();
    const disk = screen.getByLabelText('Disk quota');
    await user.clear(disk);
    await user.type(disk, '97');
    expect(
      await screen.findByText('At most 96 GB: that is all the instance has for tenants.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create tenant' })).toBeDisabled();
    expect(bff.callsTo('createTenant')).toHaveLength(0);
  }, 15_000);

  it('sends the contract body (cpu/mem of the chosen pair, disk as the declared string, collation C) and follows the job', async () => {
    const { user, bff } = create();
    await waitFor(() => expect(screen.getByLabelText('CPU and memory')).toHaveValue('1/4'));
    await user.type(screen.getByLabelText('Tenant name'), 'sales_01');
    await user.type(screen.getByLabelText('Tenant administrator (root) password'), 'Sales_Root_1');
    await user.type(screen.getByLabelText('Confirm password'), 'Sales_Root_1');
    await user.selectOptions(screen.getByLabelText('CPU and memory'), '2/8');
    await user.clear(screen.getByLabelText('Disk quota'));
    await user.type(screen.getByLabelText('Disk quota'), '40');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create tenant' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Create tenant' }));
    expect(await screen.findByRole('progressbar', { name: 'Create tenant' })).toHaveAttribute(
      'aria-valuenow',
      '30',
    );
    expect(bff.callsTo('createTenant').map((c) => [c.path, c.body])).toEqual([
      [
        `/api/v1/projects/demo/instances/${INSTANCE}/pdb`,
        {
          pdb_name: 'sales_01',
          pdb_pd_in_db: 'Sales_Root_1',
          cpu: 2,
          mem: 8,
          disk: '40',
          encoding: 'UTF8',
          lc_collate: 'C',
          lc_ctype: 'C',
          configuration_id: TEMPLATE,
        },
      ],
    ]);
  }, 15_000);

  it('puts the server refusal with its DBS code under the field it names', async () => {
    const { user } = create({
      createTenant: refusal(409, 'DBS.200826', 'a tenant named "sales_01" already exists in this instance', [
        { path: 'body.pdb_name', message: 'already exists' },
      ]),
    });
    await waitFor(() => expect(screen.getByLabelText('CPU and memory')).toHaveValue('1/4'));
    await user.type(screen.getByLabelText('Tenant name'), 'sales_01');
    await user.type(screen.getByLabelText('Tenant administrator (root) password'), 'Sales_Root_1');
    await user.type(screen.getByLabelText('Confirm password'), 'Sales_Root_1');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create tenant' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Create tenant' }));
    expect(await screen.findByText('DBS.200826: already exists')).toBeInTheDocument();
    expect(screen.getByLabelText('Tenant name')).toHaveAttribute('aria-invalid', 'true');
  }, 15_000);
});

describe('resize and enlarge a tenant (4.10.3, 4.10.4)', () => {
  const props = { project: 'demo', instanceId: INSTANCE, tenant, open: true, onOpenChange: noop };

  it('resize refuses the current pair and sends another offered one', async () => {
    const bff = fakeBff({
      answers: {
        listTenantFlavors: offer,
        resizeTenant: { status: 202, body: { job_id: 'job-t-1' } },
        getJob: job('ResizeGaussDBV5TenantFlavor'),
      },
    });
    const { user } = renderWithBff(<ResizeTenantDialog {...props} />, bff);
    const flavor = await screen.findByRole('option', { name: '1 vCPU, 4 GB (current)' });
    await user.selectOptions(screen.getByLabelText('CPU and memory'), flavor);
    expect(
      await screen.findByText("This is the tenant's current flavor: choose another."),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('CPU and memory'), '4/16');
    await user.click(screen.getByRole('button', { name: 'Change flavor' }));
    await screen.findByRole('progressbar', { name: 'Change tenant flavor' });
    expect(bff.callsTo('resizeTenant').map((c) => c.body)).toEqual([{ pdb_id: tenant.id, cpu: 4, mem: 16 }]);
  });

  it('enlarge says the quota never shrinks before the click, refuses a total not larger or beyond what is left', async () => {
    const bff = fakeBff({
      answers: {
        listTenantFlavors: offer,
        enlargeTenantDisk: { status: 202, body: { job_id: 'job-t-1' } },
        getJob: job('EnlargeGaussDBV5TenantVolume'),
      },
    });
    const { user } = renderWithBff(<EnlargeTenantDiskDialog {...props} />, bff);
    expect(
      screen.getByText(/only grows: once 20 GB becomes more, it can never be made smaller again/),
    ).toBeInTheDocument();
    const disk = screen.getByLabelText('New disk quota');
    await waitFor(() => expect(disk).toHaveAccessibleDescription(/more than 20 GB and at most 116 GB/));
    await user.clear(disk);
    await user.type(disk, '20');
    expect(
      await screen.findByText("Must be more than the current 20 GB: a tenant's disk quota cannot shrink."),
    ).toBeInTheDocument();
    await user.clear(disk);
    await user.type(disk, '117');
    expect(
      await screen.findByText('At most 116 GB: that is all the instance has for tenants.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enlarge disk' })).toBeDisabled();
    await user.clear(disk);
    await user.type(disk, '116');
    await user.click(screen.getByRole('button', { name: 'Enlarge disk' }));
    await screen.findByRole('progressbar', { name: 'Enlarge tenant disk' });
    expect(bff.callsTo('enlargeTenantDisk').map((c) => c.body)).toEqual([{ pdb_id: tenant.id, disk: 116 }]);
  });
});

describe('delete a tenant (4.10.2)', () => {
  it("says what is lost and waits for the tenant's name before sending DELETE with the tenant in the body", async () => {
    const bff = fakeBff({ answers: { deleteTenant: { status: 202, body: { job_id: 'job-t-1' } } } });
    const onDeleted = vi.fn();
    const { user } = renderWithBff(
      <DeleteTenantDialog
        project="demo"
        instanceId={INSTANCE}
        instanceName="prod-core-02"
        tenant={tenant}
        open
        onOpenChange={noop}
        onDeleted={onDeleted}
      />,
      bff,
    );
    expect(
      screen.getByText(
        'Deletes tenant tenant_hr from prod-core-02 with its users, schemas and data. This cannot be undone.',
      ),
    ).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Delete tenant' });
    await user.type(screen.getByLabelText('Type tenant_hr to confirm'), 'tenant_h');
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Type tenant_hr to confirm'), 'r');
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(bff.callsTo('deleteTenant').map((c) => [c.method, c.body])).toEqual([
      ['DELETE', { pdb_id: tenant.id }],
    ]);
  });
});

describe('tenant users (4.10.10, 4.10.14)', () => {
  const ref = { project: 'demo', instanceId: INSTANCE, pdbId: tenant.id, name: 'tenant_hr' };

  it('refuses root and a password equal to the name backwards; a tenant owner never asks the weak-password check', async () => {
    const bff = fakeBff({
      role: 'tenant',
      tenants: [{ instance_id: INSTANCE, pdb_id: tenant.id }],
      policy: { createTenantDbUser: ['admin', 'tenant'], checkWeakPassword: ['admin'] },
      answers: { createTenantDbUser: { status: 200, body: {} } },
    });
    const { user } = renderWithBff(<CreateTenantDbUserDialog tenant={ref} open onOpenChange={noop} />, bff);
    await user.type(screen.getByLabelText('Database user'), 'root');
    expect(
      await screen.findByText(/^Reserved: rdsAdmin, rdsMetric, rdsBackup, rdsRepl, root\.$/),
    ).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Database user'));
    await user.type(screen.getByLabelText('Database user'), 'App_user1');
    await user.type(screen.getByLabelText('Password'), '10_ppA');
    expect(await screen.findByText('8–32 characters.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), '1RESU_ppa');
    expect(await screen.findByText('Must not be the name or the name backwards.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'App_Owner_1');
    await user.type(screen.getByLabelText('Confirm password'), 'App_Owner_1');
    await user.click(screen.getByLabelText(/Sign-in only/));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create user' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(bff.callsTo('createTenantDbUser')).toHaveLength(1));
    expect(bff.callsTo('createTenantDbUser')[0]?.body).toEqual({
      name: 'App_user1',
      password: 'App_Owner_1',
      is_login_only: true,
    });
    expect(bff.callsTo('checkWeakPassword')).toHaveLength(0);
  }, 15_000);

  it('refuses a new password that is the user name backwards', async () => {
    const bff = fakeBff({
      answers: {
        checkWeakPassword: { is_weak_password: false },
        resetTenantDbUserPassword: { status: 200, body: {} },
      },
    });
    const { user } = renderWithBff(
      <ResetTenantDbUserPasswordDialog tenant={ref} user="app_writer" open onOpenChange={noop} />,
      bff,
    );
    await user.type(screen.getByLabelText('New password'), 'RETIRW_ppa');
    expect(await screen.findByText('Must not be the name or the name backwards.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set password' })).toBeDisabled();
  });
});
