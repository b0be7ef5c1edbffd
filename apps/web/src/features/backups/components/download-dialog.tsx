import type { Backup } from '@gaussdb-console/api-client/browser';
import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../../shared/forms/operation-dialog';
import { formatDuration, formatTime } from '../../../shared/lib/format';
import { useNow } from '../../../shared/lib/use-now';
import { Button } from '../../../shared/ui/button';
import { ErrorState, Loading } from '../../../shared/ui/states';
import { apiTimeMs } from '../api/use-backups';
import { useBackupFiles } from '../api/use-backup-files';
import { formatKb } from '../lib/backup-format';

/** A backup's files (4.7.5) with their links and how long each link still works. */
export function DownloadDialog(props: {
  project: string;
  backup: Backup;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const files = useBackupFiles(props.project, props.backup.id, props.open);
  const now = useNow(1000);
  const list = files.data?.files ?? [];
  return (
    <ActionDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      wide
      title={t('backups.download.title', { name: props.backup.name ?? props.backup.id })}
      description={t('backups.download.description')}
      actions={
        <Button onClick={() => void files.refetch()} disabled={files.isFetching}>
          {t('backups.download.refresh')}
        </Button>
      }
    >
      {files.isPending ? (
        <Loading />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => void files.refetch()} />
      ) : (
        <>
          {files.data?.bucket && (
            <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
              {t('backups.download.bucket', { bucket: files.data.bucket })}
            </p>
          )}
          <ul className="max-h-80 divide-y divide-slate-200 overflow-auto text-sm dark:divide-slate-700">
            {list.map((f) => {
              const expires = apiTimeMs(f.link_expired_time);
              const left = expires - now;
              const expired = Number.isFinite(expires) && left <= 0;
              return (
                <li key={f.name} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
                  <span className="min-w-0 flex-1 font-mono text-xs break-all">{f.name}</span>
                  <span className="tabular-nums">{formatKb(f.size)}</span>
                  <span
                    className={
                      expired ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-300'
                    }
                    title={formatTime(expires).title}
                  >
                    {!Number.isFinite(expires)
                      ? '—'
                      : expired
                        ? t('backups.download.expired')
                        : t('backups.download.expiresIn', { left: formatDuration(left) })}
                  </span>
                  {expired ? (
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      {t('backups.download.getNew')}
                    </span>
                  ) : (
                    <a
                      href={f.download_link}
                      rel="noopener noreferrer"
                      target="_blank"
                      className="inline-flex items-center gap-1 text-sky-700 hover:underline dark:text-sky-400"
                      aria-label={t('backups.download.link', { name: f.name })}
                    >
                      <Download className="size-3.5" aria-hidden />
                      {t('backups.download.download')}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </ActionDialog>
  );
}
