import { DeleteDialog } from './delete-dialog';
import { RenameDialog } from './rename-dialog';
import { RestartDialog } from './restart-dialog';
import { needsActive, type InstanceAction } from './action-types';

/**
 * Every instance action the detail page offers, in menu order. Each entry names its operation (the
 * role check), its state guard (the reason shown when disabled) and its dialog.
 */
export const instanceActions: InstanceAction[] = [
  { key: 'restart', operationId: 'restartInstance', primary: true, blockedBy: needsActive, Dialog: RestartDialog },
  { key: 'rename', operationId: 'renameInstance', blockedBy: needsActive, Dialog: RenameDialog },
  {
    key: 'delete',
    operationId: 'deleteInstance',
    danger: true,
    // Deleting a failed instance is how a DBA cleans up; only a running operation blocks it.
    blockedBy: (i, t) => (['BUILD', 'MODIFYING', 'EXPANDING', 'REBOOTING', 'UPGRADING', 'RESTORING', 'SWITCHOVER', 'BACKING UP'].includes(i.status) ? needsActive(i, t) : undefined),
    Dialog: DeleteDialog,
  },
];
