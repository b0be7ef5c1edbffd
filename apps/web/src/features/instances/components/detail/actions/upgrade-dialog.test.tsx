import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpgradeDialog } from './upgrade-dialog';
import { centralized, fakeOps, renderDialog } from './action-dialogs.fixture';

const observed = {
  upgrade_type_list: [
    {
      upgrade_type: 'grey',
      enable: true,
      upgrade_action_list: [
        { upgrade_action: 'upgradeAutoCommit', enable: false },
        { upgrade_action: 'upgrade', enable: true },
        { upgrade_action: 'commit', enable: false },
        { upgrade_action: 'rollback', enable: true },
      ],
    },
    {
      upgrade_type: 'inplace',
      enable: false,
      upgrade_action_list: [{ upgrade_action: 'upgradeAutoCommit', enable: false }],
    },
    { upgrade_type: 'hotfix', enable: false, upgrade_action_list: null },
  ],
  rollback_enabled: true,
  source_version: 'V2.0-8.102.0',
  target_version: 'V2.0-8.201.0',
  roll_upgrade_progress: {
    not_fully_upgraded_az: 'az2xahz,az3xahz',
    already_upgraded_az: 'az1xahz',
    az_description_map: { az1xahz: 'az1', az2xahz: 'az2', az3xahz: 'az3' },
  },
  upgrade_candidate_versions: [],
  hotfix_upgrade_candidate_versions: [],
  hotfix_rollback_candidate_versions: [],
};

afterEach(() => vi.unstubAllGlobals());

describe('kernel upgrade dialog', () => {
  it('while UPGRADE TO BE OBSERVED offers the next step or rollback, needs an AZ for the step, and confirms with the name', async () => {
    const bff = fakeOps({
      listUpgradeCandidates: { status: 200, body: observed },
      upgradeInstance: { status: 202, body: { job_id: 'job-upg-1' } },
    });
    const { user, onJob } = renderDialog(
      UpgradeDialog,
      { ...centralized, status: 'UPGRADE TO BE OBSERVED' },
      bff,
    );
    expect(await screen.findByText('Upgraded AZs: az1xahz; not yet: az2xahz,az3xahz')).toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'Action' });
    expect(
      within(actions)
        .getAllByRole('radio')
        .map((r) => r.parentElement?.textContent),
    ).toEqual([expect.stringMatching(/^Upgrade and observe/), expect.stringMatching(/^Roll back/)]);
    await user.click(within(actions).getByRole('radio', { name: /Upgrade and observe/ }));
    await user.type(screen.getByLabelText('Type gauss-prod-01 to confirm'), 'gauss-prod-01');
    // The observed step needs at least one AZ (4.6.2 upgrade_az), even with the name typed.
    const submit = screen.getByRole('button', { name: 'Upgrade and observe' });
    expect(submit).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'az2xahz (az2)' }));
    expect(screen.getByRole('dialog')).toHaveTextContent(/then waits in UPGRADE TO BE OBSERVED/);
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);
    await waitFor(() => expect(onJob).toHaveBeenCalledWith('job-upg-1'));
    expect(bff.sentTo('upgradeInstance')[0]?.body).toEqual({
      upgrade_type: 'grey',
      upgrade_action: 'upgrade',
      upgrade_az: 'az2xahz',
    });
  });
});
