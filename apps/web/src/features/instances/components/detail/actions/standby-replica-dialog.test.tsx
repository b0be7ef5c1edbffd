import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StandbyReplicaDialog } from './standby-replica-dialog';
import { distributed, fakeOps, renderDialog } from './action-dialogs.fixture';

function setup(chargeMode: 'postPaid' | 'prePaid') {
  const bff = fakeOps({ switchToStandbyReplica: { status: 202, body: { job_id: 'job-std-1' } } });
  return {
    bff,
    ...renderDialog(StandbyReplicaDialog, { ...distributed, charge_info: { charge_mode: chargeMode } }, bff),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('switch to two standbys dialog (4.4.25, distributed instances)', () => {
  it('says every shard gets its standby back and sends an empty body for a pay-per-use instance', async () => {
    const { bff, user, onJob } = setup('postPaid');
    const dialog = screen.getByRole('dialog', { name: 'Switch gauss-dist-01 to 1 primary + 2 standbys?' });
    expect(dialog).toHaveTextContent(
      'Rebuilds the logger replica of every shard of gauss-dist-01 as a full standby',
    );
    expect(dialog).toHaveTextContent('On a distributed instance the switch applies to every shard');
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    const submit = within(dialog).getByRole('button', { name: 'Switch to two standbys' });
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox'), 'gauss-dist-01');
    await user.click(submit);
    await waitFor(() => expect(onJob).toHaveBeenCalledWith('job-std-1'));
    expect(bff.sentTo('switchToStandbyReplica').map((s) => s.body)).toEqual([{}]);
  });

  it('asks a yearly/monthly instance whether to pay the order automatically', async () => {
    const { bff, user, onJob } = setup('prePaid');
    const dialog = screen.getByRole('dialog', { name: 'Switch gauss-dist-01 to 1 primary + 2 standbys?' });
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Pay the order automatically (yearly/monthly instance)' }),
    );
    await user.type(within(dialog).getByRole('textbox'), 'gauss-dist-01');
    await user.click(within(dialog).getByRole('button', { name: 'Switch to two standbys' }));
    await waitFor(() => expect(onJob).toHaveBeenCalledWith('job-std-1'));
    expect(bff.sentTo('switchToStandbyReplica').map((s) => s.body)).toEqual([{ is_auto_pay: true }]);
  });
});
