import { operations } from '@gaussdb-console/api-client/browser';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { usePermission } from '../../../../shared/api/policy';
import { serverFieldErrors } from '../../../../shared/forms/field-errors';
import { useWeakPasswordCheck } from '../../../../shared/forms/use-weak-password';
import { BffError } from '../../../../shared/lib/bff';
import { formatTime } from '../../../../shared/lib/format';
import { pushToast } from '../../../../shared/lib/toasts';
import { ErrorPanel } from '../../../../shared/ui/error-panel';
import { ErrorState, Loading } from '../../../../shared/ui/states';
import { restorePointOf, type RestorePoint } from '../../../backups/api/restore-point';
import { baseBackupFor, checkTime, joinRanges } from '../../../backups/api/restore-windows';
import { useBackup, useFullBackups } from '../../../backups/api/use-backups';
import { useInstanceSnapshot } from '../../../backups/api/use-instance-snapshot';
import { useRestoreTimes } from '../../../backups/api/use-restore-times';
import { useFlavors } from '../../../flavors/api/use-flavors';
import { useParameterTemplates } from '../../../parameters/api/use-parameter-templates';
import { useInstanceQuota } from '../../../quotas/api/use-quotas';
import { useStorageTypes } from '../../../storage/api/use-storage-types';
import { useInstance } from '../../api/use-instance';
import { useRestoreInstance } from '../../api/use-restore-instance';
import { QuotaBanner, quotaLeft } from '../create/quota-banner';
import { isQuotaError, QuotaRefusal } from '../create/quota-refusal';
import { StepAccess } from '../create/step-access';
import { StepPlacement } from '../create/step-placement';
import { StepStorage } from '../create/step-storage';
import { useStepper, WizardLayout } from '../create/wizard-layout';
import type { WizardValues } from '../create/wizard-values';
import { RestoreSummary } from './restore-summary';
import { RESTORE_SPECIALS, restorePasswordValid, restoreResolver } from './restore-schema';
import {
  prefill,
  RESTORE_STEP_FIELDS,
  RESTORE_STEPS,
  RESTORE_VOLUME_TYPES,
  restoreStepOfPath,
  sourceDiskGb,
  sourceFlavor,
  sourceName,
  toRestoreBody,
  type RestoreSourceFacts,
} from './restore-values';
import { SourceFacts, StepSource } from './step-source';
import { StepRestoreOptions } from './step-restore-options';

const restoreBody = operations.restoreToNewInstance.body;

