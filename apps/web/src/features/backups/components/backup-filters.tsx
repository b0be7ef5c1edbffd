import { useTranslation } from 'react-i18next';
import { Button } from '../../../shared/ui/button';
import { filterInputClass } from '../../../shared/ui/filter-input';

export const BACKUP_FILTER_KEYS = ['type', 'status', 'from', 'to'] as const;
export type BackupFilterValues = Record<(typeof BACKUP_FILTER_KEYS)[number], string>;

/**
 * The backup list's filters (kept in the URL by the page): kind (automatic, manual, and incremental
 * when the list is one instance's, as 4.7.3 requires), status, and the days the backup began in.
 */
export function BackupFilters(props: {
  values: BackupFilterValues;
  onChange: (patch: Partial<BackupFilterValues>) => void;
  /** Incremental backups can only be listed per instance. */
  incremental: boolean;
}) {
  const { t } = useTranslation();
  const v = props.values;
  const rangeWrong = v.from && v.to && v.to < v.from;
  return (
    <div
      className="flex flex-wrap items-end gap-3 text-sm"
      role="group"
      aria-label={t('backups.filters.label')}
    >
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('backups.col.type')}</span>
        <select
          className={filterInputClass}
          value={v.type}
          onChange={(e) => props.onChange({ type: e.target.value })}
        >
          <option value="">{t('backups.filters.fullAll')}</option>
          <option value="auto">{t('backups.type.auto')}</option>
          <option value="manual">{t('backups.type.manual')}</option>
          {props.incremental && <option value="Log_Xbsa">{t('backups.type.incremental')}</option>}
        </select>
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('backups.col.status')}</span>
        <select
          className={filterInputClass}
          value={v.status}
          onChange={(e) => props.onChange({ status: e.target.value })}
        >
          <option value="">{t('backups.filters.anyStatus')}</option>
          {(['BUILDING', 'COMPLETED', 'FAILED'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`backups.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('backups.filters.from')}</span>
        <input
          type="date"
          className={filterInputClass}
          value={v.from}
          onChange={(e) => props.onChange({ from: e.target.value })}
        />
      </label>
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-600 dark:text-slate-300">{t('backups.filters.to')}</span>
        <input
          type="date"
          className={filterInputClass}
          value={v.to}
          aria-invalid={!!rangeWrong}
          onChange={(e) => props.onChange({ to: e.target.value })}
        />
      </label>
      {rangeWrong && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {t('backups.filters.rangeWrong')}
        </span>
      )}
      {(v.type || v.status || v.from || v.to) && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => props.onChange({ type: '', status: '', from: '', to: '' })}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </div>
  );
}
