import { operations, type AdvancedFeature } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../../../shared/lib/policy';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { Loading } from '../../../../../shared/ui/states';
import { useAdvancedFeatures } from '../../../api/use-advanced-features';
import { useModifyAdvancedFeatures } from '../../../api/use-instance-mutations';
import { Note, serverFieldError, followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const body = operations.modifyAdvancedFeatures.body;
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

/** Advanced features (4.4.26 view, 4.4.27 change): what each does, its value, and a change of the ones edited. */
export function AdvancedFeaturesDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const can = useCan();
  const features = useAdvancedFeatures(project, instance.id, open);
  const modify = useModifyAdvancedFeatures(project);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const mayChange = can('modifyAdvancedFeatures') && instance.status === 'ACTIVE';
  const params = Object.fromEntries(
    Object.entries(edits).filter(([k, v]) => features.data?.find((f) => f.name === k)?.value !== v),
  );
  const valid = Object.keys(params).length > 0 && body.safeParse({ params }).success;
  const change = (o: boolean) => {
    if (!o) {
      setEdits({});
      modify.reset();
    }
    onOpenChange(o);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      wide
      title={t('instanceActions.advancedFeatures.title', { name: instance.name })}
      description={t('instanceActions.advancedFeatures.intro')}
      footer={
        <>
          <Button onClick={() => change(false)}>{mayChange ? t('common.cancel') : t('common.close')}</Button>
          {mayChange && (
            <Button
              variant="primary"
              disabled={!valid || modify.isPending}
              onClick={() =>
                modify.mutate(
                  { path: { instance_id: instance.id }, body: { params } },
                  followJob(onJob, () => change(false)),
                )
              }
            >
              {t('instanceActions.advancedFeatures.submit', { count: Object.keys(params).length })}
            </Button>
          )}
        </>
      }
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
      {features.error ? <ServerError error={features.error} /> : null}
      {features.isSuccess && features.data.length === 0 && (
        <p className="text-sm">{t('instanceActions.advancedFeatures.none')}</p>
      )}
      <ul className="divide-y divide-slate-200 dark:divide-slate-700">
        {(features.data ?? []).map((f) => {
          const value = edits[f.name] ?? f.value ?? 'off';
          const known = KNOWN.has(f.name);
          const err = serverFieldError(modify.error, `params.${f.name}`);
          return (
            <li key={f.name} className="flex items-start gap-3 py-2">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium">
                  {known ? t(`instanceActions.advancedFeatures.feature.${f.name}.label`) : f.name}
                  <span className="ml-2 font-mono text-xs text-slate-500 dark:text-slate-400">{f.name}</span>
                </p>
                <p id={`feature-${f.name}-help`} className="text-xs text-slate-600 dark:text-slate-300">
                  {known
                    ? t(`instanceActions.advancedFeatures.feature.${f.name}.help`)
                    : (f.description ?? '')}
                </p>
                {err && <p className="mt-1 text-xs text-red-700 dark:text-red-400">{err}</p>}
              </div>
              <select
                aria-label={known ? t(`instanceActions.advancedFeatures.feature.${f.name}.label`) : f.name}
                aria-describedby={`feature-${f.name}-help`}
                className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-800"
                value={value}
                disabled={!mayChange}
                onChange={(e) => setEdits((x) => ({ ...x, [f.name]: e.target.value }))}
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
      <ServerError error={modify.error} />
    </Dialog>
  );
}
