import type { Backup } from '@gaussdb-console/api-client/browser';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { MoreHorizontal } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../../shared/api/policy';
import { Button } from '../../../shared/ui/button';
import { restoreToNewHref } from '../api/restore-point';
import { kindOf } from '../lib/backup-format';
import { DeleteBackupDialog } from './delete-backup-dialog';
import { DownloadDialog } from './download-dialog';
import { RestoreExistingDialog } from './restore-existing-dialog';

const itemClass =
  'flex cursor-default items-center rounded px-2 py-1.5 text-sm outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';

export type BackupAction = 'download' | 'existing' | 'delete';

/**
 * What a DBA does with one backup, in a menu: its download links, a restore to a new instance or over an
 * existing one, and (manual backups only) delete. Items the role may not run are not offered; items the
 * backup's state forbids are shown disabled with the reason. The dialogs live with the list (`onOpen`), not
 * in the table's cell, which the table may re-create at any render.
 */
export function BackupRowActions(props: {
  project: string;
  backup: Backup;
  onOpen: (action: BackupAction, backup: Backup) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { project, backup } = props;
  const completed = backup.status === 'COMPLETED';
  const full = kindOf(backup) !== 'incremental';
  const name = backup.name ?? backup.id;
  const point = { instanceId: backup.instance_id ?? '', type: 'backup' as const, backupId: backup.id };
  const notReady = !completed
    ? t('backups.actions.notCompleted')
    : !full
      ? t('backups.actions.incremental')
      : undefined;
  return (
    // Not modal: a modal menu locks the page scroll, which jumps a long page to the top.
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <Button size="sm" variant="ghost" aria-label={t('backups.actions.menu', { name })}>
          <MoreHorizontal className="size-4" aria-hidden />
        </Button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          // The tab's sections load one after another and move the row: follow it, not its first place.
          updatePositionStrategy="always"
          className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {can('getBackupDownloadLinks') && (
            <Menu.Item
              className={itemClass}
              disabled={!!notReady}
              onSelect={() => props.onOpen('download', backup)}
            >
              {t('backups.actions.download')}
            </Menu.Item>
          )}
          {can('restoreToNewInstance') && (
            <Menu.Item
              className={itemClass}
              disabled={!!notReady || !point.instanceId}
              onSelect={() => void navigate(restoreToNewHref(project, point))}
            >
              {t('backups.restore.toNew')}
            </Menu.Item>
          )}
          {can('restoreToExistingInstance') && (
            <Menu.Item
              className={itemClass}
              disabled={!!notReady}
              onSelect={() => props.onOpen('existing', backup)}
            >
              {t('backups.restore.toExisting')}
            </Menu.Item>
          )}
          {can('deleteManualBackup') && kindOf(backup) === 'manual' && (
            <Menu.Item
              className={`${itemClass} text-red-700 dark:text-red-400`}
              disabled={backup.status === 'BUILDING'}
              onSelect={() => props.onOpen('delete', backup)}
            >
              {t('backups.actions.delete')}
            </Menu.Item>
          )}
          {notReady && (
            <p className="max-w-64 px-2 py-1 text-xs text-slate-500 dark:text-slate-400">{notReady}</p>
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** The dialog of the action chosen in a backup's menu. */
export function BackupActionDialog(props: {
  project: string;
  action: BackupAction;
  backup: Backup;
  instanceName?: string;
  onClose: () => void;
}) {
  const { project, backup, action } = props;
  const close = (open: boolean) => !open && props.onClose();
  if (action === 'download')
    return <DownloadDialog project={project} backup={backup} open onOpenChange={close} />;
  if (action === 'delete')
    return (
      <DeleteBackupDialog
        project={project}
        backup={backup}
        instanceName={props.instanceName}
        open
        onOpenChange={close}
      />
    );
  const point = { instanceId: backup.instance_id ?? '', type: 'backup' as const, backupId: backup.id };
  return (
    <RestoreExistingDialog
      project={project}
      open
      onOpenChange={close}
      source={{
        point,
        instanceName: props.instanceName ?? point.instanceId,
        label: backup.name ?? backup.id,
      }}
    />
  );
}
