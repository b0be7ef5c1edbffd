import { operations } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { RestorePoint } from '../../../backups/api/restore-point';
import { splitAzList } from '../create/az-status';
import { azSummary, requestJson, Section } from '../create/step-summary';
import type { WizardValues } from '../create/wizard-values';
import { toRestoreBody, type RestoreStepId } from './restore-values';

/** The last step: every choice by step, and the exact 4.7.8 request (password masked unless asked). */
export function RestoreSummary(props: {
  point: RestorePoint;
  source: React.ReactNode;
  onEdit: (s: RestoreStepId) => void;
  flavorLabel: (specCode: string) => string;
  templateLabel: (id: string) => string;
}) {
  const { t } = useTranslation();
  const v = useWatch<WizardValues>() as WizardValues;
  const [showPassword, setShowPassword] = useState(false);
  const body = toRestoreBody(v, props.point);
  const f = (key: string) => t(`createInstance.fields.${key}`);
  const none = t('common.none');
  const mono = (s: string) => <span className="font-mono text-xs">{s || none}</span>;
  return (
    <div className="grid gap-3">
      <div className="grid gap-3 xl:grid-cols-2">
        <Section
          title={t('restoreInstance.steps.source')}
          step="source"
          onEdit={props.onEdit}
          rows={[
            [t('restoreInstance.fields.name'), mono(v.name)],
            [t('restoreInstance.source.title'), props.source],
          ]}
        />
        <Section
          title={t('restoreInstance.steps.placement')}
          step="placement"
          onEdit={props.onEdit}
          rows={[
            [f('availabilityZones'), azSummary(splitAzList(v.availability_zone), t) || none],
            [f('flavor'), props.flavorLabel(v.flavor_ref)],
          ]}
        />
        <Section
          title={t('restoreInstance.steps.storage')}
          step="storage"
          onEdit={props.onEdit}
          rows={[
            [f('storageType'), v.volume.type || none],
            [f('volumeSize'), v.volume.size ? t('createInstance.summary.gb', { size: v.volume.size }) : none],
          ]}
        />
        <Section
          title={t('restoreInstance.steps.access')}
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
          title={t('restoreInstance.steps.options')}
          step="options"
          onEdit={props.onEdit}
          rows={[
            [
              f('template'),
              v.configuration_id
                ? props.templateLabel(v.configuration_id)
                : t('createInstance.defaultTemplate'),
            ],
            [f('timeZone'), v.time_zone],
          ]}
        />
      </div>
      <section aria-labelledby="restore-request-heading" className="grid gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h3 id="restore-request-heading" className="text-sm font-semibold">
            {t('createInstance.summary.request')}
          </h3>
          <code className="text-xs text-slate-500 dark:text-slate-400">
            {operations.restoreToNewInstance.method} {operations.restoreToNewInstance.path}
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
      </section>
    </div>
  );
}
