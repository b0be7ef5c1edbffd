import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithBff } from '../../../test/render';
import { backupsBff, INSTANCE_ID } from '../api/backups.fixture';
import { CreateBackupDialog, suggestBackupName } from './create-backup-dialog';

const JOB = 'b1b2b3b4-0000-4000-8000-000000000001';
afterEach(() => vi.unstubAllGlobals());

describe('create manual backup', () => {
  it('suggests a name that keeps the rule, refuses one that breaks it, and follows the backup job to the end', async () => {
    let reads = 0;
    const bff = backupsBff({
      answers: {
        createManualBackup: {
          status: 202,
          body: {
            backup: {
              id: 'e76112bfb2074871bf54cb8df5af7f64br14',
              name: 'x',
              status: 'BUILDING',
              type: 'manual',
            },
            job_id: JOB,
          },
        },
        getJob: () => {
          reads += 1;
          return {
            job: {
              id: JOB,
              name: 'BackupSnapshotGaussDBV5Instance',
              status: reads > 1 ? 'Completed' : 'Running',
              progress: reads > 1 ? '' : '40%',
            },
          };
        },
      },
    });
    const { user } = renderWithBff(
      <CreateBackupDialog
        project="demo"
        instance={{ id: INSTANCE_ID, name: 'gauss-ledger' }}
        open
        onOpenChange={vi.fn()}
      />,
      bff,
    );
    const name = screen.getByLabelText('Backup name');
    expect(name).toHaveValue(suggestBackupName('gauss-ledger'));
    expect(name).toHaveAccessibleDescription(/4–64 characters: starts with a letter/);
    fireEvent.change(name, { target: { value: '1-bad' } });
    expect(await screen.findByText(/name: 4–64 characters/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create backup' })).toBeDisabled();
    fireEvent.change(name, { target: { value: 'before-upgrade' } });
    fireEvent.change(screen.getByLabelText(/^Description/), { target: { value: 'a<b' } });
    expect(await screen.findByText(/description: must not contain "<"/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Description/), {
      target: { value: 'Before the kernel upgrade' },
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create backup' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Create backup' }));
    await waitFor(() => expect(bff.callsTo('createManualBackup')).toHaveLength(1));
    expect(bff.callsTo('createManualBackup')[0]!.body).toEqual({
      instance_id: INSTANCE_ID,
      name: 'before-upgrade',
      description: 'Before the kernel upgrade',
    });
    expect(await screen.findByText('Running: Manual backup')).toBeInTheDocument();
    expect(
      await screen.findByText('Completed: Manual backup', undefined, { timeout: 8000 }),
    ).toBeInTheDocument();
  }, 20_000);

  it('keeps names within the rule for any instance name (unit)', () => {
    const now = new Date(2026, 2, 10, 9, 5);
    expect(suggestBackupName('gauss-ledger', now)).toBe('gauss-ledger-manual-202603100905');
    expect(suggestBackupName('9db', now)).toMatch(/^backup-9db-manual-/);
    expect(suggestBackupName('x'.repeat(70), now).length).toBeLessThanOrEqual(64);
  });
});
