import type { Backup } from '@gaussdb-console/api-client/browser';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { MoreHorizontal } from 'lucide-react';
import { useState } from 'react';
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

/**
 * What a DBA does with one backup, in a menu: its download links, a restore to a new instance or over an
 * existing one, and (manual backups only) delete. Items the role may not run are not offered; items the
 * backup's state forbids are shown disabled with the reason.
 */
export function BackupRowActions(props: { project: string; backup: Backup; instanceName?: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { project, backup } = props;
  const [open, setOpen] = useState<'download' | 'existing' | 'delete'>();
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
    <>
      <Menu.Root>
        <Menu.Trigger asChild>
          <Button size="sm" variant="ghost" aria-label={t('backups.actions.menu', { name })}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            align="end"
            className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            {can('getBackupDownloadLinks') && (
              <Menu.Item className={itemClass} disabled={!!notReady} onSelect={() => setOpen('download')}>
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
              <Menu.Item className={itemClass} disabled={!!notReady} onSelect={() => setOpen('existing')}>
                {t('backups.restore.toExisting')}
              </Menu.Item>
            )}
            {can('deleteManualBackup') && kindOf(backup) === 'manual' && (
              <Menu.Item
                className={`${itemClass} text-red-700 dark:text-red-400`}
                disabled={backup.status === 'BUILDING'}
                onSelect={() => setOpen('delete')}
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
      {open === 'download' && (
        <DownloadDialog
          project={project}
          backup={backup}
          open
          onOpenChange={(o) => !o && setOpen(undefined)}
        />
      )}
      {open === 'existing' && (
        <RestoreExistingDialog
          project={project}
          open
          onOpenChange={(o) => !o && setOpen(undefined)}
          source={{ point, instanceName: props.instanceName ?? point.instanceId, label: name }}
        />
      )}
      {open === 'delete' && (
        <DeleteBackupDialog
          project={project}
          backup={backup}
          instanceName={props.instanceName}
          open
          onOpenChange={(o) => !o && setOpen(undefined)}
        />
      )}
    </>
  );
}