/** The form, once the source is known: the create wizard's steps, prefilled from the source. */
function RestoreForm({ facts, stale }: { facts: RestoreSourceFacts; stale?: string }) {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const navigate = useNavigate();
  const point = facts.point;
  const atLeast = sourceDiskGb(facts);
  const pointRef = useRef<RestorePoint>(point);
  const atLeastRef = useRef(atLeast);
  const resolver = useMemo(
    () =>
      restoreResolver(
        () => pointRef.current,
        () => atLeastRef.current,
      ),
    [],
  );
  const initial = useMemo(() => prefill(facts), [facts]);
  const form = useForm<WizardValues>({ mode: 'onChange', defaultValues: initial, resolver });
  const { trigger, setError, handleSubmit, control } = form;
  const [version, mode, password] = useWatch({ control, name: ['datastore.version', 'ha.mode', 'password'] });
  const flavors = useFlavors(project, { version, ha_mode: mode }, !!version);
  const storage = useStorageTypes(project, { version, ha_mode: mode }, !!version);
  const templates = useParameterTemplates(project);
  const quotas = useInstanceQuota(project);
  const weakCheck = useWeakPasswordCheck(project, password);
  const restore = useRestoreInstance(project);
  const stepper = useStepper(RESTORE_STEPS);
  const { stepId, go, goTo, step } = stepper;
  const fullsForBase = useFullBackups(project, point.instanceId, point.type === 'timestamp');
  const base =
    point.type === 'timestamp' ? baseBackupFor(fullsForBase.data ?? [], point.restoreTime) : undefined;
  const minFlavor = useMemo(() => sourceFlavor(facts), [facts]);
  const storageRestore = useMemo(() => ({ types: RESTORE_VOLUME_TYPES, atLeastGb: atLeast }), [atLeast]);
  const left = quotaLeft(quotas.data);

  const next = async () => {
    const ok = await trigger(RESTORE_STEP_FIELDS[stepId] as FieldPath<WizardValues>[], { shouldFocus: true });
    if (stepId === 'access' && weakCheck === 'weak') {
      setError(
        'password',
        { type: 'weak', message: t('createInstance.errors.weakPassword') },
        { shouldFocus: true },
      );
      return;
    }
    if (ok) go(step + 1);
  };

  const submit = handleSubmit(
    async (values) => {
      if (weakCheck === 'weak') {
        goTo('access');
        setError('password', { type: 'weak', message: t('createInstance.errors.weakPassword') });
        return;
      }
      try {
        const result = await restore.mutateAsync(toRestoreBody(values, point));
        const id = result.instance?.id;
        const href = id
          ? `/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(id)}${result.job_id ? `?job=${encodeURIComponent(result.job_id)}` : ''}`
          : `/p/${encodeURIComponent(project)}/instances`;
        pushToast({
          tone: 'success',
          title: t('restoreInstance.started', { name: values.name, source: sourceName(facts) }),
          body: result.job_id ? t('createInstance.jobStarted', { id: result.job_id }) : undefined,
          href,
        });
        void navigate(href);
      } catch (e) {
        const fields = serverFieldErrors(e, restoreBody, restoreBody, (p) =>
          restoreStepOfPath(p) ? p : undefined,
        );
        for (const f of fields)
          setError(f.path as FieldPath<WizardValues>, { type: 'server', message: f.message });
        const first = fields[0] && restoreStepOfPath(fields[0].path);
        if (first) goTo(first);
      }
    },
    (errors) => {
      const first = RESTORE_STEPS.find((s) =>
        RESTORE_STEP_FIELDS[s].some((f) =>
          f.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], errors),
        ),
      );
      if (first) goTo(first);
    },
  );

  const flavorLabel = (code: string) => {
    const f = flavors.data?.flavors.find((x) => x.spec_code === code);
    return f
      ? t('createInstance.flavor.label', { code, vcpus: f.vcpus, ram: f.ram })
      : code || t('common.none');
  };
  const templateLabel = (id: string) => templates.data?.configurations.find((c) => c.id === id)?.name ?? id;
  const backTo = `/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(point.instanceId)}?tab=backups`;

  return (
    <>
      <QuotaBanner quota={quotas.data} isPending={quotas.isPending} isError={quotas.isError} />
      <FormProvider {...form}>
        <WizardLayout
          stepper={stepper}
          prefix="restoreInstance"
          scope="restore"
          onNext={() => void next()}
          onSubmit={(e) => void submit(e)}
          submitLabel={t('restoreInstance.submit')}
          submitting={restore.isPending}
          submittingLabel={t('restoreInstance.submitting')}
          submitDisabled={left === 0}
          submitBlockedReason={left === 0 ? t('createInstance.quota.blocked') : undefined}
          cancelHref={facts.instance ? backTo : `/p/${encodeURIComponent(project)}/recycle-bin`}
        >
          {stepId === 'source' && <StepSource facts={facts} base={base} project={project} stale={stale} />}
          {stepId === 'placement' && (
            <StepPlacement
              restore={{ minFlavor }}
              flavors={{
                flavors: flavors.data?.flavors ?? [],
                isPending: flavors.isPending,
                error: flavors.error,
                refetch: () => void flavors.refetch(),
              }}
            />
          )}
          {stepId === 'storage' && (
            <StepStorage
              restore={storageRestore}
              storage={{
                types: storage.data?.storage_type ?? [],
                isPending: storage.isPending,
                error: storage.error,
                refetch: () => void storage.refetch(),
              }}
            />
          )}
          {stepId === 'access' && (
            <StepAccess
              weakCheck={weakCheck}
              passwordRule={{ specials: RESTORE_SPECIALS, valid: restorePasswordValid }}
            />
          )}
          {stepId === 'options' && (
            <StepRestoreOptions
              templates={templates.data?.configurations ?? []}
              templatesLoading={templates.isPending}
            />
          )}
          {stepId === 'summary' && (
            <RestoreSummary
              point={point}
              source={<SourceFacts facts={facts} base={base} project={project} />}
              onEdit={goTo}
              flavorLabel={flavorLabel}
              templateLabel={templateLabel}
            />
          )}
          {restore.isError && (
            <div className="mt-4">
              <ErrorPanel
                error={restore.error}
                title={isQuotaError(restore.error) ? undefined : t('restoreInstance.submitFailed')}
              >
                {isQuotaError(restore.error) ? <QuotaRefusal quota={quotas.data} /> : null}
              </ErrorPanel>
            </div>
          )}
        </WizardLayout>
      </FormProvider>
    </>
  );
}

