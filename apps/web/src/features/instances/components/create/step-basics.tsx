import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DeploymentFormSummary } from './deployment-form-summary';
import { EngineField } from './engine-field';
import {
  ChoiceCard,
  Field,
  FieldError,
  FieldSet,
  inputClass,
  useFieldError,
} from '../../../../shared/forms/form-field';
import { ruleText } from './rule-text';
import type { WizardValues } from './wizard-values';

type Deployment = 'triset' | 'double' | 'distributed';
const DEPLOYMENTS: Deployment[] = ['triset', 'double', 'distributed'];

/** Step 1: name, engine version, deployment form (centralized triset or double, distributed) and replication. */
export function StepBasics({ versions, versionsLoading }: { versions: string[]; versionsLoading: boolean }) {
  const { t } = useTranslation();
  const { register, setValue, getValues } = useFormContext<WizardValues>();
  const values = useWatch<WizardValues>() as WizardValues;
  const deployment: Deployment = values.ha.mode === 'enterprise' ? 'distributed' : values.solution;
  const regionError = useFieldError('region');

  const chooseDeployment = (d: Deployment) => {
    const opts = { shouldDirty: true } as const;
    setValue('ha.mode', d === 'distributed' ? 'enterprise' : 'centralization_standard', opts);
    if (d !== 'distributed') setValue('solution', d, opts);
    // A 1-primary-1-standby instance replicates with paxos only; its AZs, flavors and templates differ.
    if (d === 'double') setValue('ha.consistency_protocol', 'paxos', opts);
    setValue('availability_zone', '', opts);
    setValue('master_az', '', opts);
    setValue('flavor_ref', '', opts);
    setValue('configuration_id', '', opts);
    if (getValues('az_layout') === 'different' && d === 'double') setValue('az_layout', 'same', opts);
  };

  return (
    <div className="grid gap-4">
      <FieldError id="create-region-error" message={regionError} />
      <Field name="name" label={t('createInstance.fields.name')} rule={ruleText(t, 'name', values)}>
        {(a) => (
          <input
            {...a}
            {...register('name')}
            className={`${inputClass} max-w-md font-mono`}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>

      <EngineField />

      <Field
        name="datastore.version"
        label={t('createInstance.fields.version')}
        rule={t('createInstance.rules.version')}
      >
        {(a) => (
          <select
            {...a}
            {...register('datastore.version', { onChange: () => setValue('flavor_ref', '') })}
            className={`${inputClass} max-w-xs`}
            disabled={versionsLoading}
          >
            {versionsLoading && <option value="">{t('common.loading')}</option>}
            {!versionsLoading && versions.length === 0 && (
              <option value="">{t('createInstance.noVersions')}</option>
            )}
            {versions.map((v) => (
              <option key={v} value={v}>
                {t('createInstance.versionOption', { version: v })}
              </option>
            ))}
          </select>
        )}
      </Field>

      <FieldSet name="solution" legend={t('createInstance.fields.deployment')}>
        <div className="grid gap-2 md:grid-cols-3">
          {DEPLOYMENTS.map((d) => (
            <ChoiceCard
              key={d}
              checked={deployment === d}
              input={
                <input
                  type="radio"
                  name="deployment"
                  className="mt-0.5 accent-sky-700"
                  checked={deployment === d}
                  onChange={() => chooseDeployment(d)}
                />
              }
            >
              <span className="block font-medium">{t(`createInstance.deployment.${d}.title`)}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">
                {t(`createInstance.deployment.${d}.hint`)}
              </span>
            </ChoiceCard>
          ))}
        </div>
      </FieldSet>
      <DeploymentFormSummary />

      <FieldSet
        name="ha.consistency_protocol"
        legend={t('createInstance.fields.protocol')}
        rule={t('createInstance.rules.protocol')}
      >
        <div className="flex flex-wrap gap-4 text-sm">
          {(['quorum', 'paxos'] as const).map((p) => (
            <label key={p} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                value={p}
                {...register('ha.consistency_protocol')}
                className="accent-sky-700"
                disabled={deployment === 'double' && p === 'quorum'}
              />
              {t(`createInstance.protocol.${p}`)}
            </label>
          ))}
        </div>
      </FieldSet>

      {deployment === 'distributed' && (
        <div className="grid max-w-xl gap-4 sm:grid-cols-2">
          <Field
            name="sharding_num"
            label={t('createInstance.fields.shards')}
            rule={ruleText(t, 'sharding_num', values)}
          >
            {(a) => (
              <input
                {...a}
                {...register('sharding_num', { deps: ['volume.size', 'coordinator_num'] })}
                inputMode="numeric"
                className={inputClass}
              />
            )}
          </Field>
          <Field
            name="coordinator_num"
            label={t('createInstance.fields.coordinators')}
            rule={ruleText(t, 'coordinator_num', values)}
          >
            {(a) => (
              <input {...a} {...register('coordinator_num')} inputMode="numeric" className={inputClass} />
            )}
          </Field>
        </div>
      )}
    </div>
  );
}
