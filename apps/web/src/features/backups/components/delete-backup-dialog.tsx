import type { Backup } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { OperationDialog } from '../../../shared/forms/operation-dialog';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { formatTime } from '../../../shared/lib/format';
import { pushToast } from '../../../shared/lib/toasts';
import { backupKeys } from '../api/backup-keys';
import { formatMb } from '../lib/backup-format';

const noFields = z.object({});

/** Delete a manual backup (4.7.6): it cannot be undone, so its name is typed. */
export function DeleteBackupDialog(props: {
  project: string;
  backup: Backup;
  instanceName?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const { project, backup } = props;
  const name = backup.name ?? backup.id;
  const op = useOperationForm('deleteManualBackup', {
    project,
    schema: noFields,
    defaultValues: {},
    toInput: () => ({ path: { backup_id: backup.id } }),
    invalidates: [backupKeys.all(project)],
    onAccepted: () => pushToast({ tone: 'success', title: t('backups.delete.done', { name }) }),
  });
  return (
    <OperationDialog
      op={op}
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('backups.delete.title', { name })}
      submitLabel={t('backups.delete.submit')}
      danger={{
        confirmText: name,
        consequence: t('backups.delete.consequence', {
          name,
          instance: props.instanceName ?? backup.instance_id ?? '',
          size: formatMb(backup.size),
          time: formatTime(backup.end_time ?? backup.begin_time).text,
        }),
      }}
    />
  );
}