/** Reads what the URL names (backup or point in time) and what the source looked like then. */
function RestoreSource({ point }: { point: RestorePoint }) {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const [sp] = useSearchParams();
  const instance = useInstance(project, point.instanceId);
  const backup = useBackup(project, point.type === 'backup' ? point.backupId : undefined);
  const snapshot = useInstanceSnapshot(
    project,
    point.type === 'backup'
      ? { backup_id: point.backupId }
      : { instance_id: point.instanceId, restore_time: String(point.restoreTime) },
  );
  const time = point.type === 'timestamp' ? point.restoreTime : 0;
  const times = useRestoreTimes(project, point.instanceId, time, time, point.type === 'timestamp');
  const instanceGone =
    instance.isError && instance.error instanceof BffError && instance.error.status === 404;
  const waiting =
    snapshot.isPending ||
    (instance.isPending && instance.permitted !== false) ||
    (point.type === 'backup' && backup.isPending) ||
    times.isPending;
  // Read once, when every source read has settled (a cached instance page is checked again first: it may
  // have been deleted since); later refreshes must not re-create the form under the DBA's hands.
  const settling = waiting || instance.isFetching;
  const [facts, setFacts] = useState<RestoreSourceFacts>();
  useEffect(() => {
    if (facts || settling) return;
    setFacts({
      point,
      snapshot: snapshot.data,
      instance: instanceGone ? undefined : instance.data,
      backup: backup.data,
      name: sp.get('name') ?? undefined,
    });
  }, [facts, settling, point, snapshot.data, instance.data, instanceGone, backup.data, sp]);
  if (snapshot.isError)
    return (
      <ErrorState
        error={snapshot.error}
        title={t('restoreInstance.sourceFailed')}
        onRetry={() => void snapshot.refetch()}
      />
    );
  if (instance.isError && !instanceGone)
    return <ErrorState error={instance.error} onRetry={() => void instance.refetch()} />;
  if (!facts) return <Loading />;
  const windows = joinRanges(times.ranges);
  // The service's clock (the end of its latest window) counts, should this browser's run behind it.
  const now = Math.max(Date.now(), windows[windows.length - 1]?.end ?? 0);
  const check = point.type === 'timestamp' ? checkTime(windows, point.restoreTime, now) : undefined;
  const stale = check && !check.ok ? t('restoreInstance.stale', { time: formatTime(time).text }) : undefined;
  return <RestoreForm facts={facts} stale={stale} />;
}

/** The source instance in the breadcrumb, by name once it is known. */
function SourceCrumb({ project, instanceId }: { project: string; instanceId: string }) {
  const inst = useInstance(project, instanceId);
  return (
    <>
      <Link
        to={`/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(instanceId)}?tab=backups`}
        className="hover:underline"
      >
        {inst.data?.name ?? `${instanceId.slice(0, 8)}…`}
      </Link>
      <span aria-hidden> › </span>
    </>
  );
}

/** `/p/:project/instances/restore?instance=…&backup=…|time=…`: restore a backup or point in time to a new instance (4.7.8). */
export function RestoreInstancePage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const [sp] = useSearchParams();
  const permitted = usePermission(['restoreToNewInstance']);
  const point = useMemo(() => restorePointOf(sp), [sp]);
  const name = sp.get('name');
  useEffect(() => {
    document.title = `${t('restoreInstance.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="flex flex-col gap-3 p-4">
      <nav aria-label={t('createInstance.breadcrumb')} className="text-xs text-slate-500 dark:text-slate-400">
        <Link to={`/p/${encodeURIComponent(project)}/instances`} className="hover:underline">
          {t('nav.instances')}
        </Link>
        <span aria-hidden> › </span>
        {point && !name && permitted && <SourceCrumb project={project} instanceId={point.instanceId} />}
        <span>{t('restoreInstance.title')}</span>
      </nav>
      <h1 className="text-lg font-semibold">{t('restoreInstance.title')}</h1>
      {permitted === undefined ? (
        <Loading />
      ) : !permitted ? (
        <ErrorState error={new BffError(403, 'FORBIDDEN', t('restoreInstance.forbidden'))} />
      ) : !point ? (
        <ErrorState
          error={new BffError(400, 'BAD_REQUEST', t('restoreInstance.noSource'))}
          title={t('restoreInstance.noSourceTitle')}
        />
      ) : (
        <RestoreSource point={point} />
      )}
    </div>
  );
}
