import type { Instance } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { useListParams } from '../../../shared/lib/use-list-params';
import { Button } from '../../../shared/ui/button';
import { PermissionNote } from '../../../shared/ui/permission-note';
import { ErrorState, Loading } from '../../../shared/ui/states';
import { useFullBackups } from '../api/use-backups';
import { BackupList } from './backup-list';
import { BACKUP_FILTER_KEYS } from './backup-filters';
import { BackupPolicyCard } from './backup-policy-card';
import { CreateBackupDialog } from './create-backup-dialog';
import { PointInTimePanel } from './point-in-time-panel';
import { RestoresSection } from './restores-section';
import { Section } from './section';

/**
 * The instance's "Backups" tab: its automatic policy, point-in-time restore on the timeline, its backups
 * (manual ones taken here), and the restores that produced or replaced it.
 */
export function InstanceBackupsTab({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams(BACKUP_FILTER_KEYS, 10);
  const fulls = useFullBackups(project, instance.id);
  const [creating, setCreating] = useState(false);
  return (
    <div className="grid gap-4">
      <Section id="backup-policy" title={t('backups.policy.title')}>
        <BackupPolicyCard project={project} instance={instance} />
      </Section>
      <Section id="pitr" title={t('backups.pitr.title')}>
        {fulls.isPending && fulls.permitted !== false ? (
          <Loading />
        ) : fulls.isError ? (
          <ErrorState error={fulls.error} onRetry={() => void fulls.refetch()} />
        ) : (
          <PointInTimePanel project={project} instance={instance} fulls={fulls.data ?? []} />
        )}
      </Section>
      <Section
        id="backup-list"
        title={t('backups.listTitle')}
        actions={
          <>
            <PermissionNote operations={['createManualBackup']} message="backups.roles.create" />
            {can('createManualBackup') && (
              <Button variant="primary" onClick={() => setCreating(true)}>
                {t('backups.create.open')}
              </Button>
            )}
          </>
        }
      >
        <BackupList
          project={project}
          list={list}
          instance={{ id: instance.id, name: instance.name }}
          label={t('backups.listOf', { name: instance.name })}
        />
      </Section>
      <Section id="restores" title={t('backups.restores.title')}>
        <RestoresSection project={project} instanceId={instance.id} />
      </Section>
      {creating && (
        <CreateBackupDialog
          project={project}
          instance={{ id: instance.id, name: instance.name }}
          open
          onOpenChange={setCreating}
        />
      )}
    </div>
  );
}
