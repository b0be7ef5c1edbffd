import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../../shared/api/policy';
import { formatTime } from '../../../shared/lib/format';
import { Button } from '../../../shared/ui/button';
import { CopyId } from '../../../shared/ui/copy-id';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { deploymentOf, toEditable } from '../api/template-scope';
import { useDefaultParameters } from '../api/use-default-parameters';
import { useParameterTemplate } from '../api/use-parameter-template';
import { useAllParameterTemplates } from '../api/use-parameter-templates';
import { isModified } from '../../../shared/parameters/staged-parameter-table';
import { comparePath, deploymentText } from '../lib/labels';
import { ApplyHistoryTab } from './apply-history-tab';
import { ApplyTemplateDialog } from './apply-template-dialog';
import { CopyTemplateDialog } from './copy-template-dialog';
import { DeleteTemplateDialog } from './delete-template-dialog';
import { KindBadge } from './kind-badge';
import { ModifyHistoryTab } from './modify-history-tab';
import { ResetTemplateDialog } from './reset-template-dialog';
import { RoleHint } from './role-hint';
import { TemplateInstancesTab } from './template-instances-tab';
import { TemplateParametersTab } from './template-parameters-tab';

const TABS = ['parameters', 'instances', 'applied', 'history'] as const;
type Tab = (typeof TABS)[number];

