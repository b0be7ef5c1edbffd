import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useLiveJobs } from '../../../shared/api/job-keys';
import { useSession } from '../../../shared/api/session';
import { CopyId } from '../../../shared/ui/copy-id';
import { JobProgress } from '../../../shared/ui/job-progress';
import { NotYours } from '../../../shared/ui/not-yours';
import { EmptyState, ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useInstance } from '../../instances/api/use-instance';
import { isTenantBusy, runningTenantJob } from '../api/tenant-status';
import { notInThisProject } from '../api/use-my-tenants';
import { useTenantFlavors, useTenantTemplates } from '../api/use-tenant-capacity';
import { useTenant } from '../api/use-tenants';
import type { TenantTabProps } from './tenant-tab';
import { mayOpenTenant, myTenantsPath } from '../lib/grants';
import { gb } from '../lib/tenant-rules';
import { QuotaGauge } from './quota-gauge';
import { TenantNodes } from './tenant-nodes';
import { TenantActionButtons } from './tenant-row-actions';
import { TenantParametersTab } from './tenant-parameters-tab';
import { TenantSchemasTab } from './tenant-schemas-tab';
import { tenantTime } from './tenant-table';
import { TenantUsersTab } from './tenant-users-tab';

const TABS: readonly { key: string; Component: ComponentType<TenantTabProps> }[] = [
  { key: 'users', Component: TenantUsersTab },
  { key: 'schemas', Component: TenantSchemasTab },
  { key: 'parameters', Component: TenantParametersTab },
  { key: 'nodes', Component: TenantNodes },
];

/**
 * One tenant, for a DBA or for the owner who holds it: header (name, status, CPU, memory, disk quota, the DBA's
 * actions), then its database users, schemas and parameters, and its nodes. A tenant owner at the address of a
 * tenant they do not hold gets "not yours" before anything is requested.
 */
export function TenantDetailPage() {
  const session = useSession().data;
  const { project = '', instanceId = '', pdbId = '' } = useParams();
  if (!mayOpenTenant(session, instanceId, pdbId)) return <NotYours home={myTenantsPath(project)} />;
  return <TenantDetail project={project} instanceId={instanceId} pdbId={pdbId} />;
}

