import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJob } from '../../../shared/api/jobs';
import { useCan } from '../../../shared/api/policy';
import { parseProgress } from '../../../shared/lib/format';
import { sameTab } from '../../../shared/parameters/leave-guard';
import type { EditableParameter } from '../../../shared/parameters/parameter-rules';
import { StagedParameterEditor } from '../../../shared/parameters/staged-parameter-editor';
import { useParameterFilters } from '../../../shared/parameters/use-parameter-filters';
import { useStagedEdits } from '../../../shared/parameters/use-staged-edits';
import { JobProgress } from '../../../shared/ui/job-progress';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { tenantKeys } from '../api/tenant-keys';
import { isTenantBusy } from '../api/tenant-status';
import { useModifyTenantParameters } from '../api/use-modify-tenant-parameters';
import { useTenantParameters } from '../api/use-tenant-objects';
import type { TenantTabProps } from './tenant-tab';

/** 4.10.7 declares `restart_required` a string; the example sends a boolean (D.13). */
const truthy = (v: unknown) => v === true || String(v).toLowerCase() === 'true';

/**
 * The tenant's parameters (4.10.7) in the console's one staged editor: edits are checked against each
 * parameter's type and range as they are typed, reviewed as a diff, and sent together (4.10.6). The change
 * runs as a job: a DBA follows its progress; a tenant owner (who may not read jobs) sees the tenant being
 * changed until it is done, and the values are read again then.
 */
export function TenantParametersTab({ tenant, info, ready }: TenantTabProps) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const params = useTenantParameters(tenant);
  const { filters, onFiltersChange } = useParameterFilters();
  const parameters = useMemo<EditableParameter[]>(
    () =>
      (params.data?.configuration_parameters ?? []).map((p) => ({
        name: p.name,
        value: p.value ?? '',
        type: p.type ?? 'string',
        range: p.value_range ?? undefined,
        restart: truthy(p.restart_required),
        description: p.description ?? undefined,
      })),
    [params.data],
  );
  const staged = useStagedEdits(parameters);
  const modify = useModifyTenantParameters(tenant);
  const [jobId, setJobId] = useState<string>();
  const job = useJob(tenant.project, jobId);
  const busy = isTenantBusy(info);
  // When the change that was running ends, the values it set are read again.
  const wasBusy = useRef(busy);
  useEffect(() => {
    if (wasBusy.current && !busy)
      void qc.invalidateQueries({
        queryKey: tenantKeys.parameters(tenant.project, tenant.instanceId, tenant.pdbId),
      });
    wasBusy.current = busy;
  }, [busy, qc, tenant.project, tenant.instanceId, tenant.pdbId]);

  if (params.permitted === false) return <NotPermitted />;
  if (params.isPending) return <Loading />;
  if (params.isError) return <ErrorState error={params.error} onRetry={() => void params.refetch()} />;
  const mayEdit = can('modifyTenantParameters');
  const running = job.data?.job;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {t('tenants.parameters.summary', {
          version: params.data.datastore_version ?? '—',
          count: parameters.length,
        })}
      </p>
      {(busy || running?.status === 'Running') && (
        <div
          role="status"
          className="max-w-xl rounded-md border border-sky-200 bg-sky-50 p-2.5 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-200"
        >
          <p>{t('tenants.parameters.applying')}</p>
          {running && (
            <JobProgress
              value={parseProgress(running.progress ?? running.process)}
              label={t('jobs.names.ModifyGaussDBV5TenantParameters')}
            />
          )}
        </div>
      )}
      {running?.status === 'Failed' && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {t('tenants.parameters.failed', { reason: running.fail_reason ?? '' })}
        </p>
      )}
      <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <StagedParameterEditor
          parameters={parameters}
          staged={staged}
          readOnly={!mayEdit || !ready}
          note={
            mayEdit && !ready
              ? t('tenants.detail.notReady')
              : mayEdit
                ? undefined
                : t('tenants.parameters.readOnly')
          }
          filters={filters}
          onFiltersChange={onFiltersChange}
          label={t('tenants.parameters.caption', { name: tenant.name })}
          reviewLabel={t('tenants.parameters.review')}
          isSamePage={sameTab('users')}
          apply={{
            title: t('tenants.parameters.applyTitle', { name: tenant.name }),
            label: t('tenants.parameters.apply', { count: staged.changes.length }),
            restartNote: t('tenants.parameters.restartNote', { count: staged.needRestart.length }),
            note: (
              <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
                {t('tenants.parameters.jobNote')}
              </p>
            ),
            onApply: async (values) => {
              const answer = await modify.mutateAsync(values);
              setJobId(answer.job_id);
              staged.discard();
            },
          }}
        />
      </section>
    </div>
  );
}
