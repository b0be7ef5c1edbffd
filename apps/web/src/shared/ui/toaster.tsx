import { clsx } from 'clsx';
import { CheckCircle2, Info, X, XCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dismissToast, useToasts } from '../lib/toasts';

export function Toaster() {
  const { t } = useTranslation();
  const toasts = useToasts();
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2"
    >
      {toasts.map((toast) => (
        <div
          key={toast.id}
          role={toast.tone === 'error' ? 'alert' : 'status'}
          className={clsx(
            'pointer-events-auto flex items-start gap-2 rounded-md border bg-white p-3 text-sm shadow-lg dark:bg-slate-900',
            toast.tone === 'error'
              ? 'border-red-300 dark:border-red-800'
              : toast.tone === 'success'
                ? 'border-emerald-300 dark:border-emerald-800'
                : 'border-slate-200 dark:border-slate-700',
          )}
        >
          {toast.tone === 'error' ? (
            <XCircle className="mt-0.5 size-4 shrink-0 text-red-600" aria-hidden />
          ) : toast.tone === 'success' ? (
            <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
          ) : (
            <Info className="mt-0.5 size-4 shrink-0 text-sky-600" aria-hidden />
          )}
          <div className="min-w-0 flex-1">
            <p className="font-medium">{toast.title}</p>
            {toast.body && <p className="break-words text-slate-600 dark:text-slate-300">{toast.body}</p>}
            {toast.href && (
              <Link
                className="text-sky-700 underline dark:text-sky-400"
                to={toast.href}
                onClick={() => dismissToast(toast.id)}
              >
                {t('common.details')}
              </Link>
            )}
          </div>
          <button
            type="button"
            className="rounded p-0.5 text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800"
            aria-label={t('common.close')}
            onClick={() => dismissToast(toast.id)}
          >
            <X className="size-4" aria-hidden />
          </button>
        </div>
      ))}
    </div>
  );
}
