import type { Instance } from '@gaussdb-console/api-client/browser';
import { Loader2, RotateCcw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJob } from '../../../shared/api/jobs';
import { useCan } from '../../../shared/api/policy';
import { parseProgress } from '../../../shared/lib/format';
import { Button } from '../../../shared/ui/button';
import { JobProgress } from '../../../shared/ui/job-progress';
import { clearPendingRestart, usePendingRestart } from '../api/pending-restart';
import { RestartForParametersDialog } from './restart-for-parameters-dialog';

/**
 * While a changed parameter waits for a restart: which ones, and the restart next to it (for a role that may
 * restart, and while the instance may be restarted). The restart's progress shows here; its end clears it.
 */
export function RestartBanner({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const can = useCan();
  const { pending, running } = usePendingRestart(project, instance.id);
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<string>();
  const job = useJob(project, jobId ?? running?.job_id).data?.job;
  const restarting = job?.status === 'Running' || (!!running && !job);
  // The restart this banner started completed: the changes are in effect.
  useEffect(() => {
    if (jobId && job?.status === 'Completed') {
      clearPendingRestart(project, instance.id);
      setJobId(undefined);
    }
  }, [jobId, job?.status, project, instance.id]);
  if (!pending) return null;
  const mayRestart = can('restartInstance');
  const idle = instance.status === 'ACTIVE';
  return (
    <div
      role="status"
      aria-label={t('parameters.banner.label')}
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <RotateCcw className="size-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{t('parameters.banner.title', { count: pending.names.length })}</p>
        <p className="font-mono text-xs break-all">{pending.names.join(', ')}</p>
        {restarting && (
          <div className="mt-2 max-w-sm">
            <p className="mb-1 flex items-center gap-1.5 text-xs">
              <Loader2 className="size-3 animate-spin motion-reduce:animate-none" aria-hidden />
              {t('parameters.banner.restarting')}
            </p>
            <JobProgress
              value={parseProgress(job?.progress ?? job?.process)}
              label={t('parameters.banner.restarting')}
            />
          </div>
        )}
        {job?.status === 'Failed' && (
          <p className="mt-1 text-xs text-red-800 dark:text-red-300">
            {t('parameters.banner.failed', { reason: job.fail_reason ?? '' })}
          </p>
        )}
        {!mayRestart && <p className="mt-1 text-xs">{t('parameters.banner.askOperator')}</p>}
      </div>
      {mayRestart && !restarting && (
        <Button
          variant="primary"
          onClick={() => setOpen(true)}
          disabled={!idle}
          title={idle ? undefined : t('parameters.banner.notIdle')}
        >
          {t('parameters.banner.restartNow')}
        </Button>
      )}
      {open && (
        <RestartForParametersDialog
          project={project}
          instance={instance}
          names={pending.names}
          open
          onOpenChange={setOpen}
          onJob={setJobId}
        />
      )}
    </div>
  );
}
