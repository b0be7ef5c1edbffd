import { Info } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../../shared/ui/error-panel';

/** Who made a change, from the audit trail; "not through this console" when no audited call fits. */
export function UserCell({ user, loading }: { user: string | undefined; loading: boolean }) {
  const { t } = useTranslation();
  if (loading)
    return <span className="text-xs text-slate-500 dark:text-slate-400">{t('common.loading')}</span>;
  return user ? (
    <span className="font-medium">{user}</span>
  ) : (
    <span
      className="text-xs text-slate-500 dark:text-slate-400"
      title={t('parameters.history.unknownUserHint')}
    >
      {t('parameters.history.unknownUser')}
    </span>
  );
}

/** Where the user column comes from (admins), or why there is none (every other role). */
export function HistoryUserNote({ isAdmin, auditError }: { isAdmin: boolean; auditError: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="border-b border-slate-200 px-3 py-2 dark:border-slate-800">
      <p className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
        <Info className="size-3.5 shrink-0" aria-hidden />
        {isAdmin ? t('parameters.history.userFromAudit') : t('parameters.history.userAdminsOnly')}
      </p>
      {isAdmin && auditError ? (
        <div className="mt-2">
          <ErrorPanel error={auditError} title={t('parameters.history.auditFailed')} />
        </div>
      ) : null}
    </div>
  );
}
