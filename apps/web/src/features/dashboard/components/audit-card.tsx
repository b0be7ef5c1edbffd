import type { AuditEntryView } from '@gaussdb-console/api-client/browser';
import { getOperation } from '@gaussdb-console/api-client/browser';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../../shared/lib/format';
import { base, Card } from './card';

/** The newest audit entries (administrators only): who did what, each a link to the audit page filtered by that user. */
export function AuditCard({ project, entries }: { project: string; entries: AuditEntryView[] }) {
  const { t, i18n } = useTranslation();
  const title = (id: string) => {
    const op = getOperation(id);
    if (!op) return t(`dashboard.actions.${id}`, { defaultValue: id });
    return i18n.language === 'zh-CN' ? op.titleZh : op.title;
  };
  return (
    <Card
      id="dash-audit"
      title={t('dashboard.recentAudit')}
      action={
        <Link
          to={`${base(project)}/audit`}
          className="text-xs text-sky-700 hover:underline dark:text-sky-400"
        >
          {t('dashboard.openAudit')}
        </Link>
      }
    >
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('dashboard.noAudit')}</p>
      ) : (
        <ul className="flex flex-col gap-1.5 text-sm">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2">
              <Link
                to={`${base(project)}/audit?user=${encodeURIComponent(e.user ?? '')}`}
                className="truncate hover:underline"
              >
                <span className="font-medium">{e.user ?? '—'}</span> · {title(e.operation)}
                {e.result !== 'success' && (
                  <span
                    className={
                      e.result === 'failure'
                        ? 'text-red-700 dark:text-red-400'
                        : 'text-amber-700 dark:text-amber-300'
                    }
                  >
                    {' '}
                    · {t(`dashboard.result.${e.result}`)}
                  </span>
                )}
              </Link>
              <span className="text-xs text-slate-500 dark:text-slate-400" title={formatTime(e.time).title}>
                {formatTime(e.time).text}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
