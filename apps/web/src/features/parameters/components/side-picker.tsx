import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../shared/forms/form-field';
import { useInstanceSearch } from '../../instances/api/use-instance-search';
import { useAllParameterTemplates } from '../api/use-parameter-templates';
import { templateDeploymentText } from '../lib/labels';
import type { ComparedSide, SideRef } from '../lib/use-compare-side';

/** Picks one side of a comparison: a template from the list, or an instance found by name. */
export function SidePicker(props: {
  project: string;
  legend: string;
  value: SideRef | undefined;
  side: ComparedSide | undefined;
  onChange: (ref: SideRef | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<'template' | 'instance'>(props.value?.kind ?? 'template');
  const [text, setText] = useState('');
  const templates = useAllParameterTemplates(props.project);
  const search = useInstanceSearch(props.project, text.trim(), kind === 'instance');
  const system = (templates.data ?? []).filter((x) => x.user_defined === false);
  const own = (templates.data ?? []).filter((x) => x.user_defined !== false);
  const label = (x: (typeof system)[number]) =>
    `${x.name} · ${x.datastore_version ?? ''} · ${templateDeploymentText(t, x)}`;
  return (
    <fieldset className="min-w-0 flex-1 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">{props.legend}</legend>
      <div className="mb-2 flex gap-3 text-sm" role="radiogroup" aria-label={t('parameters.compare.kind')}>
        {(['template', 'instance'] as const).map((k) => (
          <label key={k} className="inline-flex items-center gap-1.5">
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
            {t(`parameters.compare.kinds.${k}`)}
          </label>
        ))}
      </div>
      {kind === 'template' ? (
        <select
          aria-label={t('parameters.compare.pickTemplate', { side: props.legend })}
          className={inputClass}
          value={props.value?.kind === 'template' ? props.value.id : ''}
          onChange={(e) =>
            props.onChange(e.target.value ? { kind: 'template', id: e.target.value } : undefined)
          }
        >
          <option value="">{t('parameters.compare.chooseTemplate')}</option>
          {own.length > 0 && (
            <optgroup label={t('parameters.kind.user')}>
              {own.map((x) => (
                <option key={x.id} value={x.id}>
                  {label(x)}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('parameters.kind.system')}>
            {system.map((x) => (
              <option key={x.id} value={x.id}>
                {label(x)}
              </option>
            ))}
          </optgroup>
        </select>
      ) : (
        <div>
          {props.value?.kind === 'instance' && (
            <p className="mb-1 text-sm">
              {t('parameters.compare.chosenInstance')}{' '}
              <span className="font-medium">{props.side?.name ?? props.value.id}</span>
            </p>
          )}
          <input
            aria-label={t('parameters.compare.findInstance', { side: props.legend })}
            placeholder={t('parameters.compare.findInstance', { side: props.legend })}
            className={inputClass}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {text.trim() !== '' && (
            <ul className="mt-1 max-h-40 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
              {search.isPending ? (
                <li className="px-2 py-1 text-xs text-slate-500 dark:text-slate-400">
                  {t('common.loading')}
                </li>
              ) : (search.data ?? []).length === 0 ? (
                <li className="px-2 py-1 text-xs text-slate-500 dark:text-slate-400">
                  {t('parameters.compare.noInstance')}
                </li>
              ) : (
                (search.data ?? []).map((i) => (
                  <li key={i.id}>
                    <button
                      type="button"
                      className="w-full px-2 py-1 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
                      onClick={() => {
                        props.onChange({ kind: 'instance', id: i.id });
                        setText('');
                      }}
                    >
                      {i.name}{' '}
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        {i.datastore?.version}
                      </span>
                    </button>
                  </li>
                ))
              )}
            </ul>
          )}
        </div>
      )}
      {props.side && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {t('parameters.compare.scope', {
            version: props.side.version ?? '—',
            deployment: props.side.deployment ? t(`parameters.deployment.${props.side.deployment}`) : '—',
          })}
        </p>
      )}
    </fieldset>
  );
}