function TenantDetail(props: { project: string; instanceId: string; pdbId: string }) {
  const { t } = useTranslation();
  const { project, instanceId, pdbId } = props;
  const owner = useSession().data?.role === 'tenant';
  const tenant = useTenant(project, instanceId, pdbId);
  const instance = useInstance(project, instanceId);
  // What the instance has left for tenants, for the disk gauge (to an owner the BFF answers that number alone).
  const flavors = useTenantFlavors(project, instanceId);
  // The template the tenant was created from, by name (4.10.8; not an owner's call: they see none).
  const templates = useTenantTemplates(project, instanceId, !owner);
  // The live feed is a DBA's (an owner may not read jobs: for them it stays empty).
  const liveJobs = useLiveJobs(project);
  const [sp, setSp] = useSearchParams();
  const navigate = useNavigate();
  const tn = tenant.data;
  const instanceTenants = `/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(instanceId)}?tab=tenants`;
  useEffect(() => {
    if (tn)
      document.title = `${tn.name ?? tn.id} · ${owner ? t('nav.myTenants') : t('nav.tenants')} · ${t('app.name')}`;
  }, [tn, owner, t]);

  if (tenant.permitted === false) return <NotPermitted />;
  if (tenant.isPending) return <Loading />;
  // An owner's tenant opened under another project than its instance's: the grant does not say which project,
  // so the page says where to look rather than showing the service's "no such instance".
  if (owner && tenant.isError && notInThisProject(tenant.error))
    return <NotYours home={myTenantsPath(project)} hint={t('tenants.detail.otherProject', { project })} />;
  if (tenant.isError) return <ErrorState error={tenant.error} onRetry={() => void tenant.refetch()} />;
  if (!tn) {
    return (
      <EmptyState
        title={t('tenants.detail.gone')}
        hint={t('tenants.detail.goneHint')}
        action={
          <Link
            className="text-sm text-sky-700 underline dark:text-sky-400"
            to={owner ? myTenantsPath(project) : instanceTenants}
          >
            {owner ? t('nav.myTenants') : t('tenants.detail.toList')}
          </Link>
        }
      />
    );
  }

  const ref = { project, instanceId, pdbId, name: tn.name ?? tn.id };
  const ready = String(tn.status ?? '').toLowerCase() === 'normal';
  const tabs = TABS;
  const tab = tabs.some((x) => x.key === sp.get('tab')) ? (sp.get('tab') as string) : 'users';
  const instanceName = instance.data?.name ?? instanceId;
  const created = tenantTime(tn.created);
  const job = runningTenantJob(tn, instanceId, liveJobs);
  const template = templates.data?.configurations.find((c) => c.id === tn.config_id)?.name;
  return (
    <div className="flex flex-col gap-4 p-4">
      <nav aria-label={t('detail.breadcrumbs')} className="text-sm text-slate-500 dark:text-slate-400">
        {owner ? (
          <Link className="hover:underline" to={myTenantsPath(project)}>
            {t('nav.myTenants')}
          </Link>
        ) : (
          <>
            <Link className="hover:underline" to={`/p/${encodeURIComponent(project)}/tenants`}>
              {t('nav.tenants')}
            </Link>
            <span className="mx-1.5" aria-hidden>
              ›
            </span>
            <Link className="hover:underline" to={instanceTenants}>
              {instanceName}
            </Link>
          </>
        )}
        <span className="mx-1.5" aria-hidden>
          ›
        </span>
        <span aria-current="page" className="text-slate-800 dark:text-slate-200">
          {tn.name}
        </span>
      </nav>
      <header className="flex flex-wrap items-start gap-4 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold">{tn.name}</h1>
            <StatusBadge status={tn.status} />
          </div>
          <CopyId value={tn.id} />
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <Fact label={t('tenants.col.instance')}>{instanceName}</Fact>
            <Fact label={t('tenants.col.cpu')}>{tn.cpu ?? '—'}</Fact>
            <Fact label={t('tenants.col.mem')}>{tn.mem == null ? '—' : `${tn.mem} GB`}</Fact>
            <Fact label={t('tenants.col.disk')}>
              <QuotaGauge quota={gb(tn.disk)} remaining={flavors.data?.remaining_disk ?? undefined} />
            </Fact>
            {tn.az_code && <Fact label={t('tenants.col.az')}>{tn.az_code}</Fact>}
            {template && <Fact label={t('tenants.fields.template')}>{template}</Fact>}
            <Fact label={t('tenants.col.created')}>
              <span title={created.title}>{created.text}</span>
            </Fact>
          </dl>
          {isTenantBusy(tn) && (
            <div
              role="status"
              className="mt-2 flex max-w-md flex-col gap-1 text-sm text-sky-800 dark:text-sky-300"
            >
              <p>{t('tenants.detail.busy')}</p>
              {job && (
                <JobProgress
                  value={job.progress}
                  label={t(`jobs.names.${job.name}`, { defaultValue: job.name })}
                />
              )}
            </div>
          )}
        </div>
        {!owner && (
          <TenantActionButtons
            project={project}
            instanceId={instanceId}
            instanceName={instanceName}
            tenant={tn}
            onDeleted={() => void navigate(instanceTenants)}
          />
        )}
      </header>
      <Tabs.Root
        value={tab}
        onValueChange={(v) =>
          setSp(
            (p) => {
              const n = new URLSearchParams(p);
              n.set('tab', v);
              return n;
            },
            { replace: true },
          )
        }
      >
        <Tabs.List
          aria-label={t('detail.tabs')}
          className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800"
        >
          {tabs.map((x) => (
            <Tabs.Trigger
              key={x.key}
              value={x.key}
              className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-slate-600 hover:text-slate-900 data-[state=active]:border-sky-600 data-[state=active]:font-medium data-[state=active]:text-sky-800 dark:text-slate-300 dark:data-[state=active]:text-sky-300"
            >
              {t(`tenants.detail.tab.${x.key}`)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {tabs.map((x) => (
          <Tabs.Content key={x.key} value={x.key}>
            {tab === x.key && <x.Component tenant={ref} info={tn} ready={ready} />}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-1.5">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
