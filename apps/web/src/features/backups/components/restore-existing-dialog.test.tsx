import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusal } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { at, backupsBff, FULLS, INSTANCE_ID } from '../api/backups.fixture';
import { RestoreExistingDialog } from './restore-existing-dialog';

const TARGETS = [
  {
    instance_id: INSTANCE_ID,
    instance_name: 'gauss-ledger',
    volume_type: 'ULTRAHIGH',
    data_volume_size: 120,
    version: '8.201',
    mode: 'Ha',
    instance_mode: 'enterprise',
  },
  {
    instance_id: '99999999999999999999999999999999in14',
    instance_name: 'gauss-staging',
    volume_type: 'ULTRAHIGH',
    data_volume_size: 160,
    version: '8.201',
    mode: 'Ha',
    instance_mode: 'enterprise',
  },
];

function setup(
  point: 'backup' | 'time' = 'backup',
  answers: NonNullable<Parameters<typeof backupsBff>[0]>['answers'] = {},
) {
  const bff = backupsBff({
    answers: {
      listRestorableInstances: { instances: TARGETS, total_count: TARGETS.length },
      restoreToExistingInstance: { job_id: 'f00dfeed-0000-4000-8000-000000000001' },
      getJob: {
        job: {
          id: 'f00dfeed-0000-4000-8000-000000000001',
          name: 'RestoreGaussDBV5InstanceToExistedInst',
          status: 'Running',
          progress: '10%',
        },
      },
      ...answers,
    },
  });
  const source =
    point === 'backup'
      ? {
          point: { instanceId: INSTANCE_ID, type: 'backup' as const, backupId: FULLS[1]!.id },
          instanceName: 'gauss-ledger',
          label: 'before-release',
        }
      : {
          point: { instanceId: INSTANCE_ID, type: 'timestamp' as const, restoreTime: at(15) },
          instanceName: 'gauss-ledger',
          label: 'Mar 10, 3:00 PM',
        };
  return {
    bff,
    ...renderWithBff(
      <RestoreExistingDialog project="demo" open onOpenChange={vi.fn()} source={source} />,
      bff,
    ),
  };
}
afterEach(() => vi.unstubAllGlobals());

describe('restore over an existing instance', () => {
  it('offers the instances 4.7.9 says can take the data, and names the source itself', async () => {
    const { bff } = setup('time');
    await screen.findByText('gauss-staging');
    expect(bff.callsTo('listRestorableInstances')[0]!.query.get('restore_time')).toBe(String(at(15)));
    expect(screen.getByText('(the source itself)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace the data' })).toBeDisabled();
  });

  it('names the instance whose data is replaced, makes the DBA type its name, then sends the recovery and follows its job', async () => {
    const { user, bff } = setup();
    await user.click(await screen.findByRole('radio', { name: /gauss-staging/ }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent(
      "Every piece of data in gauss-staging is replaced by gauss-ledger's data as of before-release.",
    );
    const submit = within(dialog).getByRole('button', { name: 'Replace the data' });
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type gauss-staging to confirm'), 'gauss-stagin');
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type gauss-staging to confirm'), 'g');
    await user.click(submit);
    await waitFor(() => expect(bff.callsTo('restoreToExistingInstance')).toHaveLength(1));
    expect(bff.callsTo('restoreToExistingInstance')[0]!.body).toEqual({
      source: { instance_id: INSTANCE_ID, type: 'backup', backup_id: FULLS[1]!.id },
      target: { instance_id: '99999999999999999999999999999999in14' },
    });
    expect(await screen.findByText(/^Running: Restore/)).toBeInTheDocument();
  }, 20_000);

  it('shows the refusal with its DBS code', async () => {
    const { user } = setup('backup', {
      restoreToExistingInstance: refusal(
        409,
        'DBS.201205',
        'A backup of instance gauss-staging is in progress; restore when it has finished.',
      ),
    });
    await user.click(await screen.findByRole('radio', { name: /gauss-staging/ }));
    await user.type(screen.getByLabelText('Type gauss-staging to confirm'), 'gauss-staging');
    await user.click(screen.getByRole('button', { name: 'Replace the data' }));
    expect(await screen.findByText(/DBS.201205/)).toBeInTheDocument();
  });
});
