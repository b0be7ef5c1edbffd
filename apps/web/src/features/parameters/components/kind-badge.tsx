import { Lock, User } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { templateKindText } from '../lib/labels';

/** System (default, read-only) or the project's own template: a word and an icon, not a colour alone. */
export function KindBadge({ userDefined }: { userDefined: boolean | null | undefined }) {
  const { t } = useTranslation();
  const system = userDefined === false;
  return (
    <span
      className={
        system
          ? 'inline-flex items-center gap-1 whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-300'
          : 'inline-flex items-center gap-1 whitespace-nowrap rounded bg-sky-50 px-1.5 py-0.5 text-xs text-sky-800 ring-1 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-300'
      }
    >
      {system ? <Lock className="size-3" aria-hidden /> : <User className="size-3" aria-hidden />}
      {templateKindText(t, userDefined)}
    </span>
  );
}
