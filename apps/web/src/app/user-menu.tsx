import { LogOut, UserCircle2 } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api/use-login';
import type { ConsoleSession } from '../shared/api/session';

/**
 * The user's name and role with a sign-out button behind it. A disclosure (button + panel), kept
 * dependency-free because it is on every page's first load.
 */
export function UserMenu({ session }: { session: ConsoleSession }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        className="flex h-8 items-center gap-1.5 rounded-md px-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        onClick={() => setOpen((o) => !o)}
      >
        <UserCircle2 className="size-4" aria-hidden />
        <span>{session.user}</span>
        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          {t(`roles.${session.role}`)}
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute right-0 z-50 mt-1 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <p className="px-2 py-1.5 text-xs text-slate-500 dark:text-slate-400">
            {t('shell.signedInAs', { user: session.user, role: t(`roles.${session.role}`) })}
          </p>
          <button
            type="button"
            autoFocus
            className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
          >
            <LogOut className="size-4" aria-hidden />
            {t('shell.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
