import { clsx } from 'clsx';
import { CheckCircle2, XCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDuration, formatTime } from '../../../shared/lib/format';
import { JobProgress } from '../../../shared/ui/job-progress';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useOperationsBoard, type BoardJob } from '../../dashboard/api/use-operations-board';

const ACK_KEY = 'gaussdb-console.wall.acknowledged';

/** Whether the live stream is up, as the app's subscription reports it. */
export type WallStream = 'connecting' | 'open' | 'reconnecting';

/**
 * The operations-room screen: running jobs (and, for a moment, the ones that just ended), failures of the
 * last 24 h until acknowledged, instances not ACTIVE. Dark, large, no interaction needed. It reads what the
 * dashboard reads (one composite read, refreshed by the live stream), never aggregating on its own.
 */
export function WallPage({ stream }: { stream: WallStream }) {
  const { t, i18n } = useTranslation();
  const project = useParams().project ?? '';
  const board = useOperationsBoard(project);
  const { now } = board;
  const [acked, setAcked] = useState<string[]>(
    () => JSON.parse(localStorage.getItem(ACK_KEY) ?? '[]') as string[],
  );
  useEffect(() => {
    document.title = `${t('nav.wall')} · ${t('app.name')}`;
    document.documentElement.classList.add('dark');
  }, [t]);

  const failures = [...board.failures].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
  const lastUpdate = board.query.dataUpdatedAt;
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
  const jobs = [...board.running, ...board.justEnded];

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
            {t('wall.running', { count: board.running.length })}
          </h2>
          {jobs.length === 0 ? (
            <p className="text-2xl text-slate-400">{t('wall.noRunning')}</p>
          ) : (
            <ul className="space-y-5">
              {jobs.map((job) => (
                <WallJob key={job.id} job={job} now={now} />
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="wall-unhealthy" className="rounded-xl bg-slate-900 p-5">
          <h2 id="wall-unhealthy" className="mb-4 text-2xl font-semibold text-orange-300">
            {t('wall.unhealthy', { count: board.notActive.length })}
          </h2>
          {board.notActive.length === 0 ? (
            <p className="text-2xl text-slate-400">
              {board.dashboard ? t('wall.allActive') : t('common.loading')}
            </p>
          ) : (
            <ul className="space-y-3">
              {board.notActive.slice(0, 12).map((i) => (
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
            {t('wall.failed', { count: failures.filter((f) => !acked.includes(f.id)).length })}
          </h2>
          {failures.length === 0 ? (
            <p className="text-2xl text-slate-400">{t('wall.noFailures')}</p>
          ) : (
            <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
              {failures.slice(0, 10).map((f) => {
                const dim = acked.includes(f.id);
                return (
                  <li
                    key={f.id}
                    className={clsx(
                      'flex items-start justify-between gap-3 rounded-lg p-3 text-xl',
                      dim ? 'bg-slate-800 text-slate-400' : 'bg-red-950 text-red-100 ring-2 ring-red-500',
                    )}
                  >
                    <div className="min-w-0">
                      <div className="font-semibold">
                        {t(`jobs.names.${f.name}`, { defaultValue: f.name })} · {f.instance.name ?? '—'}
                      </div>
                      <div className="truncate text-lg opacity-80" title={f.fail_reason ?? undefined}>
                        {formatTime(f.created_at).text} {f.fail_reason ? `· ${f.fail_reason}` : ''}
                      </div>
                    </div>
                    {!dim && (
                      <button
                        type="button"
                        className="shrink-0 rounded-md bg-red-800 px-3 py-1 text-lg hover:bg-red-700"
                        onClick={() => ack(f.id)}
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

/** A running job with its progress and how long it has run; a job that just ended says so for a moment. */
function WallJob({ job, now }: { job: BoardJob; now: number }) {
  const { t } = useTranslation();
  const done = job.status === 'Completed';
  const failed = job.status === 'Failed';
  return (
    <li className={clsx('transition-opacity', (done || failed) && 'opacity-90')}>
      <div className="mb-1 flex items-baseline justify-between gap-4 text-2xl">
        <span className="truncate font-semibold">
          {t(`jobs.names.${job.name}`, { defaultValue: job.name })} · {job.instance.name ?? '—'}
        </span>
        {done ? (
          <span className="flex shrink-0 items-center gap-2 text-xl text-emerald-300">
            <CheckCircle2 className="size-6" aria-hidden />
            {t('wall.completed')}
          </span>
        ) : failed ? (
          <span className="flex shrink-0 items-center gap-2 text-xl text-red-300">
            <XCircle className="size-6" aria-hidden />
            {t('wall.jobFailed')}
          </span>
        ) : (
          <span className="shrink-0 text-xl text-slate-400 tabular-nums">
            {formatDuration(now - job.since)}
          </span>
        )}
      </div>
      <JobProgress value={done ? 100 : job.progress} large />
    </li>
  );
}
