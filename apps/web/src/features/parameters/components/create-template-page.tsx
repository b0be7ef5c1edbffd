import { operations } from '@gaussdb-console/api-client/browser';
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { usePermission } from '../../../shared/api/policy';
import {
  ChoiceCard,
  Field,
  FieldIdScope,
  FieldSet,
  inputClass,
  Note,
} from '../../../shared/forms/form-field';
import { useOperationForm } from '../../../shared/forms/use-operation-form';
import { LeaveGuard } from '../../../shared/parameters/leave-guard';
import {
  NO_FILTERS,
  StagedParameterTable,
  type ParameterFilters,
} from '../../../shared/parameters/staged-parameter-table';
import { StagedDiff } from '../../../shared/parameters/staged-diff';
import { useStagedEdits } from '../../../shared/parameters/use-staged-edits';
import { Button } from '../../../shared/ui/button';
import { ErrorPanel } from '../../../shared/ui/error-panel';
import { ErrorState, Loading, NotPermitted } from '../../../shared/ui/states';
import { useDatastores } from '../../flavors/api/use-datastores';
import { parameterKeys } from '../api/parameter-keys';
import { deploymentOf, toEditable } from '../api/template-scope';
import { useDefaultParameters } from '../api/use-default-parameters';
import { useParameterTemplate } from '../api/use-parameter-template';
import { deploymentText, templatePath } from '../lib/labels';
import { TemplateNameField } from './template-name-field';

const schema = operations.createParameterTemplate.body;
/** The only deployment 4.5.4 accepts (L4140, PARAM-9). */
const CREATABLE_MODE = 'ha';

/**
 * 4.5.4 as a page: name (checked as typed, 4.5.11), description, deployment and engine version from the
 * service's list (4.2.3), and the version's default parameters with staged edits, sent as the template's
 * own values in the one create call.
 */
