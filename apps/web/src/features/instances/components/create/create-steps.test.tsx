import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBff } from './wizard-bff.fixture';
import { currentStep, next, renderWizard } from './render-wizard.fixture';

let bff: ReturnType<typeof fakeBff>;
beforeEach(() => {
  bff = fakeBff({ weakPasswords: ['Password123!'] });
  vi.stubGlobal('fetch', bff.fetch);
});
afterEach(() => vi.unstubAllGlobals());

// Tests that walk several steps by keyboard and mouse need more than the default 5 s on a busy machine.
describe('create-instance wizard: steps and rules', { timeout: 15_000 }, () => {
  it('shows the project quota before anything is filled in', async () => {
    renderWizard();
    expect(await screen.findByText('Instance quota: 4 of 50 used, 46 left.')).toBeInTheDocument();
  });

  it('lists the steps with the current one marked and Back disabled on the first', async () => {
    renderWizard();
    const steps = within(screen.getByRole('navigation', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps).toHaveLength(6);
    expect(steps[0]).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
  });

  it('shows the name rule before typing and refuses a name that does not start with a letter', async () => {
    const { user } = renderWizard();
    const name = screen.getByLabelText('Instance name');
    expect(name).toHaveAccessibleDescription(/4–64 characters, starts with a letter/);
    await user.type(name, '1abc');
    expect(await screen.findByText(/Not a valid name\./)).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await next(user);
    expect(currentStep()).toContain('Engine and deployment');
  });

  it('does not move on or submit when Enter is pressed in a field', async () => {
    const { user } = renderWizard();
    await screen.findByRole('option', { name: 'GaussDB 8.201' });
    await user.type(screen.getByLabelText('Instance name'), 'gauss-prod-01{Enter}');
    expect(currentStep()).toContain('Engine and deployment');
    expect(bff.callsTo('createInstance')).toHaveLength(0);
  });

  it('offers the flavors of the chosen mode with vCPUs and memory, and disables one sold out in a chosen AZ', async () => {
    const { user } = renderWizard();
    await screen.findByRole('option', { name: 'GaussDB 8.201' });
    await user.type(screen.getByLabelText('Instance name'), 'gauss-prod-01');
    await next(user, 'Availability zones and flavor');
    expect(await screen.findByText('4 vCPUs')).toBeInTheDocument();
    expect(await screen.findByText('64 GB')).toBeInTheDocument();
    const query = bff.callsTo('listFlavors')[0]?.query;
    expect(query?.get('ha_mode')).toBe('centralization_standard');
    expect(query?.get('version')).toBe('8.201');

    await user.click(screen.getByLabelText('Three different AZs'));
    await user.selectOptions(screen.getByLabelText('Availability zone 1'), 'az1xahz');
    await user.selectOptions(screen.getByLabelText('Availability zone 2'), 'az2xahz');
    expect(screen.getByLabelText('gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha')).toBeDisabled();
    expect(await screen.findByText('Sold out in az2xahz')).toBeInTheDocument();
    expect(screen.getByLabelText('gaussdb.opengauss.ee.dn.m6.xlarge.8.ha')).toBeEnabled();
  });

  it('refuses two identical AZs out of three with the AZ rule', async () => {
    const { user } = renderWizard();
    await screen.findByRole('option', { name: 'GaussDB 8.201' });
    await user.type(screen.getByLabelText('Instance name'), 'gauss-prod-01');
    await next(user, 'Availability zones and flavor');
    await user.click(await screen.findByLabelText('Three different AZs'));
    await user.selectOptions(screen.getByLabelText('Availability zone 1'), 'az1xahz');
    await user.selectOptions(screen.getByLabelText('Availability zone 2'), 'az1xahz');
    await user.selectOptions(screen.getByLabelText('Availability zone 3'), 'az3xahz');
    expect(
      await screen.findByText(
        /Choose the availability zones\. One AZ for all three nodes, or three different AZs\./,
      ),
    ).toBeInTheDocument();
  });

  it('refuses a disk size that is not a multiple of shards × 4 GB (3 shards: 12 GB)', async () => {
    const { user } = renderWizard();
    await screen.findByRole('option', { name: 'GaussDB 8.201' });
    await user.type(screen.getByLabelText('Instance name'), 'gauss-dist-01');
    await user.click(screen.getByRole('radio', { name: /Distributed/ }));
    await next(user, 'Availability zones and flavor');
    await user.selectOptions(await screen.findByLabelText('Availability zone 1'), 'az1xahz');
    await user.click(await screen.findByLabelText('gaussdb.opengauss.ee.dn.m6.4xlarge.8.in'));
    await next(user, 'Storage');
    const size = screen.getByLabelText('Storage size');
    expect(size).toHaveAccessibleDescription(/A multiple of 12 GB, 120–49152 GB/);
    // The smallest size the rule allows is offered first.
    expect(size).toHaveValue(120);
    await user.clear(size);
    await user.type(size, '124');
    expect(await screen.findByText('Must be a multiple of 12 GB (3 shard(s) × 4 GB).')).toBeInTheDocument();
    await next(user);
    expect(currentStep()).toContain('Storage');
    await user.clear(size);
    await user.type(size, '120');
    await waitFor(() => expect(screen.queryByText(/Must be a multiple of/)).not.toBeInTheDocument());
  });

  it('refuses a restricted port, mismatched passwords and a weak password on the network step', async () => {
    const { user } = renderWizard();
    await screen.findByRole('option', { name: 'GaussDB 8.201' });
    await user.type(screen.getByLabelText('Instance name'), 'gauss-prod-01');
    await next(user, 'Availability zones and flavor');
    await user.selectOptions(await screen.findByLabelText('Availability zone 1'), 'az1xahz');
    await user.click(await screen.findByLabelText('gaussdb.opengauss.ee.dn.m6.xlarge.8.ha'));
    await next(user, 'Storage');
    await user.clear(screen.getByLabelText('Storage size'));
    await user.type(screen.getByLabelText('Storage size'), '40');
    await next(user, 'Network and password');

    const port = screen.getByLabelText(/Database port/);
    expect(port).toHaveAccessibleDescription(/1024–39998; these ports are reserved: 2378/);
    await user.clear(port);
    await user.type(port, '5000');
    expect(
      await screen.findByText('Port 5000 is reserved by the service. Choose another port.'),
    ).toBeInTheDocument();

    await user.type(screen.getByLabelText('Root password'), 'Password123!');
    await user.type(screen.getByLabelText('Confirm password'), 'Password123?');
    expect(await screen.findByText('The two passwords do not match.')).toBeInTheDocument();
    expect(await screen.findByText(/calls this a weak password/)).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Password strength' })).toHaveAttribute(
      'aria-valuetext',
      'Weak',
    );
    expect(bff.callsTo('checkWeakPassword').at(-1)?.body).toEqual({ password: 'Password123!' });

    await user.type(screen.getByLabelText('VPC ID'), 'vpc-1');
    await user.type(screen.getByLabelText('Subnet ID'), 'subnet-1');
    await user.clear(port);
    await user.type(port, '8000');
    fireEvent.change(screen.getByLabelText('Confirm password'), { target: { value: 'Password123!' } });
    await next(user);
    expect(await screen.findByText(/on the service's list of weak passwords/)).toBeInTheDocument();
    expect(currentStep()).toContain('Network and password');
  });
});

describe('create-instance wizard: 1 primary + 1 standby', { timeout: 15_000 }, () => {
  beforeEach(() => vi.stubGlobal('fetch', fakeBff().fetch));

  it('forces paxos, asks for two different AZs and requires the primary AZ', async () => {
    const { user } = renderWizard();
    await screen.findByRole('option', { name: 'GaussDB 8.201' });
    await user.type(screen.getByLabelText('Instance name'), 'gauss-ha-02');
    await user.click(screen.getByRole('radio', { name: /1 primary \+ 1 standby/ }));
    expect(screen.getByRole('radio', { name: 'Quorum' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Paxos (DCF)' })).toBeChecked();
    await next(user, 'Availability zones and flavor');
    expect(screen.queryByLabelText('Availability zone 3')).not.toBeInTheDocument();
    await user.selectOptions(await screen.findByLabelText('Availability zone 1'), 'az1xahz');
    await user.selectOptions(screen.getByLabelText('Availability zone 2'), 'az1xahz');
    expect(
      await screen.findByText(/Two different AZs: one for the primary, one for the standby\./, {
        selector: 'span',
      }),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Availability zone 2'), 'az2xahz');
    await user.click(await screen.findByLabelText('gaussdb.opengauss.ee.dn.m6.xlarge.8.ha'));
    await next(user);
    expect(await screen.findByText('Choose the primary AZ from the chosen AZs.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Primary AZ'), 'az2xahz');
    await next(user, 'Storage');
  });
});
