import type { Instance } from '@gaussdb-console/api-client/browser';
import { GitCompare } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../../shared/api/policy';
import { formatTime } from '../../../shared/lib/format';
import { sameTab } from '../../../shared/parameters/leave-guard';
import { StagedParameterEditor } from '../../../shared/parameters/staged-parameter-editor';
import { useParameterFilters } from '../../../shared/parameters/use-parameter-filters';
import { useStagedEdits } from '../../../shared/parameters/use-staged-edits';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { instanceDeployment, toEditable } from '../api/template-scope';
import { useDefaultParameters } from '../api/use-default-parameters';
import { useInstanceParameters } from '../api/use-instance-parameters';
import { useModifyInstanceParameters } from '../api/use-modify-instance-parameters';
import { comparePath } from '../lib/labels';
import { RestartBanner } from './restart-banner';
import { RoleHint } from './role-hint';

/** Statuses in which the service accepts parameter changes (others answer DBS.212033 or DBS.200086). */
const MODIFIABLE = ['ACTIVE', 'STORAGE FULL', 'UPGRADE TO BE OBSERVED'];

/**
 * The instance page's "Parameters" tab (4.5.2, 4.5.3): every parameter in effect with its default, staged
 * edits sent together, the restart banner while a change waits for one, and the way to compare.
 */
export function InstanceParametersTab({ project, instance }: { project: string; instance: Instance }) {
  const { t } = useTranslation();
  const can = useCan();
  const params = useInstanceParameters(project, instance.id);
  const defaults = useDefaultParameters(
    project,
    params.data?.datastore_version ?? instance.datastore?.version ?? undefined,
    instanceDeployment(instance),
  );
  const { filters, onFiltersChange } = useParameterFilters();
  const parameters = useMemo(
    () =>
      (params.data?.configuration_parameters ?? []).map((p) =>
        toEditable(p, defaults.values, defaults.readonly),
      ),
    [params.data, defaults.values, defaults.readonly],
  );
  const staged = useStagedEdits(parameters);
  const modify = useModifyInstanceParameters(project, instance.id);
  const mayEdit = can('modifyInstanceParameters');
  const modifiable = MODIFIABLE.includes(instance.status);

  if (params.permitted === false) return <NotPermitted />;
  if (params.isPending) return <Loading />;
  if (params.isError) return <ErrorState error={params.error} onRetry={() => void params.refetch()} />;
  const statusWord = t(`status.${instance.status.replace(/\s+/g, '_')}`, { defaultValue: instance.status });
  return (
    <div className="flex flex-col gap-3">
      <RestartBanner project={project} instance={instance} />
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t('parameters.instance.summary', {
            version: params.data.datastore_version ?? '—',
            updated: formatTime(params.data.updated).text,
          })}
          {defaults.template && (
            <> {t('parameters.instance.defaultsFrom', { name: defaults.template.name })}</>
          )}
        </p>
        <Link
          className="ml-auto inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          to={comparePath(
            project,
            `i:${instance.id}`,
            defaults.template ? `t:${defaults.template.id}` : undefined,
          )}
        >
          <GitCompare className="size-4" aria-hidden />
          {t('parameters.instance.compare')}
        </Link>
      </div>
      <RoleHint scope="instance" />
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <StagedParameterEditor
          parameters={parameters}
          staged={staged}
          readOnly={!mayEdit || !modifiable}
          note={
            mayEdit && !modifiable
              ? t('parameters.instance.notModifiable', { status: statusWord })
              : undefined
          }
          filters={filters}
          onFiltersChange={onFiltersChange}
          label={t('parameters.instance.caption', { name: instance.name })}
          reviewLabel={t('parameters.instance.review')}
          isSamePage={sameTab('overview')}
          apply={{
            title: t('parameters.instance.applyTitle', { name: instance.name }),
            label: t('parameters.instance.apply', { count: staged.changes.length }),
            restartNote: t('parameters.instance.restartNote', { count: staged.needRestart.length }),
            onApply: async (values) => {
              await modify.mutateAsync({ values, restartNames: staged.needRestart.map((c) => c.name) });
              staged.discard();
            },
          }}
        />
      </section>
    </div>
  );
}
