import { useQuery } from '@tanstack/react-query';
import { policyQuery, useCan } from '../../../../shared/api/policy';
import { BffError } from '../../../../shared/lib/bff';
import { ErrorState } from '../../../../shared/ui/states';
import { useEffect, useMemo, useRef } from 'react';
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../../../shared/api/session';
import { pushToast } from '../../../../shared/lib/toasts';
import { useCreateInstance } from '../../api/use-create-instance';
import { useDatastoreVersions } from '../../../flavors/api/use-datastore-versions';
import { useFlavors } from '../../../flavors/api/use-flavors';
import { useParameterTemplates } from '../../../parameters/api/use-parameter-templates';
import { usePredefinedTags } from '../../../tags/api/use-predefined-tags';
import { useInstanceQuota as useQuotas } from '../../../quotas/api/use-quotas';
import { useStorageTypes } from '../../../storage/api/use-storage-types';
import { QuotaBanner, quotaLeft } from './quota-banner';
import { operations } from '@gaussdb-console/api-client/browser';
import { serverFieldErrors } from '../../../../shared/forms/field-errors';
import { ErrorPanel } from '../../../../shared/ui/error-panel';
import { useNetworkChoices } from '../../api/use-network-choices';
import { StepAccess } from './step-access';
import { StepBasics } from './step-basics';
import { useStepper, WizardLayout } from './wizard-layout';
import { StepOptions } from './step-options';
import { StepPlacement } from './step-placement';
import { StepStorage } from './step-storage';
import { StepSummary } from './step-summary';
import { isQuotaError, QuotaRefusal } from './quota-refusal';
import { useWeakPasswordCheck } from '../../../../shared/forms/use-weak-password';
import { wizardResolver } from './wizard-schema';
import { volumeRule } from './rule-text';
import {
  defaultValues,
  shardCount,
  STEP_FIELDS,
  STEPS,
  stepOfPath,
  toCreateBody,
  toTagsBody,
  type WizardValues,
} from './wizard-values';

const newestFirst = (a: string, b: string) => b.localeCompare(a, undefined, { numeric: true });

