import { operations, type AdvancedFeature } from '@gaussdb-console/api-client/browser';
import { useEffect, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorMessage, FieldError, Note } from '../../../../../shared/forms/form-field';
import { useCan } from '../../../../../shared/api/policy';
import { ErrorPanel } from '../../../../../shared/ui/error-panel';
import { Loading } from '../../../../../shared/ui/states';
import { useAdvancedFeatures } from '../../../api/use-advanced-features';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

/** Features the console can explain; others show the service's own description. */
const KNOWN = new Set(['ledger', 'ilm', 'security', 'vectordb']);

/** The values a feature takes: its `range` ("on|off"), or on/off as 4.4.27 knows them. */
const valuesOf = (f: AdvancedFeature) => {
  const r = (f.range ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
  return r.length > 0 ? r : ['on', 'off'];
};

/** Only what the user changed goes into the 4.4.27 body. */
const changed = (values: Record<string, string | undefined>, features: readonly AdvancedFeature[]) =>
  Object.fromEntries(
    Object.entries(values).filter(
      (e): e is [string, string] =>
        e[1] !== undefined && features.find((f) => f.name === e[0])?.value !== e[1],
    ),
  );

/** Advanced features (4.4.26 view, 4.4.27 change): what each does, its value, and a change of the ones edited. */
export function AdvancedFeaturesDialog(props: ActionDialogProps) {
  const { t } = useTranslation();
  const { project, instance } = props;
  const can = useCan();
  const features = useAdvancedFeatures(project, instance.id, props.open);
  const list = useMemo(() => features.data ?? [], [features.data]);
  const mayChange = can('modifyAdvancedFeatures') && instance.status === 'ACTIVE';
  const schema = useMemo(
    () =>
      z.object({ params: z.record(z.string(), z.string()) }).superRefine((v, ctx) => {
        const params = changed(v.params, list);
        if (Object.keys(params).length === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['params'],
            message: t('instanceActions.advancedFeatures.nothingChanged'),
          });
        const r = operations.modifyAdvancedFeatures.body.safeParse({ params });
        if (!r.success)
          ctx.addIssue({ code: 'custom', path: ['params'], message: r.error.issues[0]?.message ?? '' });
      }),
    [list, t],
  );
  const op = useInstanceAction('modifyAdvancedFeatures', props, {
    schema,
    defaultValues: { params: {} },
    body: (v) => ({ params: changed(v.params, list) }),
  });
  const { reset } = op.form;
  // The current values arrive after the dialog opens: they become the form's starting point.
  useEffect(() => {
    if (list.length > 0) reset({ params: Object.fromEntries(list.map((f) => [f.name, f.value ?? 'off'])) });
  }, [list, reset]);
  const values = useWatch({ control: op.form.control, name: 'params' }) ?? {};
  const count = Object.keys(changed(values, list)).length;
  return (
    <InstanceActionDialog
      action="advancedFeatures"
      dialog={props}
      op={op}
      wide
      readOnly={!mayChange}
      values={{ count }}
    >
      {!mayChange && (
        <Note>
          {t(
            can('modifyAdvancedFeatures')
              ? 'instanceActions.advancedFeatures.notActive'
              : 'instanceActions.advancedFeatures.viewOnly',
          )}
        </Note>
      )}
      {features.isLoading && <Loading />}
      <ErrorPanel error={features.error} title={t('errors.loadFailed')} />
      {features.isSuccess && list.length === 0 && (
        <p className="text-sm">{t('instanceActions.advancedFeatures.none')}</p>
      )}
      <ul className="divide-y divide-slate-200 dark:divide-slate-700">
        {list.map((f) => {
          const known = KNOWN.has(f.name);
          const label = known ? t(`instanceActions.advancedFeatures.feature.${f.name}.label`) : f.name;
          return (
            <li key={f.name} className="flex items-start gap-3 py-2">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">
                  {label}
                  <span className="ml-2 font-mono text-xs text-slate-500 dark:text-slate-400">{f.name}</span>
                </p>
                <p id={`feature-${f.name}-help`} className="text-xs text-slate-600 dark:text-slate-300">
                  {known
                    ? t(`instanceActions.advancedFeatures.feature.${f.name}.help`)
                    : (f.description ?? '')}
                </p>
              </div>
              <select
                aria-label={label}
                aria-describedby={`feature-${f.name}-help`}
                className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-800"
                disabled={!mayChange}
                {...op.form.register(`params.${f.name}`)}
              >
                {valuesOf(f).map((v) => (
                  <option key={v} value={v}>
                    {v === 'on' || v === 'off' ? t(`instanceActions.advancedFeatures.${v}`) : v}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      {count > 0 && (
        <FieldError id="features-error" message={errorMessage(op.form.formState.errors.params)} />
      )}
    </InstanceActionDialog>
  );
}
