import type { Instance } from '@gaussdb-console/api-client/browser';
import { TrendingUp } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStorageHistory } from '../api/use-storage-history';
import { ChartSlot, UsageChart } from './card';
import { outlookText } from './storage-card';

const DAY = 24 * 3600_000;

/**
 * The instance's disk over time from the console's own readings (the storage forecast), and "full in about
 * N days" where the trend supports one; what it lacks otherwise is said in words.
 */
export function StorageUsage({ project, instance }: { project: string; instance: Instance }) {
  const { t, i18n } = useTranslation();
  const history = useStorageHistory(project, instance.id);
  if (history.permitted === false || history.isError) return null;
  if (history.isPending)
    return <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t('common.loading')}</p>;
  const h = history.data;
  const points = h.samples.map((s) => ({ t: Date.parse(s.time), used: s.used_gb, total: s.total_gb }));
  const f = h.forecast;
  const span = points.length > 1 ? (points.at(-1)?.t ?? 0) - (points[0]?.t ?? 0) : 0;
  const fmt = (ms: number) =>
    new Intl.DateTimeFormat(
      i18n.language,
      span > 2 * DAY ? { month: 'short', day: 'numeric' } : { hour: '2-digit', minute: '2-digit' },
    ).format(ms);
  return (
    <figure className="mt-3" aria-labelledby={`storage-forecast-${instance.id}`}>
      {points.length > 1 && (
        <ChartSlot className="h-44 w-full">
          <UsageChart points={points} formatTime={fmt} />
        </ChartSlot>
      )}
      <figcaption
        id={`storage-forecast-${instance.id}`}
        className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-300"
      >
        <span
          className={
            f.days_to_full !== null
              ? 'flex items-center gap-1 font-medium text-orange-800 dark:text-orange-300'
              : 'flex items-center gap-1'
          }
        >
          <TrendingUp className="size-3.5" aria-hidden />
          {outlookText(t, f)}
        </span>
        {f.growth_gb_per_day !== null && (
          <span>{t('storage.growth', { gb: f.growth_gb_per_day.toFixed(2) })}</span>
        )}
        <span className="text-slate-500 dark:text-slate-400">
          {t('storage.basis', { count: h.samples.length, minutes: h.sample_minutes })}
        </span>
      </figcaption>
    </figure>
  );
}
