import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../shared/forms/form-field';
import type { TenantChoice } from './tenant-choices';

/**
 * Tenants to tick, by name and instance, with a filter for long lists. `aria` ties the group to its field's
 * label, rule and error.
 */
export function TenantChecklist(props: {
  id: string;
  choices: readonly TenantChoice[];
  value: readonly string[];
  onChange: (keys: string[]) => void;
  loading: boolean;
  describedBy?: string;
  labelledBy?: string;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const f = filter.toLowerCase();
  const shown = props.choices.filter(
    (c) => !f || c.tenant.toLowerCase().includes(f) || c.instance.toLowerCase().includes(f),
  );
  if (props.loading)
    return <p className="text-sm text-slate-500 dark:text-slate-400">{t('common.loading')}</p>;
  if (props.choices.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">{t('users.tenants.none')}</p>;
  return (
    <div
      id={props.id}
      role="group"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
      className="rounded-md border border-slate-300 dark:border-slate-600"
    >
      <label htmlFor={filterId} className="sr-only">
        {t('users.tenants.filter')}
      </label>
      <input
        id={filterId}
        className={`${inputClass} rounded-b-none border-0 border-b`}
        placeholder={t('users.tenants.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="max-h-48 overflow-auto p-1">
        {shown.map((c) => (
          <li key={c.key}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
              <input
                type="checkbox"
                checked={props.value.includes(c.key)}
                onChange={(e) =>
                  props.onChange(
                    e.target.checked ? [...props.value, c.key] : props.value.filter((k) => k !== c.key),
                  )
                }
              />
              <span className="font-medium">{c.tenant}</span>{' '}
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {t('users.tenants.on', { instance: c.instance })}
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 && (
          <li className="px-2 py-1 text-sm text-slate-500 dark:text-slate-400">
            {t('users.tenants.noMatch')}
          </li>
        )}
      </ul>
    </div>
  );
}
