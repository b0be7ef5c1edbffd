import { clsx } from 'clsx';
import { AlertTriangle, Gauge } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export interface InstanceQuota {
  used: number;
  quota: number;
}

export const quotaLeft = (q: InstanceQuota | undefined) => (q ? Math.max(0, q.quota - q.used) : undefined);

/** The project's instance quota, up front: how many are used and how many may still be created. */
export function QuotaBanner({
  quota,
  isPending,
  isError,
}: {
  quota: InstanceQuota | undefined;
  isPending: boolean;
  isError: boolean;
}) {
  const { t } = useTranslation();
  if (isPending)
    return <p className="text-xs text-slate-500 dark:text-slate-400">{t('createInstance.quota.loading')}</p>;
  if (isError || !quota)
    return <p className="text-xs text-slate-500 dark:text-slate-400">{t('createInstance.quota.unknown')}</p>;
  const left = quotaLeft(quota) ?? 0;
  const full = left === 0;
  return (
    <div
      role={full ? 'alert' : 'status'}
      className={clsx(
        'flex items-start gap-2 rounded-md border px-3 py-2 text-sm',
        full
          ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200'
          : 'border-slate-200 bg-white text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300',
      )}
    >
      {full ? (
        <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
      ) : (
        <Gauge className="mt-0.5 size-4 shrink-0" aria-hidden />
      )}
      <span>
        {t('createInstance.quota.usage', { used: quota.used, quota: quota.quota, left })}
        {full && <> {t('createInstance.quota.full')}</>}
      </span>
    </div>
  );
}
