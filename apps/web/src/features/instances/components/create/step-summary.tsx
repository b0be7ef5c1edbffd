import { operations } from '@gaussdb-console/api-client/browser';
import { useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../shared/ui/button';
import { splitAzList } from './az-status';
import { toCreateBody, toTagsBody, type StepId, type WizardValues } from './wizard-values';

const MASK = '********';

/** The request as shown: exact, except the password, which is masked unless the user asks to see it. */
export function requestJson(body: object, showPassword: boolean): string {
  const shown = showPassword ? body : { ...body, password: MASK };
  return JSON.stringify(shown, null, 2);
}

/** One step's choices on a summary, with a button back to that step (the restore flow's summary uses it too). */
export function Section<S extends string = StepId>(props: {
  title: string;
  step: S;
  onEdit: (s: S) => void;
  rows: [string, ReactNode][];
}) {
  const { t } = useTranslation();
  return (
    <section className="rounded-md border border-slate-200 dark:border-slate-700">
      <div className="flex items-center justify-between border-b border-slate-200 bg-slate-50 px-3 py-1.5 dark:border-slate-700 dark:bg-slate-800/60">
        <h3 className="text-sm font-semibold">{props.title}</h3>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => props.onEdit(props.step)}
          aria-label={t('createInstance.summary.editStep', { step: props.title })}
        >
          {t('createInstance.summary.edit')}
        </Button>
      </div>
      <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-1 px-3 py-2 text-sm">
        {props.rows.map(([k, val]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
            <dd className="min-w-0 break-words">{val}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Step 6: everything chosen, and the exact JSON of the request(s) the console will send. */
/**
 * The AZs in words: the request repeats one AZ for each replica ("az1,az1,az1"); a DBA reads "az1 (all
 * three replicas)". Different AZs are listed as they are.
 */
export function azSummary(azs: string[], t: TFunction): string {
  const distinct = [...new Set(azs.filter(Boolean))];
  if (distinct.length === 1 && azs.length > 1)
    return t('createInstance.summaryAzAll', { az: distinct[0], count: azs.length });
  return azs.join(', ');
}

export function StepSummary(props: {
  region: string;
  onEdit: (s: StepId) => void;
  flavorLabel: (specCode: string) => string;
  templateLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  const v = useWatch<WizardValues>() as WizardValues;
  const [showPassword, setShowPassword] = useState(false);
  const body = toCreateBody(v, props.region);
  const tags = toTagsBody(v);
  const f = (key: string) => t(`createInstance.fields.${key}`);
  const none = t('common.none');
  const deployment = v.ha.mode === 'enterprise' ? 'distributed' : v.solution;
  const mono = (s: string) => <span className="font-mono text-xs">{s || none}</span>;

  return (
    <div className="grid gap-3">
      <div className="grid gap-3 xl:grid-cols-2">
        <Section
          title={t('createInstance.steps.basics')}
          step="basics"
          onEdit={props.onEdit}
          rows={[
            [f('name'), mono(v.name)],
            [f('version'), v.datastore.version || none],
            [f('deployment'), t(`createInstance.deployment.${deployment}.title`)],
            [f('protocol'), t(`createInstance.protocol.${v.ha.consistency_protocol}`)],
            ...(deployment === 'distributed'
              ? ([
                  [f('shards'), v.sharding_num],
                  [f('coordinators'), v.coordinator_num],
                ] as [string, ReactNode][])
              : []),
            [t('createInstance.summary.region'), props.region || none],
          ]}
        />
        <Section
          title={t('createInstance.steps.placement')}
          step="placement"
          onEdit={props.onEdit}
          rows={[
            [f('availabilityZones'), azSummary(splitAzList(v.availability_zone), t) || none],
            [f('masterAz'), v.master_az || none],
            [f('flavor'), props.flavorLabel(v.flavor_ref)],
          ]}
        />
        <Section
          title={t('createInstance.steps.storage')}
          step="storage"
          onEdit={props.onEdit}
          rows={[
            [f('storageType'), v.volume.type || none],
            [f('volumeSize'), v.volume.size ? t('createInstance.summary.gb', { size: v.volume.size }) : none],
          ]}
        />
        <Section
          title={t('createInstance.steps.access')}
          step="access"
          onEdit={props.onEdit}
          rows={[
            [f('vpc'), mono(v.vpc_id)],
            [f('subnet'), mono(v.subnet_id)],
            [f('securityGroup'), mono(v.security_group_id)],
            [f('port'), v.port || none],
            [f('password'), v.password ? t('createInstance.summary.passwordSet') : none],
          ]}
        />
        <Section
          title={t('createInstance.steps.options')}
          step="options"
          onEdit={props.onEdit}
          rows={[
            [
              f('backupWindow'),
              t('createInstance.backupWindowOption', {
                window: v.backup_strategy.start_time.replace('-', '–'),
              }),
            ],
            [f('keepDays'), v.backup_strategy.keep_days],
            [
              f('template'),
              v.configuration_id
                ? props.templateLabel(v.configuration_id)
                : t('createInstance.defaultTemplate'),
            ],
            [f('timeZone'), v.time_zone],
            [f('tags'), tags ? tags.tags.map((x) => `${x.key}=${x.value}`).join(', ') : none],
          ]}
        />
      </div>

      <section aria-labelledby="create-request-heading" className="grid gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h3 id="create-request-heading" className="text-sm font-semibold">
            {t('createInstance.summary.request')}
          </h3>
          <code className="text-xs text-slate-500 dark:text-slate-400">
            {operations.createInstance.method} {operations.createInstance.path}
          </code>
          <label className="ml-auto inline-flex items-center gap-1.5 text-xs">
            <input
              type="checkbox"
              checked={showPassword}
              onChange={(e) => setShowPassword(e.target.checked)}
              className="accent-sky-700"
            />
            {t('createInstance.summary.showPassword')}
          </label>
        </div>
        <pre
          aria-label={t('createInstance.summary.requestBody')}
          className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-200"
        >
          {requestJson(body, showPassword)}
        </pre>
        {tags && (
          <>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {t('createInstance.summary.tagsAfter')}{' '}
              <code>
                {operations.addInstanceTags.method} {operations.addInstanceTags.path}
              </code>
            </p>
            <pre
              aria-label={t('createInstance.summary.tagsBody')}
              className="overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs dark:border-slate-700 dark:bg-slate-950 dark:text-slate-200"
            >
              {JSON.stringify(tags, null, 2)}
            </pre>
          </>
        )}
      </section>
    </div>
  );
}
