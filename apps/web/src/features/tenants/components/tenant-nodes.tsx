import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import type { TenantTabProps } from './tenant-tab';

/** The nodes a tenant lives on (4.10.5 `nodes`): role, zone, status, addresses and components. */
export function TenantNodes({ info }: TenantTabProps) {
  const { t } = useTranslation();
  const nodes = info.nodes ?? [];
  if (nodes.length === 0) return <EmptyState title={t('tenants.nodes.none')} />;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{t('tenants.detail.tab.nodes')}</caption>
        <thead className="bg-slate-100 text-left text-xs font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            {(['name', 'role', 'zone', 'status', 'dataIp', 'managementIp', 'components'] as const).map(
              (c) => (
                <th
                  key={c}
                  scope="col"
                  className="h-9 border-b border-slate-200 px-3 whitespace-nowrap dark:border-slate-700"
                >
                  {t(`tenants.nodes.${c}`)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.id} className="h-9 border-b border-slate-100 dark:border-slate-800">
              <td className="px-3 font-mono text-xs">{n.name ?? n.id}</td>
              <td className="px-3">{n.role ?? '—'}</td>
              <td className="px-3">{n.availability_zone ?? '—'}</td>
              <td className="px-3">
                <StatusBadge status={n.status} />
              </td>
              <td className="px-3 font-mono text-xs">{n.data_ip ?? n.private_ip ?? '—'}</td>
              <td className="px-3 font-mono text-xs">{n.management_ip ?? '—'}</td>
              <td className="px-3 font-mono text-xs">{n.component_names ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
