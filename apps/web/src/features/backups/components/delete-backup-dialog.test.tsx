import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithBff } from '../../../test/render';
import { backupsBff, FULLS } from '../api/backups.fixture';
import { DeleteBackupDialog } from './delete-backup-dialog';

afterEach(() => vi.unstubAllGlobals());

describe('delete a manual backup', () => {
  it('names what is lost and deletes only after the backup name is typed', async () => {
    const manual = FULLS[1]!;
    const bff = backupsBff({
      answers: { deleteManualBackup: { backup_id: manual.id, backup_name: manual.name } },
    });
    const onOpenChange = vi.fn();
    const { user } = renderWithBff(
      <DeleteBackupDialog
        project="demo"
        backup={manual}
        instanceName="gauss-ledger"
        open
        onOpenChange={onOpenChange}
      />,
      bff,
    );
    expect(screen.getByRole('dialog')).toHaveTextContent(
      /Deletes the manual backup before-release of gauss-ledger \(1\.2 GB, taken .*\)\. It can no longer be restored or downloaded; this cannot be undone\./,
    );
    const submit = screen.getByRole('button', { name: 'Delete backup' });
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Type before-release to confirm'), 'before-releas');
    expect(submit).toBeDisabled();
    await user.type(screen.getByLabelText('Type before-release to confirm'), 'e');
    await user.click(submit);
    await waitFor(() => expect(bff.callsTo('deleteManualBackup')).toHaveLength(1));
    expect(bff.callsTo('deleteManualBackup')[0]!.path).toBe(`/api/v1/projects/demo/backups/${manual.id}`);
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
  });
});
