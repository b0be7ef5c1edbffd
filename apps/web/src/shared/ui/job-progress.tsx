import { useTranslation } from 'react-i18next';

/** A job's progress bar with its percentage as text (the bar alone is not enough for everyone). */
export function JobProgress({
  value,
  label,
  large = false,
}: {
  value: number | undefined;
  label?: string;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const pct = Math.max(0, Math.min(100, Math.round(value ?? 0)));
  return (
    <div className="flex min-w-28 items-center gap-2">
      <div
        role="progressbar"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label ?? t('jobs.progress')}
        className={
          large
            ? 'h-4 flex-1 overflow-hidden rounded-full bg-slate-700'
            : 'h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700'
        }
      >
        <div
          className="h-full rounded-full bg-sky-500 transition-[width] duration-700"
          style={{ width: `${pct}%` }}
        />
      </div>
      <span
        className={large ? 'w-16 text-right text-2xl tabular-nums' : 'w-9 text-right text-xs tabular-nums'}
      >
        {pct}%
      </span>
    </div>
  );
}
