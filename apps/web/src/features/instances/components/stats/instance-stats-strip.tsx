import { AlertOctagon, Loader2, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { StatusBadge, toneOf, type Tone } from '../../../../shared/ui/status-badge';
import { useInstanceStatistics } from '../../api/use-instance-statistics';

/** Worst first, so what needs a look is at the start of the row. */
const TONE_ORDER: Tone[] = ['failed', 'degraded', 'decision', 'progress', 'healthy', 'neutral', 'gone'];

/**
 * 4.4.22 speaks its own lower-case vocabulary (`normal`, `abnormal`, `creating`, `createfail`, else the
 * instance status lower-cased with "_" for spaces); spaces back make `storage_full` read and colour like
 * the list's STORAGE FULL, and `normal` reads as the rows' ACTIVE (one word for one state).
 */
export const statisticsStatus = (status: string) =>
  status.toLowerCase() === 'normal' ? 'ACTIVE' : status.replace(/_/g, ' ');

export function sortedCounts(rows: { status: string; count: number }[]) {
  const rank = (s: string) => TONE_ORDER.indexOf(toneOf(statisticsStatus(s)));
  return rows.filter((r) => r.count > 0).sort((a, b) => rank(a.status) - rank(b.status) || b.count - a.count);
}

/** The project's instances counted by status: one compact row of badges above the list. */
export function InstanceStatsStrip({ project }: { project: string }) {
  const { t } = useTranslation();
  const stats = useInstanceStatistics(project);
  // A role that may not count (a tenant owner) gets no strip, and nothing is asked for it.
  if (stats.permitted === false) return null;
  if (stats.isPending) {
    return (
      <p role="status" className="flex h-7 items-center gap-1.5 text-xs text-slate-500 dark:text-slate-400">
        <Loader2 className="size-3.5 animate-spin motion-reduce:animate-none" aria-hidden />
        {t('instanceStats.loading')}
      </p>
    );
  }
  if (stats.isError) {
    return (
      <p role="alert" className="flex h-7 items-center gap-1.5 text-xs text-red-800 dark:text-red-300">
        <AlertOctagon className="size-3.5" aria-hidden />
        {t('instanceStats.failed')}
        <button
          type="button"
          onClick={() => void stats.refetch()}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          <RefreshCw className="size-3" aria-hidden />
          {t('common.retry')}
        </button>
      </p>
    );
  }
  const rows = sortedCounts(stats.data.instances_statistics);
  return (
    <section
      aria-label={t('instanceStats.label')}
      className="flex min-h-7 flex-wrap items-center gap-2 text-xs"
    >
      <span className="font-medium text-slate-700 tabular-nums dark:text-slate-200">
        {t('instanceStats.total', { count: stats.data.total_count })}
      </span>
      {rows.length === 0 ? (
        <span className="text-slate-500 dark:text-slate-400">{t('instanceStats.empty')}</span>
      ) : (
        <ul className="flex flex-wrap items-center gap-1.5">
          {rows.map((r) => (
            <li key={r.status} className="inline-flex items-center gap-1">
              <StatusBadge status={statisticsStatus(r.status)} />
              <span className="font-semibold text-slate-800 tabular-nums dark:text-slate-100">{r.count}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
