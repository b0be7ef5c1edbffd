import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { formatGb } from '../../../shared/lib/format';

/**
 * A tenant's disk quota against the most it could have on its instance: its quota plus what the instance still
 * has free for tenants (4.10.9 `remaining_disk`). 4.10.5 reports quotas, not space used inside a tenant, so
 * this is the honest gauge: how much of its possible room the tenant already holds. Without the instance's
 * free space (a tenant owner may not read it) only the quota is shown.
 */
export function QuotaGauge({
  quota,
  remaining,
  compact = false,
}: {
  quota: number | undefined;
  remaining: number | undefined;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (quota === undefined) return <span>—</span>;
  if (remaining === undefined) return <span className="tabular-nums">{formatGb(quota)}</span>;
  const max = quota + remaining;
  const pct = max > 0 ? Math.min(100, (quota / max) * 100) : 100;
  const label = t('tenants.gauge.label', { quota: formatGb(quota), max: formatGb(max) });
  return (
    <div className={clsx('flex flex-col gap-0.5', compact ? 'min-w-32' : 'min-w-48')}>
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-label={label}
        title={label}
        className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={pct >= 90 ? 'h-full bg-orange-500' : 'h-full bg-sky-500'}
          style={{ width: `${pct}%` }}
        />
      </div>
      <span className="text-xs tabular-nums text-slate-600 dark:text-slate-300">
        {t('tenants.gauge.text', { quota: formatGb(quota), max: formatGb(max) })}
      </span>
    </div>
  );
}

/** Every tenant quota of an instance against what its tenants may use in all (their quotas plus what is free). */
export function PoolGauge({ used, remaining }: { used: number; remaining: number | undefined }) {
  const { t } = useTranslation();
  if (remaining === undefined) return null;
  const max = used + remaining;
  const pct = max > 0 ? Math.min(100, (used / max) * 100) : 0;
  const label = t('tenants.pool.label', {
    used: formatGb(used),
    max: formatGb(max),
    free: formatGb(remaining),
  });
  return (
    <div className="flex min-w-56 flex-col gap-0.5">
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-label={label}
        className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={pct >= 90 ? 'h-full bg-orange-500' : 'h-full bg-sky-500'}
          style={{ width: `${pct}%` }}
        />
      </div>
      <span className="text-xs text-slate-600 dark:text-slate-300">{label}</span>
    </div>
  );
}
