import type { Dashboard } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { StatusBadge, toneOf, type Tone } from '../../../shared/ui/status-badge';
import { Bars, base, Card, ChartSlot, Donut, Figure, TONE_COLOR } from './card';

const TONE_ORDER: Tone[] = ['failed', 'degraded', 'decision', 'progress', 'healthy', 'neutral', 'gone'];
const MODE_COLORS = ['#0369a1', '#7c3aed', '#0f766e', '#b45309'];

/** Instances by status: a donut, and each status a link to the list filtered by it. */
export function StatusCard({ project, d }: { project: string; d: Dashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = Object.entries(d.instances.by_status)
    .map(([status, count]) => ({ status, count, tone: toneOf(status) }))
    .sort((a, b) => TONE_ORDER.indexOf(a.tone) - TONE_ORDER.indexOf(b.tone) || b.count - a.count);
  const link = (status: string) => `${base(project)}/instances?status=${encodeURIComponent(status)}`;
  return (
    <Card id="dash-status" title={t('dashboard.byStatus')}>
      <div className="flex flex-wrap items-center gap-4">
        <ChartSlot>
          <Donut
            data={rows.map((r) => ({
              key: r.status,
              label: t(`status.${r.status.replace(/\s+/g, '_')}`, { defaultValue: r.status }),
              value: r.count,
              color: TONE_COLOR[r.tone],
            }))}
            onSelect={(s) => void navigate(link(s))}
          />
        </ChartSlot>
        <div className="flex min-w-40 flex-1 flex-col gap-2">
          <Figure
            to={`${base(project)}/instances`}
            value={d.instances.total}
            label={t('dashboard.instancesTotal')}
          />
          <ul className="flex flex-col gap-1 text-sm">
            {rows.map((r) => (
              <li key={r.status}>
                <Link
                  to={link(r.status)}
                  className="flex items-center justify-between gap-2 rounded px-1 hover:bg-slate-50 dark:hover:bg-slate-800"
                  aria-label={t('dashboard.statusLink', {
                    count: r.count,
                    status: t(`status.${r.status.replace(/\s+/g, '_')}`, { defaultValue: r.status }),
                  })}
                >
                  <StatusBadge status={r.status} />
                  <span className="font-semibold tabular-nums">{r.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Card>
  );
}

/** Instances by deployment (centralized, distributed): bars, each a link to the list filtered by type. */
export function ModeCard({ project, d }: { project: string; d: Dashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = Object.entries(d.instances.by_mode).sort((a, b) => b[1] - a[1]);
  const label = (mode: string) => t(`dashboard.mode.${mode}`, { defaultValue: mode });
  const link = (mode: string) => `${base(project)}/instances?type=${encodeURIComponent(mode)}`;
  return (
    <Card id="dash-mode" title={t('dashboard.byMode')}>
      <ChartSlot className="h-24 w-full">
        <Bars
          data={rows.map(([k, v], i) => ({
            key: k,
            label: label(k),
            value: v,
            color: MODE_COLORS[i % MODE_COLORS.length] as string,
          }))}
          onSelect={(k) => void navigate(link(k))}
        />
      </ChartSlot>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {rows.map(([mode, count]) => (
          <li key={mode}>
            <Link to={link(mode)} className="text-sky-700 hover:underline dark:text-sky-400">
              {label(mode)}: <span className="font-semibold tabular-nums">{count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Meter({ used, quota, label }: { used: number; quota: number; label: string }) {
  const pct = quota > 0 ? Math.min(100, (used / quota) * 100) : 0;
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={quota}
      aria-valuenow={used}
      className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <div
        className={pct >= 90 ? 'h-full bg-orange-500' : 'h-full bg-sky-600'}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}

/** The instance quota (4.4.17) and what the instances hold (vCPU, memory, disk: no quota in the API). */
export function QuotaCard({ project, d }: { project: string; d: Dashboard }) {
  const { t } = useTranslation();
  const inst = d.quota.find((q) => q.type === 'instance');
  const list = `${base(project)}/instances`;
  return (
    <Card id="dash-quota" title={t('dashboard.quota')}>
      {inst && inst.quota !== undefined && inst.used !== undefined && (
        <div className="flex flex-col gap-1">
          <Link to={list} className="flex items-baseline justify-between text-sm hover:underline">
            <span>{t('dashboard.instanceQuota')}</span>
            <span className="font-semibold tabular-nums">
              {t('dashboard.ofQuota', { used: inst.used, quota: inst.quota })}
            </span>
          </Link>
          <Meter used={inst.used} quota={inst.quota} label={t('dashboard.instanceQuota')} />
        </div>
      )}
      <div className="grid grid-cols-3 gap-2">
        <Figure to={list} value={d.resources.vcpus} label={t('dashboard.vcpus')} />
        <Figure to={list} value={`${d.resources.memory_gb}`} label={t('dashboard.memory')} />
        <Figure to={list} value={`${d.resources.storage_gb}`} label={t('dashboard.disk')} />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('dashboard.noResourceQuota')}</p>
    </Card>
  );
}
