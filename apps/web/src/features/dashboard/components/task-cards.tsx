import type { DashboardTask } from '@gaussdb-console/api-client/browser';
import { CheckCircle2, XCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDuration, formatTime } from '../../../shared/lib/format';
import { JobProgress } from '../../../shared/ui/job-progress';
import type { BoardJob } from '../api/use-operations-board';
import { base, Card, Figure } from './card';

const jobLink = (project: string, id: string) => `${base(project)}/tasks?job=${encodeURIComponent(id)}`;

/** The jobs running now, live, and for a moment the ones that just ended. */
export function RunningCard(props: {
  project: string;
  running: BoardJob[];
  justEnded: BoardJob[];
  now: number;
}) {
  const { t } = useTranslation();
  const { project } = props;
  const jobs = [...props.running, ...props.justEnded];
  return (
    <Card id="dash-running" title={t('dashboard.running')}>
      <Figure
        to={`${base(project)}/tasks?status=Running`}
        value={props.running.length}
        label={t('dashboard.runningNow')}
      />
      {jobs.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('dashboard.noRunning')}</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-live="polite">
          {jobs.slice(0, 8).map((j) => {
            const what = t(`jobs.names.${j.name}`, { defaultValue: j.name });
            return (
              <li key={j.id} className="text-sm">
                <div className="mb-1 flex items-baseline justify-between gap-2">
                  <Link
                    to={jobLink(project, j.id)}
                    className="truncate text-sky-700 hover:underline dark:text-sky-400"
                    title={j.name}
                  >
                    {what} · {j.instance.name ?? '—'}
                  </Link>
                  {j.status === 'Completed' ? (
                    <span className="flex shrink-0 items-center gap-1 text-xs text-emerald-800 dark:text-emerald-300">
                      <CheckCircle2 className="size-3.5" aria-hidden />
                      {t('dashboard.completed')}
                    </span>
                  ) : j.status === 'Failed' ? (
                    <span className="flex shrink-0 items-center gap-1 text-xs text-red-800 dark:text-red-300">
                      <XCircle className="size-3.5" aria-hidden />
                      {t('dashboard.failed')}
                    </span>
                  ) : (
                    <span className="shrink-0 text-xs text-slate-500 tabular-nums dark:text-slate-400">
                      {formatDuration(props.now - j.since)}
                    </span>
                  )}
                </div>
                <JobProgress value={j.status === 'Completed' ? 100 : j.progress} label={what} />
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

/** Failures of the last 24 h: the count links to the task list filtered the same way. */
export function FailuresCard(props: {
  project: string;
  count: number;
  since: string;
  failures: DashboardTask[];
}) {
  const { t } = useTranslation();
  const { project } = props;
  return (
    <Card id="dash-failures" title={t('dashboard.failures')}>
      <Figure
        to={`${base(project)}/tasks?status=Failed&from=${encodeURIComponent(props.since)}`}
        value={props.count}
        label={t('dashboard.failuresLabel')}
        tone={props.count > 0 ? 'danger' : 'plain'}
      />
      {props.failures.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('dashboard.noFailures')}</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm">
          {props.failures.slice(0, 6).map((f) => (
            <li key={f.id} className="flex flex-col">
              <Link
                to={jobLink(project, f.id)}
                className="flex items-center gap-1.5 text-red-800 hover:underline dark:text-red-300"
              >
                <XCircle className="size-3.5 shrink-0" aria-hidden />
                <span className="truncate">
                  {t(`jobs.names.${f.name}`, { defaultValue: f.name })} · {f.instance.name ?? '—'}
                </span>
              </Link>
              <span
                className="truncate pl-5 text-xs text-slate-600 dark:text-slate-300"
                title={f.fail_reason ?? undefined}
              >
                {formatTime(f.created_at).text}
                {f.fail_reason ? ` · ${f.fail_reason}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
