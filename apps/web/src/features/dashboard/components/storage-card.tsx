import type { Dashboard, StorageForecast } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate, Link } from 'react-router';
import { Bars, base, Card, ChartSlot, Figure } from './card';

/** "Full in about N days", or why no date is given. */
export function outlookText(t: TFunction, f: StorageForecast): string {
  if (f.days_to_full !== null)
    return f.days_to_full === 0 ? t('storage.fullNow') : t('storage.fullIn', { count: f.days_to_full });
  return t(`storage.reason.${f.reason ?? 'too_few_samples'}`);
}

/** Disk in use over the instances read, and the instances that fill first (each a link to its page). */
export function StorageCard({ project, d }: { project: string; d: Dashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const s = d.storage;
  const link = (id: string) => `${base(project)}/instances/${encodeURIComponent(id)}`;
  const pct = s.total_gb > 0 ? Math.round((s.used_gb / s.total_gb) * 100) : 0;
  return (
    <Card id="dash-storage" title={t('dashboard.storage')} className="lg:col-span-2">
      {s.sampled === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('dashboard.storageNone')}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-6">
            <Figure
              to={`${base(project)}/instances`}
              value={`${pct}%`}
              label={t('dashboard.storageUsed', {
                used: Math.round(s.used_gb),
                total: Math.round(s.total_gb),
                count: s.sampled,
              })}
            />
          </div>
          <h3 className="text-sm font-medium">{t('dashboard.fillsFirst')}</h3>
          <ChartSlot className="h-24 w-full">
            <Bars
              unit="%"
              data={s.fills_first.map((e) => ({
                key: e.id,
                label: e.name ?? e.id,
                value: e.used_percent,
                color:
                  e.forecast.days_to_full !== null && e.forecast.days_to_full < 30
                    ? '#dc2626'
                    : e.used_percent >= 85
                      ? '#ea580c'
                      : '#0284c7',
              }))}
              onSelect={(id) => void navigate(link(id))}
            />
          </ChartSlot>
          <ol className="flex flex-col gap-1 text-sm">
            {s.fills_first.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2">
                <Link to={link(e.id)} className="text-sky-700 hover:underline dark:text-sky-400">
                  {e.name ?? e.id}
                </Link>
                <span className="text-xs text-slate-600 tabular-nums dark:text-slate-300">
                  {t('dashboard.usedOf', { pct: e.used_percent, used: e.used_gb, total: e.total_gb })} ·{' '}
                  {outlookText(t, e.forecast)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
