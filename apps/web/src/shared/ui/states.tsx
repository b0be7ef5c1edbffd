import { Inbox, Loader2, ShieldOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BffError } from '../lib/bff';
import { ErrorPanel } from './error-panel';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      className="flex items-center justify-center gap-2 p-10 text-slate-500 dark:text-slate-400"
    >
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

/** A read that failed: what failed, the DBS code and request id when there is one, and a retry. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  return (
    <ErrorPanel
      page
      error={error}
      onRetry={onRetry}
      title={
        title ??
        (error instanceof BffError && error.status === 403 ? t('errors.forbidden') : t('errors.loadFailed'))
      }
    />
  );
}

/** A page or part the signed-in role may not read: nothing was fetched for it; say so instead of waiting. */
export function NotPermitted({ hint }: { hint?: string }) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      className="flex flex-col items-center gap-2 p-10 text-center text-slate-600 dark:text-slate-300"
    >
      <ShieldOff className="size-8 text-slate-400" aria-hidden />
      <p className="font-medium">{t('errors.notPermitted')}</p>
      <p className="max-w-md text-sm text-slate-500 dark:text-slate-400">
        {hint ?? t('errors.notPermittedHint')}
      </p>
    </div>
  );
}
