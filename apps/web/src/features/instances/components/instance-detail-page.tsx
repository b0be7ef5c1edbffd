import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, useState, type ComponentType } from 'react';
import type { Instance } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { Link, useParams, useSearchParams } from 'react-router';
import { useJob, useLiveJobs } from '../../../shared/api/jobs';
import { CopyId } from '../../../shared/ui/copy-id';
import { JobProgress } from '../../../shared/ui/job-progress';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { StatusBadge } from '../../../shared/ui/status-badge';
import { useInstance } from '../api/use-instance';
import { InstanceActions } from './detail/instance-actions';
import { OverviewTab, type OverviewSlot } from './detail/overview-tab';
import { TopologyTab } from './detail/topology-tab';
import { deploymentLabel } from './instance-columns';
import { parseProgress } from '../../../shared/lib/format';

/**
 * A tab of the instance page that another area adds (parameters, backups, tenants...): the app composes
 * them (app/instance-tabs.ts), so this feature never imports another feature's pages.
 */
export interface InstanceTab {
  key: string;
  /** i18n key of the tab's name. */
  label: string;
  /** Whether the tab applies to this instance for this role (e.g. tenants only on multi-tenant instances). */
  shows?: (instance: Instance, can: (operationId: string) => boolean) => boolean;
  Component: ComponentType<{ project: string; instance: Instance }>;
}

const OWN_TABS = ['overview', 'topology'] as const;

/** An instance's header (name, status, key facts, actions, the running job) and its tabs. */
export function InstanceDetailPage({
  tabs: extra = [],
  storageSlot,
}: {
  tabs?: readonly InstanceTab[];
  /** Drawn under the overview's disk gauge (the storage forecast), composed by the app. */
  storageSlot?: OverviewSlot;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { project = '', instanceId = '' } = useParams();
  const [sp, setSp] = useSearchParams();
  const inst = useInstance(project, instanceId);
  const live = useLiveJobs(project);
  const [followJob, setFollowJob] = useState<string | undefined>(sp.get('job') ?? undefined);
  const followed = useJob(project, followJob);
  const liveJob = Object.values(live ?? {}).find((j) => j.instance?.id === instanceId);
  const running = liveJob ?? (followed.data?.job?.status === 'Running' ? followed.data.job : undefined);
  useEffect(() => {
    if (inst.data) document.title = `${inst.data.name} · ${t('nav.instances')} · ${t('app.name')}`;
  }, [inst.data, t]);

  if (inst.permitted === false) return <NotPermitted />;
  if (inst.isPending) return <Loading />;
  if (inst.isError) return <ErrorState error={inst.error} onRetry={() => void inst.refetch()} />;
  const i = inst.data;
  const added = extra.filter((x) => !x.shows || x.shows(i, can));
  const keys: string[] = [...OWN_TABS, ...added.map((x) => x.key)];
  const tab = keys.includes(sp.get('tab') ?? '') ? (sp.get('tab') as string) : 'overview';
  return (
    <div className="flex flex-col gap-4 p-4">
      <nav aria-label={t('detail.breadcrumbs')} className="text-sm text-slate-500 dark:text-slate-400">
        <Link className="hover:underline" to={`/p/${encodeURIComponent(project)}/instances`}>
          {t('nav.instances')}
        </Link>
        <span className="mx-1.5" aria-hidden>
          ›
        </span>
        <span aria-current="page" className="text-slate-800 dark:text-slate-200">
          {i.name}
        </span>
      </nav>
      <header className="flex flex-wrap items-start gap-4 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold">{i.name}</h1>
            <StatusBadge status={i.status} />
          </div>
          <CopyId value={i.id} />
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div className="flex gap-1.5">
              <dt className="text-slate-500 dark:text-slate-400">{t('overview.deployment')}</dt>
              <dd>{deploymentLabel(t, i)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-500 dark:text-slate-400">{t('overview.engine')}</dt>
              <dd>
                {i.datastore?.type} {i.datastore?.version}
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-500 dark:text-slate-400">{t('overview.flavor')}</dt>
              <dd>
                {i.flavor_info
                  ? t('instances.vcpuRam', { vcpu: i.flavor_info.vcpu ?? '?', ram: i.flavor_info.mem ?? '?' })
                  : i.flavor_ref}
              </dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-500 dark:text-slate-400">{t('overview.endpoint')}</dt>
              <dd className="font-mono text-xs leading-5">
                {(i.private_ips ?? [])[0] ? `${(i.private_ips ?? [])[0]}:${i.port ?? '—'}` : '—'}
              </dd>
            </div>
          </dl>
          {running && (
            <div className="mt-3 max-w-md" aria-live="polite">
              <p className="mb-1 text-xs text-slate-600 dark:text-slate-300">
                {t(`jobs.names.${running.name}`, { defaultValue: running.name })}
              </p>
              <JobProgress
                value={
                  typeof running.progress === 'number' ? running.progress : parseProgress(running.progress)
                }
              />
            </div>
          )}
        </div>
        <InstanceActions project={project} instance={i} onJob={setFollowJob} />
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
          {keys.map((k) => (
            <Tabs.Trigger
              key={k}
              value={k}
              className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-slate-600 hover:text-slate-900 data-[state=active]:border-sky-600 data-[state=active]:font-medium data-[state=active]:text-sky-800 dark:text-slate-300 dark:data-[state=active]:text-sky-300"
            >
              {t(added.find((x) => x.key === k)?.label ?? `detail.tab.${k}`)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="overview">
          <OverviewTab project={project} instance={i} storageSlot={storageSlot} />
        </Tabs.Content>
        <Tabs.Content value="topology">
          <TopologyTab project={project} instance={i} />
        </Tabs.Content>
        {added.map((x) => (
          <Tabs.Content key={x.key} value={x.key}>
            {tab === x.key && <x.Component project={project} instance={i} />}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </div>
  );
}
