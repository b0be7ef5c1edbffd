import { BUSY_INSTANCE_STATUSES } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { AlertTriangle, CheckCircle2, CircleDashed, CircleSlash, Loader2, XCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** One mapping from any status word to a tone, used everywhere (UI.md "Status colours"). */
export type Tone = 'healthy' | 'neutral' | 'progress' | 'decision' | 'degraded' | 'failed' | 'gone';

/** Instance statuses while an operation runs (the contract's list), and the other words for "in progress". */
const PROGRESS = new Set<string>([
  ...BUSY_INSTANCE_STATUSES,
  'RUNNING',
  'STATECANDIDATE',
  'BUILDING',
  'EXPORTING',
  'CREATING',
  'APPLYING',
]);

export function toneOf(status: string | null | undefined): Tone {
  const s = (status ?? '').toUpperCase();
  if (
    s === 'ACTIVE' ||
    s === 'COMPLETED' ||
    s === 'PRIMARY' ||
    s === 'NORMAL' ||
    s === 'STATELEADER' ||
    s === 'SUCCESS'
  )
    return 'healthy';
  if (s === 'STANDBY' || s === 'STATEFOLLOWER') return 'neutral';
  if (PROGRESS.has(s)) return 'progress';
  if (s === 'UPGRADE TO BE OBSERVED') return 'decision';
  if (s === 'STORAGE FULL' || s === 'ABNORMAL') return 'degraded';
  if (s === 'FAILED' || s === 'DOWN' || s === 'CREATEFAIL') return 'failed';
  if (s === 'DELETED' || s === 'RECYCLED') return 'gone';
  return 'neutral';
}

const toneClass: Record<Tone, string> = {
  healthy: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-300',
  neutral: 'bg-slate-100 text-slate-700 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-300',
  progress: 'bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-300',
  decision: 'bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-300',
  degraded: 'bg-orange-50 text-orange-800 ring-orange-600/30 dark:bg-orange-950 dark:text-orange-300',
  failed: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-300',
  gone: 'bg-slate-100 text-slate-500 ring-slate-400/30 dark:bg-slate-800 dark:text-slate-400',
};

function ToneIcon({ tone }: { tone: Tone }) {
  const cls = 'size-3.5 shrink-0';
  switch (tone) {
    case 'healthy':
      return <CheckCircle2 className={cls} aria-hidden />;
    case 'progress':
      return <Loader2 className={clsx(cls, 'animate-spin motion-reduce:animate-none')} aria-hidden />;
    case 'decision':
    case 'degraded':
      return <AlertTriangle className={cls} aria-hidden />;
    case 'failed':
      return <XCircle className={cls} aria-hidden />;
    case 'gone':
      return <CircleSlash className={cls} aria-hidden />;
    default:
      return <CircleDashed className={cls} aria-hidden />;
  }
}

/** A status with its colour, icon and translated text: colour is never the only signal. */
export function StatusBadge({
  status,
  className,
  large = false,
}: {
  status: string | null | undefined;
  className?: string;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const tone = toneOf(status);
  const key = `status.${(status ?? 'unknown').toUpperCase().replace(/\s+/g, '_')}`;
  return (
    <span
      className={clsx(
        'inline-flex items-center gap-1 rounded-full font-medium whitespace-nowrap ring-1 ring-inset',
        large ? 'px-3 py-1 text-xl' : 'px-2 py-0.5 text-xs',
        toneClass[tone],
        className,
      )}
    >
      <ToneIcon tone={tone} />
      {t(key, { defaultValue: status ?? t('status.UNKNOWN') })}
    </span>
  );
}
