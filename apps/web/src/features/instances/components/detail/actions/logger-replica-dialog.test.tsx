import type { Instance } from '@gaussdb-console/api-client/browser';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoggerReplicaDialog } from './logger-replica-dialog';
import { distributed, fakeOps, refusal, renderDialog, type Answer } from './action-dialogs.fixture';

/** One shard over three AZs, as 4.4.4 lists it: the CN and the shard's primary in az1, its standbys in az2 and az3. */
const oneShard: Instance = {
  ...distributed,
  nodes: [
    {
      id: 'c1no14',
      name: 'gauss-dist-01_gaussdbv5cn_0',
      role: 'master',
      status: 'ACTIVE',
      availability_zone: 'az1xahz',
      private_ip: '192.168.0.21',
    },
    {
      id: 'd1no14',
      name: 'gauss-dist-01_gaussdbv5dn1_0',
      role: 'master',
      status: 'ACTIVE',
      availability_zone: 'az1xahz',
    },
    {
      id: 'd2no14',
      name: 'gauss-dist-01_gaussdbv5dn1_1',
      role: 'slave',
      status: 'ACTIVE',
      availability_zone: 'az2xahz',
    },
    {
      id: 'd3no14',
      name: 'gauss-dist-01_gaussdbv5dn1_2',
      role: 'slave',
      status: 'ACTIVE',
      availability_zone: 'az3xahz',
    },
  ],
};

function setup(
  instance: Instance,
  answer: Answer = { status: 202, body: { job_id: 'job-log-1', order_id: '' } },
) {
  const bff = fakeOps({ switchToLoggerReplica: answer });
  return { bff, ...renderDialog(LoggerReplicaDialog, instance, bff) };
}

afterEach(() => vi.unstubAllGlobals());

describe('switch to logger replica dialog (4.4.24, distributed instances)', () => {
  it('says the switch applies to every shard and offers only the AZs that hold a standby', async () => {
    setup(oneShard);
    expect(await screen.findByText(/the switch applies to every shard/)).toBeInTheDocument();
    const az = screen.getByLabelText('AZ of the logger replica');
    expect(az).toHaveAccessibleDescription(/in each shard, the standby in that AZ becomes the logger/);
    const options = [...(az as HTMLSelectElement).options].filter((o) => o.value !== '');
    expect(options.map((o) => [o.value, o.textContent, o.disabled])).toEqual([
      ['az1xahz', 'az1xahz (no standby)', true],
      ['az2xahz', 'az2xahz', false],
      ['az3xahz', 'az3xahz', false],
    ]);
  });

  it('offers every AZ when each holds a standby of some shard', () => {
    const nodes = [
      ...(distributed.nodes ?? []),
      {
        id: 'n4no14',
        name: 'gauss-dist-01_gaussdbv5dn2_1',
        role: 'slave',
        status: 'ACTIVE',
        availability_zone: 'az1xahz',
      },
    ];
    setup({ ...distributed, nodes });
    const az = screen.getByLabelText('AZ of the logger replica') as HTMLSelectElement;
    expect([...az.options].filter((o) => o.value !== '' && !o.disabled).map((o) => o.value)).toEqual([
      'az1xahz',
      'az2xahz',
      'az3xahz',
    ]);
  });

  it('confirms with the instance name, names the per-shard consequence and sends the chosen AZ', async () => {
    const { bff, user, onJob } = setup(oneShard);
    const submit = screen.getByRole('button', { name: 'Switch to logger replica' });
    expect(submit).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('AZ of the logger replica'), 'az3xahz');
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Turns the standbys of gauss-dist-01 in az3xahz into log-only replicas, one per shard',
    );
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Type gauss-dist-01 to confirm'), 'gauss-dist-01');
    await user.click(submit);
    await waitFor(() => expect(onJob).toHaveBeenCalledWith('job-log-1'));
    expect(bff.sentTo('switchToLoggerReplica').map((s) => s.body)).toEqual([
      { availability_zone: 'az3xahz' },
    ]);
  });

  it('shows the server refusal with its DBS code', async () => {
    const { user, onJob } = setup(
      oneShard,
      refusal(
        409,
        'DBS.280406',
        'Replica-form switches are only for distributed (independent deployment) instances with 1 primary + 2 standbys per shard.',
      ),
    );
    await user.selectOptions(screen.getByLabelText('AZ of the logger replica'), 'az2xahz');
    await user.type(screen.getByLabelText('Type gauss-dist-01 to confirm'), 'gauss-dist-01');
    await user.click(screen.getByRole('button', { name: 'Switch to logger replica' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('DBS.280406');
    expect(onJob).not.toHaveBeenCalled();
  });
});
