import { AUDIT_RESULTS, operationList } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { FilterInput, filterInputClass } from '../../../shared/ui/filter-input';
import { isReferenceSection, opTitle } from './audit-cells';

export const AUDIT_FILTERS = ['user', 'operation', 'target', 'from', 'to', 'result'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTERS)[number];

/** The console's own actions recorded beside the operations. */
export const CONSOLE_ACTIONS = ['login', 'loginFailed', 'logout'] as const;

/** `2026-03-01T10:00` (a datetime-local field, the user's zone) ↔ ISO 8601 UTC in the URL. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : '');

/** Who, what, on what, when, with what result: each filter in the URL. */
export function AuditFilters(props: {
  values: Record<AuditFilterKey, string>;
  onChange: (patch: Partial<Record<AuditFilterKey, string>>) => void;
}) {
  const { t } = useTranslation();
  const { values, onChange } = props;
  const ops = operationList
    .filter((o) => o.method !== 'GET' && o.service !== 'iam')
    .map((o) => ({
      id: o.id,
      label: isReferenceSection(o.section) ? `${o.section} ${opTitle(t, o)}` : opTitle(t, o),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  return (
    <div className="flex flex-wrap items-end gap-2 text-sm">
      <FilterInput
        label={t('audit.filter.user')}
        placeholder={t('audit.filter.user')}
        value={values.user}
        onApply={(user) => onChange({ user })}
      />
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('audit.filter.operation')}</span>
        <select
          className={filterInputClass}
          value={values.operation}
          onChange={(e) => onChange({ operation: e.target.value })}
        >
          <option value="">{t('audit.filter.any')}</option>
          <optgroup label={t('audit.filter.console')}>
            {CONSOLE_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('audit.filter.operations')}>
            {ops.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <FilterInput
        label={t('audit.filter.target')}
        placeholder={t('audit.filter.targetHint')}
        value={values.target}
        onApply={(target) => onChange({ target })}
      />
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('audit.filter.from')}</span>
        <input
          type="datetime-local"
          className={filterInputClass}
          value={values.from ? toLocalInput(values.from) : ''}
          onChange={(e) => onChange({ from: fromLocalInput(e.target.value) })}
        />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('audit.filter.to')}</span>
        <input
          type="datetime-local"
          className={filterInputClass}
          value={values.to ? toLocalInput(values.to) : ''}
          onChange={(e) => onChange({ to: fromLocalInput(e.target.value) })}
        />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('audit.filter.result')}</span>
        <select
          className={filterInputClass}
          value={values.result}
          onChange={(e) => onChange({ result: e.target.value })}
        >
          <option value="">{t('audit.filter.any')}</option>
          {AUDIT_RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`audit.result.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
