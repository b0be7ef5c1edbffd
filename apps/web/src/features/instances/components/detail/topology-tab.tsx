import type { Instance } from '@gaussdb-console/api-client/browser';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../../shared/ui/status-badge';
import { ErrorState, Loading, NotPermitted } from '../../../../shared/ui/states';
import { useBalance, useComponents, useCoordinators } from '../../api/use-instance';
import { buildTopology, componentType, type PlacedComponent } from './topology';
import { TopologyDiagram } from './topology-diagram';

const TYPES = ['ALL', 'CN', 'DN', 'GTM', 'CM', 'ETCD'] as const;
const sel =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-800';

/** Nodes and components: the diagram, the same data as a filterable table, coordinators and balance. */
export function TopologyTab({
  project,
  instance,
  onPick,
}: {
  project: string;
  instance: Instance;
  onPick?: (c: PlacedComponent) => void;
}) {
  const { t } = useTranslation();
  const distributed = (instance.ha?.mode ?? instance.type ?? '').toLowerCase().startsWith('enterprise');
  const comps = useComponents(project, instance.id);
  const balance = useBalance(project, instance.id, true);
  const coordinators = useCoordinators(project, instance.id, distributed);
  const topo = useMemo(() => buildTopology(comps.data ?? []), [comps.data]);
  const [type, setType] = useState<(typeof TYPES)[number]>('ALL');
  const [az, setAz] = useState('');
  if (comps.permitted === false) return <NotPermitted />;
  if (comps.isPending) return <Loading />;
  if (comps.isError) return <ErrorState error={comps.error} onRetry={() => void comps.refetch()} />;
  const rows = topo.all.filter((c) => (type === 'ALL' || componentType(c) === type) && (!az || c.az === az));

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-500 dark:text-slate-400">{t('topology.balance')}</span>
        {balance.isPending ? (
          <span>{t('common.loading')}</span>
        ) : balance.data ? (
          <span
            className={
              balance.data.balanced
                ? 'text-emerald-700 dark:text-emerald-400'
                : 'font-medium text-orange-700 dark:text-orange-400'
            }
          >
            {balance.data.balanced ? t('topology.balanced') : t('topology.unbalanced')}
          </span>
        ) : (
          <span>—</span>
        )}
        <span className="ml-4 text-slate-500 dark:text-slate-400">{t('topology.legend')}</span>
      </div>
      <TopologyDiagram topo={topo} onPick={onPick} />
      <section aria-labelledby="components-table">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <h3 id="components-table" className="font-semibold">
            {t('topology.table')}
          </h3>
          <select
            aria-label={t('topology.filterType')}
            className={sel}
            value={type}
            onChange={(e) => setType(e.target.value as (typeof TYPES)[number])}
          >
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {x === 'ALL' ? t('topology.allTypes') : x}
              </option>
            ))}
          </select>
          <select
            aria-label={t('topology.filterAz')}
            className={sel}
            value={az}
            onChange={(e) => setAz(e.target.value)}
          >
            <option value="">{t('topology.allAzs')}</option>
            {topo.azs.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <table className="w-full text-sm">
          <thead className="bg-slate-100 text-left text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('topology.col.component')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('topology.col.type')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('topology.col.role')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('topology.col.status')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('topology.col.shard')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('topology.col.node')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('topology.col.az')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id + c.nodeId} className="h-9 border-b border-slate-100 dark:border-slate-800">
                <td className="px-3 font-mono text-xs">{c.id}</td>
                <td className="px-3">{componentType(c)}</td>
                <td className="px-3">{c.role ?? '—'}</td>
                <td className="px-3">
                  <StatusBadge status={c.status} />
                </td>
                <td className="px-3 font-mono text-xs">{c.distributed_id ?? '—'}</td>
                <td className="px-3">{c.nodeName}</td>
                <td className="px-3">{c.az}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {distributed && (
        <section aria-labelledby="coordinators">
          <h3 id="coordinators" className="mb-2 font-semibold">
            {t('topology.coordinators')}
          </h3>
          {coordinators.isPending ? (
            <Loading />
          ) : coordinators.isError ? (
            <ErrorState error={coordinators.error} />
          ) : (
            <ul className="grid grid-cols-1 gap-2 text-sm md:grid-cols-3">
              {(coordinators.data?.nodes ?? []).map((n) => (
                <li key={n.id} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
                  <div className="font-medium">{n.name ?? n.id}</div>
                  <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{n.id}</div>
                  <div className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
                    {n.availability_zone ?? ''} {n.status && <StatusBadge status={n.status} />}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
