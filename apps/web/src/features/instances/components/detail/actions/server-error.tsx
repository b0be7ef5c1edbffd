import { useTranslation } from 'react-i18next';
import { BffError } from '../../../../../shared/lib/bff';

/** The server's refusal, verbatim with its DBS code (UI.md: show the server's message when it disagrees). */
export function ServerError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const e = error instanceof BffError ? error : undefined;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      {e?.status === 403 && e.code !== 'CSRF_REJECTED' && !e.code.startsWith('DBS.') ? <p className="font-medium">{t('errors.forbidden')}</p> : null}
      <p>
        {e?.code?.startsWith('DBS.') && <span className="mr-1 font-mono">{e.code}</span>}
        {e ? (e.message.startsWith('errors.') ? t(e.message) : e.message) : t('errors.unexpected')}
      </p>
      {e?.fields?.map((f) => (
        <p key={f.path} className="text-xs">
          <span className="font-mono">{f.path}</span>: {f.message}
        </p>
      ))}
      {e?.requestId && <p className="mt-1 font-mono text-xs opacity-75">{t('errors.requestId', { id: e.requestId })}</p>}
    </div>
  );
}
