import { Lock } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * What a tenant owner sees at the address of another tenant, an instance or an admin page: a clear "not
 * yours" and the way back, drawn before anything of the address is requested (nothing is fetched, shown or
 * linked). `hint` replaces the general explanation where the page knows more.
 */
export function NotYours({ home, hint }: { home?: string; hint?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('notYours.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-center gap-3 p-10 text-center">
      <Lock className="size-9 text-slate-400" aria-hidden />
      <h1 className="text-xl font-semibold">{t('notYours.title')}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{hint ?? t('notYours.hint')}</p>
      {home && (
        <Link className="text-sm text-sky-700 underline dark:text-sky-400" to={home}>
          {t('notYours.home')}
        </Link>
      )}
    </div>
  );
}
