import type { Instance } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { Button } from '../../../shared/ui/button';
import { PermissionNote } from '../../../shared/ui/permission-note';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useBackupPolicy } from '../api/use-backup-policy';
import { periodDays, policyFormValues, WEEKDAYS, windowInZone } from '../lib/policy-format';
import { BackupPolicyDialog } from './backup-policy-dialog';

/** The instance's automatic backup policy (4.7.2) in words, and its editor for who may change it. */
export function BackupPolicyCard(props: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const can = useCan();
  const { project, instance } = props;
  const policy = useBackupPolicy(project, instance.id);
  const [editing, setEditing] = useState(false);
  if (policy.permitted === false) return <NotPermitted />;
  if (policy.isPending) return <Loading />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />;
  const p = policyFormValues(policy.data.backup_policy).backup_policy;
  const zone = instance.time_zone ?? 'UTC';
  const days = periodDays(p.period);
  const rows: [string, string][] = [
    [t('backups.policy.keepDays'), t('backups.policy.keepDaysValue', { count: p.keep_days })],
    [
      t('backups.policy.window'),
      t('backups.policy.windowValue', {
        utc: p.start_time.replace('-', '–'),
        local: windowInZone(p.start_time, zone),
        zone,
      }),
    ],
    [
      t('backups.policy.period'),
      days.length === 7
        ? t('backups.policy.everyDay')
        : WEEKDAYS.filter((d) => days.includes(d))
            .map((d) => t(`backups.weekday.${d}`))
            .join(', '),
    ],
    [
      t('backups.policy.differential'),
      t('backups.policy.everyMinutes', { count: Number(p.differential_period) }),
    ],
    [t('backups.policy.rateLimit'), p.rate_limit ? `${p.rate_limit} MB/s` : t('backups.policy.unlimited')],
    [t('backups.policy.prefetch'), t('backups.policy.prefetchValue', { count: p.prefetch_block })],
    [
      t('backups.policy.fileSplit'),
      p.file_split_size ? `${p.file_split_size} GB` : t('backups.policy.noSplit'),
    ],
    [t('backups.policy.standby'), p.enable_standby_backup ? t('common.yes') : t('common.no')],
  ];
  return (
    <div>
      <dl className="grid grid-cols-[minmax(10rem,max-content)_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {can('setBackupPolicy') && (
          <Button onClick={() => setEditing(true)}>{t('backups.policy.edit')}</Button>
        )}
        <PermissionNote operations={['setBackupPolicy']} message="backups.roles.policy" />
      </div>
      {editing && (
        <BackupPolicyDialog
          project={project}
          instance={instance}
          policy={policy.data.backup_policy}
          open
          onOpenChange={setEditing}
        />
      )}
    </div>
  );
}
