import { AlertOctagon, Inbox, Loader2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BffError } from '../lib/bff';
import { Button } from './button';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-center justify-center gap-2 p-10 text-slate-500 dark:text-slate-400">
      <Loader2 className="size-4 animate-spin motion-reduce:animate-none" aria-hidden />
      {label ?? t('common.loading')}
    </div>
  );
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 p-10 text-center text-slate-600 dark:text-slate-300">
      <Inbox className="size-8 text-slate-400" aria-hidden />
      <p className="font-medium">{title}</p>
      {hint && <p className="max-w-md text-sm text-slate-500 dark:text-slate-400">{hint}</p>}
      {action}
    </div>
  );
}

/** Says what failed, the DBS code and request id when there is one, and offers a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const e = error instanceof BffError ? error : undefined;
  const message = e ? (e.message.startsWith('errors.') ? t(e.message) : e.message) : t('errors.unexpected');
  return (
    <div role="alert" className="m-4 flex items-start gap-3 rounded-md border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <AlertOctagon className="mt-0.5 size-5 shrink-0" aria-hidden />
      <div className="flex-1">
        <p className="font-medium">{e?.status === 403 ? t('errors.forbidden') : t('errors.loadFailed')}</p>
        <p className="text-sm">
          {e?.code && e.code.startsWith('DBS.') && <span className="mr-1 font-mono">{e.code}</span>}
          {message}
        </p>
        {e?.requestId && <p className="mt-1 font-mono text-xs opacity-80">{t('errors.requestId', { id: e.requestId })}</p>}
      </div>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
