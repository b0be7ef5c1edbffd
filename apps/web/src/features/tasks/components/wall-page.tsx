import { progressOf, type TaskItem } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDuration, formatTime, parseProgress } from '../../../shared/lib/format';
import { useLiveJobs } from '../../../shared/api/jobs';
import { allItems } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from '../../instances/api/instance-keys';
import { JobProgress } from '../../../shared/ui/job-progress';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useTasks } from '../api/use-tasks';

const ACK_KEY = 'gaussdb-console.wall.acknowledged';
const DAY = 24 * 3600 * 1000;

function useNow(ms: number) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** Instances that are not ACTIVE, across every page of the list (the wall must not miss one). */
function useUnhealthyInstances(project: string) {
  return usePermittedQuery('listInstances', {
    queryKey: instanceKeys.unhealthy(project),
    queryFn: async ({ signal }) =>
      (await allItems('listInstances', project, {}, signal)).filter((i) => i.status !== 'ACTIVE'),
    refetchInterval: 30_000,
  });
}

/** Whether the live stream is up, as the app's subscription reports it. */
export type WallStream = 'connecting' | 'open' | 'reconnecting';

/**
 * The operations-room screen: running jobs, failures of the last 24 h until acknowledged, instances
 * not ACTIVE. Dark, large, no interaction needed; live through the event stream, polling as a fallback.
 */
export function WallPage({ stream }: { stream: WallStream }) {
  const { t, i18n } = useTranslation();
  const project = useParams().project ?? '';
  const now = useNow(1000);
  const since = useMemo(() => new Date(Date.now() - DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'), []);
  const running = useTasks(project, { status: 'Running', limit: 100 }, 15_000);
  const failed = useTasks(project, { status: 'Failed', start_time: since, limit: 100 }, 30_000);
  const unhealthy = useUnhealthyInstances(project);
  const live = useLiveJobs(project);
  const [acked, setAcked] = useState<string[]>(
    () => JSON.parse(localStorage.getItem(ACK_KEY) ?? '[]') as string[],
  );
  useEffect(() => {
    document.title = `${t('nav.wall')} · ${t('app.name')}`;
    document.documentElement.classList.add('dark');
  }, [t]);

  const runningJobs = (running.data?.tasks ?? []).map((task) => {
    const l = live[task.job_id];
    return { task, progress: l?.progress ?? parseProgress(progressOf(task)) };
  });
  const failures = [...(failed.data?.tasks ?? [])].sort((a, b) =>
    (b.created_at ?? '').localeCompare(a.created_at ?? ''),
  );
  const lastUpdate = Math.max(running.dataUpdatedAt, failed.dataUpdatedAt, unhealthy.dataUpdatedAt);
  const ack = (id: string) => {
    const next = [...acked, id].slice(-500);
    setAcked(next);
    localStorage.setItem(ACK_KEY, JSON.stringify(next));
  };
  const clock = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(now);

  return (
    <div className="min-h-screen bg-slate-950 p-6 text-slate-100">
      {stream !== 'open' && (
        <div
          role="status"
          className="mb-4 rounded-md bg-amber-500 px-4 py-2 text-xl font-semibold text-slate-950"
        >
          {stream === 'connecting' ? t('wall.connecting') : t('wall.reconnecting')}
        </div>
      )}
      <header className="mb-6 flex items-baseline justify-between">
        <h1 className="text-3xl font-bold">
          {t('wall.title')} · {project}
        </h1>
        <div className="text-right">
          <div className="text-4xl font-semibold tabular-nums">{clock}</div>
          <div className="text-lg text-slate-400">
            {lastUpdate ? t('wall.lastUpdate', { time: formatTime(lastUpdate).text }) : t('common.loading')}
          </div>
        </div>
      </header>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <section aria-labelledby="wall-running" className="rounded-xl bg-slate-900 p-5 xl:col-span-2">
          <h2 id="wall-running" className="mb-4 text-2xl font-semibold text-sky-300">
            {t('wall.running', { count: runningJobs.length })}
          </h2>
          {runningJobs.length === 0 ? (
            <p className="text-2xl text-slate-400">{t('wall.noRunning')}</p>
          ) : (
            <ul className="space-y-5">
              {runningJobs.map(({ task, progress }) => (
                <WallJob key={task.job_id} task={task} progress={progress} now={now} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="wall-unhealthy" className="rounded-xl bg-slate-900 p-5">
          <h2 id="wall-unhealthy" className="mb-4 text-2xl font-semibold text-orange-300">
            {t('wall.unhealthy', { count: unhealthy.data?.length ?? 0 })}
          </h2>
          {(unhealthy.data ?? []).length === 0 ? (
            <p className="text-2xl text-slate-400">{t('wall.allActive')}</p>
          ) : (
            <ul className="space-y-3">
              {(unhealthy.data ?? []).slice(0, 12).map((i) => (
                <li key={i.id} className="flex items-center justify-between gap-3 text-2xl">
                  <span className="truncate">{i.name}</span>
                  <StatusBadge status={i.status} large />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="wall-failed" className="rounded-xl bg-slate-900 p-5 xl:col-span-3">
          <h2 id="wall-failed" className="mb-4 text-2xl font-semibold text-red-400">
            {t('wall.failed', { count: failures.filter((f) => !acked.includes(f.job_id)).length })}
          </h2>
          {failures.length === 0 ? (
            <p className="text-2xl text-slate-400">{t('wall.noFailures')}</p>
          ) : (
            <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
              {failures.slice(0, 10).map((f) => {
                const dim = acked.includes(f.job_id);
                return (
                  <li
                    key={f.job_id}
                    className={clsx(
                      'flex items-start justify-between gap-3 rounded-lg p-3 text-xl',
                      dim
                        ? 'bg-slate-800 text-slate-500 dark:text-slate-400'
                        : 'bg-red-950 text-red-100 ring-2 ring-red-500',
                    )}
                  >
                    <div className="min-w-0">
                      <div className="font-semibold">
                        {t(`jobs.names.${f.name}`, { defaultValue: f.name })} ·{' '}
                        {f.instance_info?.instance_name ?? '—'}
                      </div>
                      <div className="truncate text-lg opacity-80" title={f.fail_reason ?? undefined}>
                        {formatTime(f.created_at).text} {f.fail_reason ? `· ${f.fail_reason}` : ''}
                      </div>
                    </div>
                    {!dim && (
                      <button
                        type="button"
                        className="shrink-0 rounded-md bg-red-800 px-3 py-1 text-lg hover:bg-red-700"
                        onClick={() => ack(f.job_id)}
                      >
                        {t('wall.acknowledge')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function WallJob({ task, progress, now }: { task: TaskItem; progress: number | undefined; now: number }) {
  const { t } = useTranslation();
  const started = task.created_at ? Date.parse(task.created_at) : NaN;
  return (
    <li>
      <div className="mb-1 flex items-baseline justify-between gap-4 text-2xl">
        <span className="truncate font-semibold">
          {t(`jobs.names.${task.name}`, { defaultValue: task.name })} ·{' '}
          {task.instance_info?.instance_name ?? '—'}
        </span>
        <span className="shrink-0 text-xl text-slate-400 tabular-nums">
          {Number.isFinite(started) ? formatDuration(now - started) : ''}
        </span>
      </div>
      <JobProgress value={progress} large />
    </li>
  );
}
