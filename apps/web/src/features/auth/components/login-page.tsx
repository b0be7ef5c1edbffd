import { useQuery } from '@tanstack/react-query';
import { Database, KeyRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { BffError } from '../../../shared/lib/bff';
import { Button } from '../../../shared/ui/button';
import { metaQuery, useSession } from '../../../shared/api/session';
import { useLogin } from '../api/use-login';
import { PreferencesMenu } from '../../../shared/ui/preferences-menu';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSession();
  const meta = useQuery(metaQuery);
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  if (session.data) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username: username.trim(), password });
  };
  const error =
    login.error instanceof BffError
      ? login.error.status === 429
        ? t('login.rateLimited')
        : login.error.status === 401
          ? t('login.invalid')
          : login.error.message.startsWith('errors.')
            ? t(login.error.message)
            : login.error.message
      : login.error
        ? t('errors.unexpected')
        : undefined;

  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end p-3">
        <PreferencesMenu />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh]">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex items-center gap-2">
            <Database className="size-7 text-brand-600" aria-hidden />
            <h1 className="text-xl font-semibold">{t('app.name')}</h1>
          </div>
          <form
            onSubmit={submit}
            className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
            noValidate
          >
            <h2 className="text-base font-semibold">{t('login.title')}</h2>
            {params.get('expired') === '1' && !error && (
              <p
                role="status"
                className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
              >
                {t('login.expired')}
              </p>
            )}
            <div className="space-y-1">
              <label htmlFor="username" className="text-sm font-medium">
                {t('login.username')}
              </label>
              <input
                id="username"
                autoComplete="username"
                required
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                className="h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 dark:border-slate-600 dark:bg-slate-800"
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="password" className="text-sm font-medium">
                {t('login.password')}
              </label>
              <input
                id="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                className="h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 dark:border-slate-600 dark:bg-slate-800"
              />
            </div>
            {error && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            )}
            <Button
              type="submit"
              variant="primary"
              className="w-full"
              disabled={login.isPending || !username || !password}
            >
              <KeyRound className="size-4" aria-hidden />
              {login.isPending ? t('login.signingIn') : t('login.submit')}
            </Button>
          </form>
          {meta.data?.demo && (
            <section
              aria-labelledby="demo-title"
              className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950"
            >
              <h2 id="demo-title" className="font-semibold text-amber-900 dark:text-amber-200">
                {t('login.demoTitle')}
              </h2>
              <p className="mb-2 text-amber-900/80 dark:text-amber-200/80">{t('login.demoHint')}</p>
              <ul className="space-y-1">
                {meta.data.demoUsers.map((u) => (
                  <li key={u.username}>
                    <button
                      type="button"
                      className="w-full rounded px-2 py-1 text-left hover:bg-amber-100 dark:hover:bg-amber-900"
                      onClick={() => {
                        setUsername(u.username);
                        setPassword(u.password);
                      }}
                    >
                      <span className="font-mono">{u.username}</span> /{' '}
                      <span className="font-mono">{u.password}</span>{' '}
                      <span className="text-amber-800 dark:text-amber-300">({t(`roles.${u.role}`)})</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </main>
    </div>
  );
}
