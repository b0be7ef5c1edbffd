import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Route-level error boundary: a page that crashed says so and offers a way back instead of a blank screen. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="mb-2 text-xl font-semibold">
        {notFound ? t('notFound.title') : t('errors.crashTitle')}
      </h1>
      <p className="mb-4 text-slate-600 dark:text-slate-300">
        {notFound ? t('notFound.hint') : t('errors.crashHint')}
      </p>
      {!notFound && error instanceof Error && (
        <pre className="mb-4 overflow-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-900">
          {error.message}
        </pre>
      )}
      <Link className="text-sky-700 underline dark:text-sky-400" to="/">
        {t('notFound.home')}
      </Link>
    </main>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="mb-2 text-xl font-semibold">{t('notFound.title')}</h1>
      <p className="mb-4 text-slate-600 dark:text-slate-300">{t('notFound.hint')}</p>
      <Link className="text-sky-700 underline dark:text-sky-400" to="/">
        {t('notFound.home')}
      </Link>
    </main>
  );
}
