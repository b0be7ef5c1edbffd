import { progressOf } from '@gaussdb-console/api-client/browser';
import { Trash2, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BffError } from '../../../shared/lib/bff';
import { formatDuration, formatTime, parseProgress } from '../../../shared/lib/format';
import { useCan } from '../../../shared/api/policy';
import { Button } from '../../../shared/ui/button';
import { CopyId } from '../../../shared/ui/copy-id';
import { Dialog } from '../../../shared/ui/dialog';
import { JobProgress } from '../../../shared/ui/job-progress';
import { ErrorState, Loading } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useJob } from '../../../shared/api/jobs';
import { useDeleteJob } from '../api/use-tasks';

/** One job: progress, instance, times, failure reason; its record can be deleted once it has ended. */
export function JobDetail({
  project,
  jobId,
  onClose,
}: {
  project: string;
  jobId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const job = useJob(project, jobId);
  const del = useDeleteJob(project);
  const can = useCan();
  const [confirm, setConfirm] = useState(false);
  const j = job.data?.job;
  const created = j?.created ? Date.parse(j.created) : NaN;
  const ended = j?.ended ? Date.parse(j.ended) : NaN;
  return (
    <aside
      aria-label={t('tasks.detail.title')}
      className="w-96 shrink-0 self-start rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex items-center justify-between">
        <h2 className="font-semibold">{t('tasks.detail.title')}</h2>
        <button
          type="button"
          className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
          aria-label={t('common.close')}
          onClick={onClose}
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
      {job.isPending ? (
        <Loading />
      ) : job.isError ? (
        <ErrorState error={job.error} onRetry={() => void job.refetch()} />
      ) : j ? (
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">{t('tasks.col.name')}</dt>
          <dd>
            {t(`jobs.names.${j.name}`, { defaultValue: j.name })}
            <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{j.name}</div>
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">{t('tasks.detail.id')}</dt>
          <dd>
            <CopyId value={j.id} />
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">{t('tasks.col.status')}</dt>
          <dd className="flex flex-col gap-1">
            <StatusBadge status={j.status} className="self-start" />
            {j.status === 'Running' && <JobProgress value={parseProgress(progressOf(j))} />}
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">{t('tasks.col.instance')}</dt>
          <dd>
            {j.instance?.id ? (
              <Link
                className="text-sky-700 hover:underline dark:text-sky-400"
                to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(j.instance.id)}`}
              >
                {j.instance.name ?? j.instance.id}
              </Link>
            ) : (
              '—'
            )}
          </dd>
          <dt className="text-slate-500 dark:text-slate-400">{t('tasks.col.created')}</dt>
          <dd title={formatTime(j.created).title}>{formatTime(j.created).text}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t('tasks.col.ended')}</dt>
          <dd title={formatTime(j.ended).title}>{formatTime(j.ended).text}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t('tasks.detail.duration')}</dt>
          <dd>
            {Number.isFinite(created)
              ? formatDuration((Number.isFinite(ended) ? ended : Date.now()) - created)
              : '—'}
          </dd>
          {j.fail_reason && (
            <>
              <dt className="text-slate-500 dark:text-slate-400">{t('tasks.detail.failReason')}</dt>
              <dd className="text-red-700 dark:text-red-400">{j.fail_reason}</dd>
            </>
          )}
        </dl>
      ) : null}
      {j && can('deleteJob') && (
        <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800">
          <Button
            size="sm"
            variant="ghost"
            disabled={j.status === 'Running'}
            title={j.status === 'Running' ? t('tasks.detail.deleteRunning') : undefined}
            onClick={() => setConfirm(true)}
          >
            <Trash2 className="size-4" aria-hidden />
            {t('tasks.detail.delete')}
          </Button>
        </div>
      )}
      <Dialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t('tasks.detail.deleteTitle')}
        description={t('tasks.detail.deleteConsequence')}
        footer={
          <>
            <Button onClick={() => setConfirm(false)}>{t('common.cancel')}</Button>
            <Button
              variant="danger"
              disabled={del.isPending}
              onClick={() =>
                del.mutate(jobId, {
                  onSuccess: () => {
                    setConfirm(false);
                    onClose();
                  },
                })
              }
            >
              {t('tasks.detail.delete')}
            </Button>
          </>
        }
      >
        {del.error instanceof BffError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {del.error.code} {del.error.message}
          </p>
        )}
      </Dialog>
    </aside>
  );
}
