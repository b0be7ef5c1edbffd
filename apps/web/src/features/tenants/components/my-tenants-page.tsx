import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../shared/api/session';
import { CopyId } from '../../../shared/ui/copy-id';
import { ListHeader } from '../../../shared/ui/list-header';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useMyTenants, type HeldTenant } from '../api/use-my-tenants';
import { useTenantFlavors } from '../api/use-tenant-capacity';
import { tenantPath } from '../lib/grants';
import { gb } from '../lib/tenant-rules';
import { QuotaGauge } from './quota-gauge';

/**
 * The tenant's quota against the most it could have: what its instance has left for tenants comes from 4.10.9,
 * which the BFF cuts to that one number for an owner (shared by the cards of one instance). Until it arrives,
 * or where the policy does not offer it, the quota alone.
 */
function DiskGauge({
  project,
  instanceId,
  quota,
}: {
  project: string;
  instanceId: string;
  quota: number | undefined;
}) {
  const remaining = useTenantFlavors(project, instanceId).data?.remaining_disk ?? undefined;
  return <QuotaGauge quota={quota} remaining={remaining} compact />;
}

function TenantCard({ project, held }: { project: string; held: HeldTenant }) {
  const { t } = useTranslation();
  const { tenant, instance, grant } = held;
  if (held.elsewhere) {
    return (
      <li className="rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
        <p className="font-medium">{t('tenants.mine.elsewhere', { project })}</p>
        <p className="mt-1 text-slate-600 dark:text-slate-300">{t('tenants.mine.elsewhereHint')}</p>
        <CopyId value={grant.pdb_id} />
      </li>
    );
  }
  if (!tenant) {
    return (
      <li className="rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
        <p className="font-medium">{t('tenants.mine.gone')}</p>
        <p className="mt-1 text-slate-600 dark:text-slate-300">
          {t('tenants.mine.goneHint', { instance: instance.name ?? grant.instance_id })}
        </p>
        <CopyId value={grant.pdb_id} />
      </li>
    );
  }
  return (
    <li className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-2">
        <Link
          className="text-lg font-semibold text-sky-700 hover:underline dark:text-sky-400"
          to={tenantPath(project, grant.instance_id, grant.pdb_id)}
        >
          {tenant.name ?? tenant.id}
        </Link>
        <StatusBadge status={tenant.status} />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t('tenants.mine.onInstance', { instance: instance.name ?? grant.instance_id })}
      </p>
      <dl className="grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t('tenants.col.cpu')}</dt>
          <dd className="tabular-nums">{tenant.cpu ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t('tenants.col.mem')}</dt>
          <dd className="tabular-nums">{tenant.mem == null ? '—' : `${tenant.mem} GB`}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">{t('tenants.mine.diskQuota')}</dt>
          <dd>
            <DiskGauge project={project} instanceId={grant.instance_id} quota={gb(tenant.disk)} />
          </dd>
        </div>
      </dl>
      <div className="flex flex-wrap gap-3 text-sm">
        {(['users', 'schemas', 'parameters'] as const).map((tab) => (
          <Link
            key={tab}
            className="text-sky-700 hover:underline dark:text-sky-400"
            to={`${tenantPath(project, grant.instance_id, grant.pdb_id)}?tab=${tab}`}
          >
            {t(`tenants.mine.open.${tab}`)}
          </Link>
        ))}
      </div>
    </li>
  );
}

/**
 * A tenant owner's landing page: each tenant they hold with its status, CPU, memory and disk gauge, and the way
 * into its users, schemas and parameters. Read from the session's grants alone.
 */
export function MyTenantsPage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const session = useSession().data;
  const mine = useMyTenants(project);
  useEffect(() => {
    document.title = `${t('nav.myTenants')} · ${t('app.name')}`;
  }, [t]);
  const grants = session?.role === 'tenant' ? (session.tenants ?? []) : undefined;
  return (
    <div className="flex flex-col gap-3 p-4">
      <ListHeader
        title={t('nav.myTenants')}
        updatedAt={mine.dataUpdatedAt}
        fetching={mine.isFetching}
        onRefresh={grants?.length ? () => void mine.refetch() : undefined}
      />
      {grants === undefined ? (
        <NotPermitted hint={t('tenants.mine.onlyOwners')} />
      ) : grants.length === 0 ? (
        <EmptyState title={t('tenants.mine.none')} hint={t('tenants.mine.noneHint')} />
      ) : mine.permitted === false ? (
        <NotPermitted />
      ) : mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <ul aria-label={t('nav.myTenants')} className="grid grid-cols-1 gap-3 lg:grid-cols-2 2xl:grid-cols-3">
          {mine.data.map((h) => (
            <TenantCard key={`${h.grant.instance_id}/${h.grant.pdb_id}`} project={project} held={h} />
          ))}
        </ul>
      )}
    </div>
  );
}
