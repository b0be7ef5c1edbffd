import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResizeFlavorDialog } from './resize-flavor-dialog';
import { centralized, fakeOps, refusal, renderDialog, type Answer } from './action-dialogs.fixture';

const normal = { az1xahz: 'normal', az2xahz: 'normal', az3xahz: 'normal' };
const FLAVORS = [
  { vcpus: '2', ram: '16', spec_code: 'gaussdb.opengauss.ee.dn.m6.large.8.ha', az_status: normal },
  { vcpus: '4', ram: '32', spec_code: 'gaussdb.opengauss.ee.dn.m6.xlarge.8.ha', az_status: normal },
  { vcpus: '8', ram: '32', spec_code: 'gaussdb.opengauss.ee.dn.c6.2xlarge.4.ha', az_status: normal },
  { vcpus: '8', ram: '64', spec_code: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha', az_status: normal },
  // The reference's typo `spec_cpde` (L881) is read as the code.
  {
    vcpus: '16',
    ram: '128',
    spec_cpde: 'gaussdb.opengauss.ee.dn.m6.4xlarge.8.ha',
    az_status: { ...normal, az2xahz: 'sellout' },
  },
];

function setup(resize: Answer = { status: 202, body: { job_id: 'job-resize-1' } }) {
  const bff = fakeOps({
    listAvailableFlavors: { status: 200, body: { flavors: FLAVORS, total_count: FLAVORS.length } },
    resizeFlavor: resize,
  });
  return { bff, ...renderDialog(ResizeFlavorDialog, centralized, bff) };
}
afterEach(() => vi.unstubAllGlobals());

describe('resize flavor dialog', () => {
  it('offers only flavors with more vCPUs and more memory, with their vCPUs and RAM', async () => {
    setup();
    const group = await screen.findByRole('group', { name: 'New flavor' });
    const offered = within(group)
      .getAllByRole('radio')
      .map((r) => r.getAttribute('value'));
    expect(offered).toEqual([
      'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha',
      'gaussdb.opengauss.ee.dn.m6.4xlarge.8.ha',
    ]);
    expect(within(group).getByText('8 vCPUs')).toBeInTheDocument();
    expect(within(group).getByText('64 GB')).toBeInTheDocument();
    expect(await screen.findByText('3 flavors that are not larger are not offered.')).toBeInTheDocument();
    expect(await screen.findByText(/Scale-up only/)).toBeInTheDocument();
  });

  it('disables a flavor sold out in one of the instance AZs', async () => {
    setup();
    const sold = await screen.findByRole('radio', { name: 'gaussdb.opengauss.ee.dn.m6.4xlarge.8.ha' });
    expect(sold).toBeDisabled();
    expect(await screen.findByText('sold out in az2xahz')).toBeInTheDocument();
  });

  it('sends the chosen flavor and hands the job to the header', async () => {
    const { user, bff, onJob } = setup();
    expect(screen.getByRole('button', { name: 'Change flavor' })).toBeDisabled();
    await user.click(await screen.findByRole('radio', { name: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha' }));
    await user.click(screen.getByRole('button', { name: 'Change flavor' }));
    await waitFor(() => expect(onJob).toHaveBeenCalledWith('job-resize-1'));
    expect(bff.sentTo('resizeFlavor').map((s) => s.body)).toEqual([
      { flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha' },
    ]);
  });

  it('shows the DBS code and message when the service refuses', async () => {
    const { user, onJob } = setup(
      refusal(
        400,
        'DBS.280661',
        'flavor_ref: cannot resize to gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha: its CPU architecture differs.',
      ),
    );
    await user.click(await screen.findByRole('radio', { name: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.ha' }));
    await user.click(screen.getByRole('button', { name: 'Change flavor' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('DBS.280661');
    expect(alert).toHaveTextContent('its CPU architecture differs');
    expect(alert).toHaveTextContent('req-test-7');
    expect(onJob).not.toHaveBeenCalled();
  });
});