/** One template (4.5.6): its facts and actions, then its parameters, instances and histories as tabs. */
export function TemplateDetailPage() {
  const { t } = useTranslation();
  const { project = '', configId = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const detail = useParameterTemplate(project, configId);
  const list = useAllParameterTemplates(project);
  const listed = list.data?.find((x) => x.id === configId);
  const version = detail.data?.engine_version ?? listed?.datastore_version ?? undefined;
  const deployment = deploymentOf(listed?.ha_mode ?? detail.data?.instance_mode);
  const defaults = useDefaultParameters(project, version, deployment);
  const [dialog, setDialog] = useState<'apply' | 'copy' | 'reset' | 'delete'>();
  const parameters = useMemo(
    () => (detail.data?.configuration_parameters ?? []).map((p) => toEditable(p, defaults.values)),
    [detail.data, defaults.values],
  );
  useEffect(() => {
    if (detail.data) document.title = `${detail.data.name} · ${t('nav.parameters')} · ${t('app.name')}`;
  }, [detail.data, t]);

  if (detail.permitted === false) return <NotPermitted />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const tpl = detail.data;
  // 4.5.6 does not say whether a template is the system's: the list (4.5.1) does (unknown until it answers,
  // so nothing only a user template allows is offered before).
  const userDefined = listed ? listed.user_defined !== false : undefined;
  const tab: Tab = (TABS as readonly string[]).includes(sp.get('tab') ?? '')
    ? (sp.get('tab') as Tab)
    : 'parameters';
  const modified = defaults.values ? parameters.filter(isModified).length : undefined;
  const fact = (label: string, value: string) => (
    <div className="flex gap-1.5">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="flex flex-col gap-4 p-4">
      <nav aria-label={t('parameters.breadcrumbs')} className="text-sm text-slate-500 dark:text-slate-400">
        <Link className="hover:underline" to={`/p/${encodeURIComponent(project)}/parameters`}>
          {t('nav.parameters')}
        </Link>
        <span className="mx-1.5" aria-hidden>
          ›
        </span>
        <span aria-current="page" className="text-slate-800 dark:text-slate-200">
          {tpl.name}
        </span>
      </nav>
      <header className="flex flex-wrap items-start gap-4 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold break-all">{tpl.name}</h1>
            {userDefined !== undefined && <KindBadge userDefined={userDefined} />}
          </div>
          <CopyId value={tpl.id} />
          {tpl.description && (
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{tpl.description}</p>
          )}
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {fact(t('parameters.col.version'), version ?? '—')}
            {fact(t('parameters.col.deployment'), deploymentText(t, deployment, tpl.instance_mode))}
            {fact(t('parameters.detail.parameters'), String(parameters.length))}
            {modified !== undefined && fact(t('parameters.detail.differFromDefault'), String(modified))}
            {fact(t('parameters.detail.created'), formatTime(tpl.created_at).text)}
            {fact(t('parameters.detail.updated'), formatTime(tpl.updated_at).text)}
          </dl>
          {userDefined === false && (
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
              {t('parameters.detail.systemHint')}
            </p>
          )}
          <div className="mt-2">
            <RoleHint scope="templates" />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          {can('applyParameterTemplate') && (
            <Button variant="primary" onClick={() => setDialog('apply')}>
              {t('parameters.actions.apply')}
            </Button>
          )}
          <Link
            to={comparePath(
              project,
              `t:${tpl.id}`,
              defaults.template && defaults.template.id !== tpl.id ? `t:${defaults.template.id}` : undefined,
            )}
            className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            {t('parameters.actions.compareWithShort')}
          </Link>
          {can('copyParameterTemplate') && (
            <Button onClick={() => setDialog('copy')}>{t('parameters.actions.copy')}</Button>
          )}
          {userDefined && can('resetParameterTemplate') && (
            <Button onClick={() => setDialog('reset')}>{t('parameters.actions.reset')}</Button>
          )}
          {userDefined && can('deleteParameterTemplate') && (
            <Button variant="danger" onClick={() => setDialog('delete')}>
              {t('parameters.actions.delete')}
            </Button>
          )}
        </div>
      </header>
      <Tabs.Root
        value={tab}
        // Filters and paging belong to one tab: a new tab starts without them.
        onValueChange={(v) => setSp({ tab: v }, { replace: true })}
      >
        <Tabs.List
          aria-label={t('parameters.detail.tabs')}
          className="mb-3 flex gap-1 border-b border-slate-200 dark:border-slate-800"
        >
          {TABS.map((k) => (
            <Tabs.Trigger
              key={k}
              value={k}
              className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-slate-600 hover:text-slate-900 data-[state=active]:border-sky-600 data-[state=active]:font-medium data-[state=active]:text-sky-800 dark:text-slate-300 dark:data-[state=active]:text-sky-300"
            >
              {t(`parameters.detail.tab.${k}`)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="parameters">
          {tab === 'parameters' && (
            <TemplateParametersTab
              project={project}
              template={tpl}
              deployment={deployment}
              version={version}
              parameters={parameters}
            />
          )}
        </Tabs.Content>
        <Tabs.Content value="instances">
          {tab === 'instances' && (
            <TemplateInstancesTab project={project} template={tpl} onApply={() => setDialog('apply')} />
          )}
        </Tabs.Content>
        <Tabs.Content value="applied">
          {tab === 'applied' && <ApplyHistoryTab project={project} configId={tpl.id} />}
        </Tabs.Content>
        <Tabs.Content value="history">
          {tab === 'history' && <ModifyHistoryTab project={project} configId={tpl.id} />}
        </Tabs.Content>
      </Tabs.Root>
      {dialog === 'apply' && (
        <ApplyTemplateDialog
          project={project}
          template={tpl}
          open
          onOpenChange={(o) => !o && setDialog(undefined)}
          onShowHistory={() => {
            setDialog(undefined);
            setSp({ tab: 'applied' }, { replace: true });
          }}
        />
      )}
      {dialog === 'copy' && (
        <CopyTemplateDialog
          project={project}
          template={tpl}
          open
          onOpenChange={(o) => !o && setDialog(undefined)}
        />
      )}
      {dialog === 'reset' && (
        <ResetTemplateDialog
          project={project}
          template={tpl}
          changed={modified}
          open
          onOpenChange={(o) => !o && setDialog(undefined)}
        />
      )}
      {dialog === 'delete' && (
        <DeleteTemplateDialog
          project={project}
          template={tpl}
          open
          onOpenChange={(o) => !o && setDialog(undefined)}
          onDeleted={() => navigate(`/p/${encodeURIComponent(project)}/parameters`, { replace: true })}
        />
      )}
    </div>
  );
}
