import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../../shared/api/policy';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { ListHeader } from '../../../shared/ui/list-header';
import { PermissionNote } from '../../../shared/ui/permission-note';
import { BACKUP_FILTER_KEYS } from './backup-filters';
import { BackupList } from './backup-list';
import { CreateBackupDialog } from './create-backup-dialog';

/** `/p/:project/backups`: every full backup of the project, filterable, with each backup's actions. */
export function BackupsPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const can = useCan();
  const list = useListParams(BACKUP_FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = `${t('nav.backups')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="flex flex-col gap-3 p-4">
      <BackupList
        project={project}
        list={list}
        label={t('nav.backups')}
        header={(state) => (
          <>
            <ListHeader
              title={t('nav.backups')}
              updatedAt={state.updatedAt}
              fetching={state.fetching}
              onRefresh={state.refresh}
            >
              <PermissionNote operations={['createManualBackup']} message="backups.roles.create" />
              {can('createManualBackup') && (
                <Button variant="primary" onClick={() => setCreating(true)}>
                  {t('backups.create.open')}
                </Button>
              )}
            </ListHeader>
            <p className="text-sm text-slate-600 dark:text-slate-300">{t('backups.pageHint')}</p>
          </>
        )}
      />
      {creating && <CreateBackupDialog project={project} open onOpenChange={setCreating} />}
    </div>
  );
}
