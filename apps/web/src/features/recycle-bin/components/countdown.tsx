import { clsx } from 'clsx';
import { Timer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/lib/format';
import { useNow } from '../../../shared/lib/use-now';
import { timeLeft } from '../lib/time-left';

/**
 * A live countdown to a recycle-bin purge, on the app's clock (one tick a second): days and hours while
 * far, minutes and seconds near the end, red under a day, "due" once passed. The purge time is on hover.
 */
export function PurgeCountdown({ purge }: { purge: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (!Number.isFinite(purge)) return <span>—</span>;
  const left = timeLeft(purge, now);
  const text =
    left.ms <= 0
      ? t('recycle.countdown.due')
      : left.days > 0
        ? t('recycle.countdown.days', { d: left.days, h: left.hours, m: left.minutes })
        : left.hours > 0
          ? t('recycle.countdown.hours', { h: left.hours, m: left.minutes, s: left.seconds })
          : t('recycle.countdown.minutes', { m: left.minutes, s: left.seconds });
  return (
    <span
      className={clsx(
        'inline-flex items-center gap-1 whitespace-nowrap tabular-nums',
        left.urgent ? 'font-medium text-red-700 dark:text-red-400' : 'text-slate-800 dark:text-slate-200',
      )}
      title={t('recycle.countdown.at', { time: formatTime(purge).text })}
    >
      <Timer className="size-3.5 shrink-0" aria-hidden />
      {text}
    </span>
  );
}
