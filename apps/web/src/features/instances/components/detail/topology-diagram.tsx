import { clsx } from 'clsx';
import { Crown } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { toneOf, type Tone } from '../../../../shared/ui/status-badge';
import { componentType, type PlacedComponent, type Topology } from './topology';

const toneBox: Record<Tone, string> = {
  healthy: 'border-emerald-500 bg-emerald-50 dark:bg-emerald-950',
  neutral: 'border-slate-400 bg-slate-50 dark:bg-slate-800',
  progress: 'border-sky-500 bg-sky-50 dark:bg-sky-950',
  decision: 'border-amber-500 bg-amber-50 dark:bg-amber-950',
  degraded: 'border-orange-500 bg-orange-50 dark:bg-orange-950',
  failed: 'border-red-600 bg-red-50 dark:bg-red-950',
  gone: 'border-slate-300 bg-slate-100 dark:bg-slate-900',
};

function Chip({ c, onPick }: { c: PlacedComponent; onPick?: (c: PlacedComponent) => void }) {
  const { t } = useTranslation();
  const primary = c.status === 'Primary' || c.status === 'StateLeader';
  const label = `${c.id} · ${t(`status.${(c.status ?? 'UNKNOWN').toUpperCase()}`, { defaultValue: c.status ?? '' })} · ${c.nodeName} · ${c.az}`;
  return (
    <button
      type="button"
      title={label + (c.detail ? `\n${c.detail}` : '')}
      aria-label={label}
      onClick={() => onPick?.(c)}
      className={clsx(
        'flex items-center gap-1 rounded border-l-4 px-2 py-1 text-left text-xs hover:ring-2 hover:ring-sky-400',
        toneBox[toneOf(c.status)],
      )}
    >
      {primary && <Crown className="size-3 text-amber-600" aria-hidden />}
      <span className="font-mono">{c.id}</span>
      <span className="text-slate-500 dark:text-slate-400">
        {t(`status.${(c.status ?? 'UNKNOWN').toUpperCase()}`, { defaultValue: c.status ?? '' })}
      </span>
    </button>
  );
}

/**
 * AZs as columns; CNs on top, DN shards as groups of replicas (primary first and marked), and GTM/CM/ETCD
 * in a side band, each coloured by status (UI.md "Pictures over prose").
 */
export function TopologyDiagram({ topo, onPick }: { topo: Topology; onPick?: (c: PlacedComponent) => void }) {
  const { t } = useTranslation();
  const inAz = (list: PlacedComponent[], az: string) => list.filter((c) => c.az === az);
  return (
    <div className="flex gap-4 overflow-x-auto">
      <div
        className="grid flex-1 gap-3"
        style={{ gridTemplateColumns: `repeat(${Math.max(1, topo.azs.length)}, minmax(14rem, 1fr))` }}
      >
        {topo.azs.map((az) => (
          <div
            key={az}
            className="rounded-md border border-dashed border-slate-300 p-2 dark:border-slate-700"
          >
            <h3 className="mb-2 text-xs font-semibold text-slate-500 dark:text-slate-400">
              {t('topology.az', { az })}
            </h3>
            {topo.cns.length > 0 && (
              <div className="mb-3">
                <h4 className="mb-1 text-xs text-slate-500 dark:text-slate-400">{t('topology.cn')}</h4>
                <div className="flex flex-wrap gap-1">
                  {inAz(topo.cns, az).map((c) => (
                    <Chip key={c.id + c.nodeId} c={c} onPick={onPick} />
                  ))}
                </div>
              </div>
            )}
            <h4 className="mb-1 text-xs text-slate-500 dark:text-slate-400">{t('topology.dn')}</h4>
            <div className="space-y-2">
              {topo.shards.map((s) => {
                const here = inAz(s.replicas, az);
                return here.length ? (
                  <div key={s.id} className="rounded bg-slate-50 p-1.5 dark:bg-slate-900">
                    <div className="mb-1 text-[11px] text-slate-500 dark:text-slate-400">
                      {t('topology.shard', { id: s.id })}
                    </div>
                    <div className="flex flex-wrap gap-1">
                      {here.map((c) => (
                        <Chip key={c.id + c.nodeId} c={c} onPick={onPick} />
                      ))}
                    </div>
                  </div>
                ) : null;
              })}
            </div>
          </div>
        ))}
      </div>
      <aside
        className="w-56 shrink-0 rounded-md border border-slate-200 p-2 dark:border-slate-700"
        aria-label={t('topology.control')}
      >
        <h3 className="mb-2 text-xs font-semibold text-slate-500 dark:text-slate-400 uppercase">
          {t('topology.control')}
        </h3>
        {(['GTM', 'CM', 'ETCD'] as const).map((type) => {
          const list = topo.control.filter((c) => componentType(c) === type);
          return list.length ? (
            <div key={type} className="mb-2">
              <h4 className="mb-1 text-xs text-slate-500 dark:text-slate-400">{type}</h4>
              <div className="flex flex-col gap-1">
                {list.map((c) => (
                  <Chip key={c.id + c.nodeId} c={c} onPick={onPick} />
                ))}
              </div>
            </div>
          ) : null;
        })}
      </aside>
    </div>
  );
}
