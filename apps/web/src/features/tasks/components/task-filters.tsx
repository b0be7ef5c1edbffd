import { JOB_NAMES } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';

const cls =
  'h-8 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-800';

/** datetime-local gives local wall time; the API wants an ISO instant. */
const toIso = (local: string) => (local ? new Date(local).toISOString().replace(/\.\d{3}Z$/, 'Z') : '');
const toLocal = (iso: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};

export function TaskFilters({
  values,
  onChange,
}: {
  values: { status: string; name: string; from: string; to: string };
  onChange: (p: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-end gap-2" role="search">
      <label className="flex flex-col text-xs text-slate-600 dark:text-slate-300">
        {t('tasks.filter.status')}
        <select className={cls} value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">{t('tasks.filter.allStatuses')}</option>
          {(['Running', 'Completed', 'Failed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s.toUpperCase()}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600 dark:text-slate-300">
        {t('tasks.filter.name')}
        <select className={cls} value={values.name} onChange={(e) => onChange({ name: e.target.value })}>
          <option value="">{t('tasks.filter.allNames')}</option>
          {[...JOB_NAMES]
            .sort((a, b) =>
              t(`jobs.names.${a}`, { defaultValue: a }).localeCompare(
                t(`jobs.names.${b}`, { defaultValue: b }),
              ),
            )
            .map((n) => (
              <option key={n} value={n}>
                {t(`jobs.names.${n}`, { defaultValue: n })}
              </option>
            ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600 dark:text-slate-300">
        {t('tasks.filter.from')}
        <input
          type="datetime-local"
          className={cls}
          value={toLocal(values.from)}
          onChange={(e) => onChange({ from: toIso(e.target.value) })}
        />
      </label>
      <label className="flex flex-col text-xs text-slate-600 dark:text-slate-300">
        {t('tasks.filter.to')}
        <input
          type="datetime-local"
          className={cls}
          value={toLocal(values.to)}
          onChange={(e) => onChange({ to: toIso(e.target.value) })}
        />
      </label>
    </div>
  );
}