/** `/p/:project/instances/new`: the create-instance wizard (4.4.1). */
function CreateInstanceForm() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const navigate = useNavigate();
  const region = useSession().data?.projects.find((p) => p.name === project)?.region ?? '';
  const regionRef = useRef(region);
  regionRef.current = region;
  const resolver = useMemo(() => wizardResolver(() => regionRef.current), []);
  const form = useForm<WizardValues>({ mode: 'onChange', defaultValues: defaultValues(), resolver });
  const { setValue, trigger, setError, handleSubmit, control } = form;
  const [version, mode, password] = useWatch({ control, name: ['datastore.version', 'ha.mode', 'password'] });

  const versions = useDatastoreVersions(project);
  const flavors = useFlavors(project, { version, ha_mode: mode }, !!version);
  const storage = useStorageTypes(project, { version, ha_mode: mode }, !!version);
  const quotas = useQuotas(project);
  const templates = useParameterTemplates(project);
  const predefinedTags = usePredefinedTags(project);
  const create = useCreateInstance(project);
  const weakCheck = useWeakPasswordCheck(project, password);
  const network = useNetworkChoices(project);

  // Arriving at the storage step for the first time: offer the smallest size the rule allows; at the
  // network step, the VPC and subnet most of the project's instances use.
  const stepper = useStepper(STEPS, (s) => {
    if (s === 'storage' && form.getValues('volume.size') === '')
      setValue('volume.size', String(volumeRule(shardCount(form.getValues())).min));
    const vpc = network.data?.vpcs[0]?.id;
    if (s === 'access' && vpc && form.getValues('vpc_id') === '' && form.getValues('subnet_id') === '') {
      setValue('vpc_id', vpc);
      setValue('subnet_id', network.data?.subnets[vpc]?.[0]?.id ?? '');
    }
  });
  const { step, stepId, go, goTo } = stepper;
  const sortedVersions = useMemo(
    () => [...(versions.data?.versions ?? [])].sort(newestFirst),
    [versions.data],
  );
  const left = quotaLeft(quotas.data);

  useEffect(() => {
    document.title = `${t('createInstance.title')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    const newest = sortedVersions[0];
    if (!form.getValues('datastore.version') && newest) setValue('datastore.version', newest);
  }, [sortedVersions, form, setValue]);

  const next = async () => {
    const ok = await trigger(STEP_FIELDS[stepId] as FieldPath<WizardValues>[], { shouldFocus: true });
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
        const result = await create.mutateAsync({
          body: toCreateBody(values, region),
          tags: toTagsBody(values),
        });
        const id = result.created.instance.id;
        const href = `/p/${encodeURIComponent(project)}/instances/${encodeURIComponent(id)}`;
        pushToast({
          tone: 'success',
          title: t('createInstance.created', { name: values.name }),
          body: result.created.job_id
            ? t('createInstance.jobStarted', { id: result.created.job_id })
            : undefined,
          href,
        });
        if (result.tagsError) pushToast({ tone: 'error', title: t('createInstance.tagsFailed'), href });
        void navigate(href);
      } catch (e) {
        const createBody = operations.createInstance.body;
        const fields = serverFieldErrors(e, createBody, createBody, (p) => (stepOfPath(p) ? p : undefined));
        for (const f of fields)
          setError(f.path as FieldPath<WizardValues>, { type: 'server', message: f.message });
        const first = fields[0] && stepOfPath(fields[0].path);
        if (first) goTo(first);
      }
    },
    (errors) => {
      const first = STEPS.find((s) =>
        STEP_FIELDS[s].some((f) =>
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

  return (
    <div className="flex flex-col gap-3 p-4">
      <nav aria-label={t('createInstance.breadcrumb')} className="text-xs text-slate-500 dark:text-slate-400">
        <Link to={`/p/${encodeURIComponent(project)}/instances`} className="hover:underline">
          {t('nav.instances')}
        </Link>
        <span aria-hidden> › </span>
        <span>{t('createInstance.title')}</span>
      </nav>
      <h1 className="text-lg font-semibold">{t('createInstance.title')}</h1>
      <QuotaBanner quota={quotas.data} isPending={quotas.isPending} isError={quotas.isError} />

      <FormProvider {...form}>
        <WizardLayout
          stepper={stepper}
          prefix="createInstance"
          scope="create"
          onNext={() => void next()}
          onSubmit={(e) => void submit(e)}
          submitLabel={t('createInstance.submit')}
          submitting={create.isPending}
          submittingLabel={t('createInstance.creating')}
          submitDisabled={left === 0}
          submitBlockedReason={left === 0 ? t('createInstance.quota.blocked') : undefined}
          cancelHref={`/p/${encodeURIComponent(project)}/instances`}
        >
          {stepId === 'basics' && (
            <StepBasics versions={sortedVersions} versionsLoading={versions.isPending} />
          )}
          {stepId === 'placement' && (
            <StepPlacement
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
              storage={{
                types: storage.data?.storage_type ?? [],
                isPending: storage.isPending,
                error: storage.error,
                refetch: () => void storage.refetch(),
              }}
            />
          )}
          {stepId === 'access' && <StepAccess weakCheck={weakCheck} network={network.data} />}
          {stepId === 'options' && (
            <StepOptions
              templates={templates.data?.configurations ?? []}
              templatesLoading={templates.isPending}
              predefinedTags={predefinedTags.data ?? []}
            />
          )}
          {stepId === 'summary' && (
            <StepSummary
              region={region}
              onEdit={goTo}
              flavorLabel={flavorLabel}
              templateLabel={templateLabel}
            />
          )}

          {create.isError && (
            <div className="mt-4">
              <ErrorPanel
                error={create.error}
                title={isQuotaError(create.error) ? undefined : t('createInstance.submitFailed')}
              >
                {isQuotaError(create.error) ? <QuotaRefusal quota={quotas.data} /> : null}
              </ErrorPanel>
            </div>
          )}
        </WizardLayout>
      </FormProvider>
    </div>
  );
}

/** Only roles that may create see the wizard; anyone else reaching the URL is told why. */
export function CreateInstancePage() {
  const { t } = useTranslation();
  const can = useCan();
  const policy = useQuery(policyQuery);
  if (policy.isSuccess && !can('createInstance')) {
    return <ErrorState error={new BffError(403, 'FORBIDDEN', t('errors.forbidden'))} />;
  }
  return <CreateInstanceForm />;
}