export function CreateTemplatePage() {
  const { t } = useTranslation();
  const project = useParams().project ?? '';
  const navigate = useNavigate();
  const permitted = usePermission(['createParameterTemplate']);
  const datastores = useDatastores(project);
  const [nameBlocked, setNameBlocked] = useState(false);
  const [created, setCreated] = useState<string>();
  const [filters, setFilters] = useState<ParameterFilters>(NO_FILTERS);
  const modes = datastores.data?.datastores ?? [];
  const firstVersion = modes.find((m) => m.instance_mode === CREATABLE_MODE)?.supported_versions[0] ?? '';

  const op = useOperationForm('createParameterTemplate', {
    project,
    schema,
    defaultValues: {
      name: '',
      description: '',
      datastore: { engine_version: '', instance_mode: CREATABLE_MODE },
    },
    toInput: (body) => ({ body: { ...body, parameter_values: staged.values() } }),
    invalidates: [parameterKeys.all(project)],
    onAccepted: ({ response }) => setCreated(response.id),
  });
  const version = useWatch({ control: op.form.control, name: 'datastore.engine_version' });
  useEffect(() => {
    if (!version && firstVersion)
      op.form.setValue('datastore.engine_version', firstVersion, { shouldValidate: true });
  }, [version, firstVersion, op.form]);

  const defaults = useDefaultParameters(project, version || undefined, deploymentOf(CREATABLE_MODE));
  const base = useParameterTemplate(project, defaults.template?.id);
  const parameters = useMemo(
    () => (base.data?.configuration_parameters ?? []).map((p) => toEditable(p, defaults.values)),
    [base.data, defaults.values],
  );
  const staged = useStagedEdits(parameters);
  const { discard } = staged;
  // Another version has other parameters: edits of the old one do not carry over.
  useEffect(() => discard(), [version, discard]);
  useEffect(() => {
    if (created) navigate(templatePath(project, created));
  }, [created, navigate, project]);
  useEffect(() => {
    document.title = `${t('parameters.create.title')} · ${t('app.name')}`;
  }, [t]);

  if (permitted === false) return <NotPermitted hint={t('parameters.roles.cannotCreate')} />;
  if (permitted === undefined) return <Loading />;
  const versionsOfHa = modes.find((m) => m.instance_mode === CREATABLE_MODE)?.supported_versions ?? [];
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
          {t('parameters.create.title')}
        </span>
      </nav>
      <h1 className="text-lg font-semibold">{t('parameters.create.title')}</h1>
      <FormProvider {...op.form}>
        <FieldIdScope value="create-template">
          <form
            id="create-template"
            onSubmit={(e) => void op.submit(e)}
            noValidate
            autoComplete="off"
            className="flex flex-col gap-4"
          >
            <section className="grid max-w-3xl gap-x-6 rounded-md border border-slate-200 bg-white p-4 md:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
              <TemplateNameField project={project} onTaken={setNameBlocked} />
              <Field
                name="description"
                label={t('parameters.form.description')}
                rule={t('parameters.form.descriptionRule')}
                optional
              >
                {(a) => (
                  <input {...a} {...op.form.register('description')} maxLength={256} className={inputClass} />
                )}
              </Field>
              <FieldSet
                name="datastore.instance_mode"
                legend={t('parameters.create.deployment')}
                rule={t('parameters.create.deploymentRule')}
              >
                {datastores.isPending ? (
                  <Loading />
                ) : datastores.isError ? (
                  <ErrorState error={datastores.error} onRetry={() => void datastores.refetch()} />
                ) : (
                  <div className="flex flex-col gap-1.5">
                    {modes.map((m) => {
                      const creatable = m.instance_mode === CREATABLE_MODE;
                      return (
                        <ChoiceCard
                          key={m.instance_mode ?? ''}
                          checked={creatable}
                          disabled={!creatable}
                          input={
                            <input
                              type="radio"
                              value={m.instance_mode ?? ''}
                              {...op.form.register('datastore.instance_mode')}
                              disabled={!creatable}
                            />
                          }
                        >
                          {deploymentText(t, deploymentOf(m.instance_mode), m.instance_mode)}
                          {!creatable && (
                            <span className="block text-xs text-slate-500 dark:text-slate-400">
                              {t('parameters.create.modeNotCreatable')}
                            </span>
                          )}
                        </ChoiceCard>
                      );
                    })}
                  </div>
                )}
              </FieldSet>
              <Field
                name="datastore.engine_version"
                label={t('parameters.create.version')}
                rule={t('parameters.create.versionRule')}
              >
                {(a) => (
                  <select {...a} {...op.form.register('datastore.engine_version')} className={inputClass}>
                    {versionsOfHa.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </section>
            <section className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
              <h2 className="border-b border-slate-200 px-3 py-2 text-sm font-semibold dark:border-slate-800">
                {defaults.template
                  ? t('parameters.create.parametersFrom', { name: defaults.template.name })
                  : t('parameters.create.parameters')}
              </h2>
              <Note>{t('parameters.create.parametersHint')}</Note>
              {defaults.isPending && !!version ? (
                <Loading />
              ) : !defaults.template ? (
                <p className="p-4 text-sm text-slate-600 dark:text-slate-300">
                  {t('parameters.create.noDefaults', { version })}
                </p>
              ) : base.isPending ? (
                <Loading />
              ) : base.isError ? (
                <ErrorState error={base.error} onRetry={() => void base.refetch()} />
              ) : (
                <StagedParameterTable
                  parameters={parameters}
                  staged={staged}
                  readOnly={false}
                  filters={filters}
                  onFiltersChange={(p) => setFilters((f) => ({ ...f, ...p }))}
                  label={t('parameters.create.parameters')}
                />
              )}
            </section>
            {staged.dirty && (
              <section className="max-w-3xl rounded-md border border-amber-300 bg-white p-3 dark:border-amber-800 dark:bg-slate-900">
                <h2 className="mb-2 text-sm font-semibold">
                  {t('parameters.create.ownValues', { count: staged.changes.length })}
                </h2>
                <StagedDiff changes={staged.changes} />
              </section>
            )}
            {op.error ? <ErrorPanel error={op.error} hideFields={op.placedOnFields} /> : null}
            <div className="flex gap-2">
              <Button
                variant="primary"
                type="submit"
                disabled={op.pending || nameBlocked || staged.invalid.length > 0}
              >
                {op.pending ? t('forms.submitting') : t('parameters.create.submit')}
              </Button>
              <Link
                to={`/p/${encodeURIComponent(project)}/parameters`}
                className="inline-flex h-8 items-center rounded-md px-3 text-sm text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                {t('common.cancel')}
              </Link>
            </div>
          </form>
        </FieldIdScope>
      </FormProvider>
      <LeaveGuard
        when={!created && (staged.dirty || op.form.formState.isDirty)}
        count={staged.changes.length}
      />
    </div>
  );
}
