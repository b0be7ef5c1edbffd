import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusal } from '../../../test/fake-bff';
import { renderWithBff } from '../../../test/render';
import { backupsBff, instance } from '../api/backups.fixture';
import { BackupPolicyDialog } from './backup-policy-dialog';

const POLICY = {
  keep_days: 7,
  start_time: '18:00-19:00',
  period: '1,2,3,4,5',
  differential_period: '30',
  rate_limit: 0,
  prefetch_block: 64,
  file_split_size: 4,
  enable_standby_backup: false,
};

function setup(answer: Parameters<typeof backupsBff>[0] = {}) {
  const bff = backupsBff({ answers: { setBackupPolicy: {}, ...answer.answers } });
  const onOpenChange = vi.fn();
  const utils = renderWithBff(
    <BackupPolicyDialog
      project="demo"
      instance={instance}
      policy={POLICY}
      open
      onOpenChange={onOpenChange}
    />,
    bff,
  );
  return { bff, onOpenChange, ...utils };
}
afterEach(() => vi.unstubAllGlobals());

describe('backup policy form', () => {
  it("shows the reference's rule under every field before anything is typed, and the window in the instance's zone", () => {
    setup();
    expect(screen.getByLabelText('Retention')).toHaveAccessibleDescription(/1–732 days/);
    expect(screen.getByLabelText('Backup window')).toHaveAccessibleDescription(
      /one-hour window in UTC .*\(UTC\+08:00\)/,
    );
    expect(
      screen.getByRole('option', { name: '18:00–19:00 UTC (02:00–03:00 UTC+08:00)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Full backup days' })).toHaveAccessibleDescription(
      'At least one day of the week.',
    );
    expect(screen.getByLabelText('Differential backup interval')).toHaveAccessibleDescription(
      /15, 30, 60, 180, 360, 720 or 1440 minutes/,
    );
    expect(screen.getByLabelText('Upload rate limit')).toHaveAccessibleDescription(
      '0–1024 MB/s; 0 means no limit.',
    );
    expect(screen.getByLabelText('Prefetch pages')).toHaveAccessibleDescription(/1–8192 pages/);
    expect(screen.getByLabelText('Backup file split size')).toHaveAccessibleDescription(
      /0–1024 GB, a multiple of 4/,
    );
    expect(screen.getByLabelText('Back up from a standby')).toHaveAccessibleDescription(/standby node/);
  });

  it('refuses values that break the rules, as typed, and sends nothing', async () => {
    const { user, bff } = setup();
    const set = (label: string, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    set('Retention', '733');
    expect(await screen.findByText(/keep_days: must be 1–732/)).toBeInTheDocument();
    set('Retention', '14');
    set('Backup file split size', '6');
    expect(
      await screen.findByText(/file_split_size: must be an integer 0–1024, a multiple of 4/),
    ).toBeInTheDocument();
    set('Backup file split size', '8');
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await user.click(screen.getByLabelText(day));
    expect(await screen.findByText(/period: must be comma-separated weekdays/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save policy' })).toBeDisabled();
    expect(bff.callsTo('setBackupPolicy')).toHaveLength(0);
  });

  it('sends the whole policy in the contract shape', async () => {
    const { user, bff } = setup();
    fireEvent.change(screen.getByLabelText('Retention'), { target: { value: '30' } });
    await user.selectOptions(screen.getByLabelText('Backup window'), '02:00-03:00');
    await user.click(screen.getByLabelText('Sun'));
    await user.selectOptions(screen.getByLabelText('Differential backup interval'), '60');
    await user.click(screen.getByLabelText('Back up from a standby'));
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(bff.callsTo('setBackupPolicy')).toHaveLength(1));
    const call = bff.callsTo('setBackupPolicy')[0]!;
    expect(call.path).toBe(`/api/v1/projects/demo/instances/${instance.id}/backups/policy`);
    expect(call.body).toEqual({
      backup_policy: {
        keep_days: 30,
        start_time: '02:00-03:00',
        period: '1,2,3,4,5,7',
        differential_period: '60',
        rate_limit: 0,
        prefetch_block: 64,
        file_split_size: 4,
        enable_standby_backup: true,
      },
    });
  });

  it('puts the server refusal under the field it names, with its code', async () => {
    const { user } = setup({
      answers: {
        setBackupPolicy: refusal(400, 'DBS.280215', 'period: not a valid backup period', [
          { path: 'backup_policy.period', message: 'not a valid backup period' },
        ]),
      },
    });
    await user.click(screen.getByLabelText('Sat'));
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('DBS.280215: not a valid backup period')).toBeInTheDocument();
  });

  it('does not offer standby backup below engine 3.100, and says why', () => {
    const bff = backupsBff({ answers: { setBackupPolicy: {} } });
    renderWithBff(
      <BackupPolicyDialog
        project="demo"
        instance={{ ...instance, datastore: { type: 'GaussDB', version: '2.3' } }}
        policy={POLICY}
        open
        onOpenChange={vi.fn()}
      />,
      bff,
    );
    expect(screen.getByLabelText('Back up from a standby')).toBeDisabled();
    expect(screen.getByLabelText('Back up from a standby')).toHaveAccessibleDescription(/below 3.100/);
  });
});
