import { clsx } from 'clsx';
import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** The steps as an ordered list; the current one has aria-current, visited ones can be reopened. */
export function StepList<S extends string>({
  steps,
  labelOf,
  current,
  reached,
  onGo,
}: {
  steps: readonly S[];
  labelOf: (step: S) => string;
  current: number;
  reached: number;
  onGo: (step: S) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('createInstance.stepsLabel')}>
      <ol className="flex gap-1 overflow-x-auto lg:flex-col">
        {steps.map((s, i) => {
          const isCurrent = i === current;
          const done = i < current || i <= reached;
          return (
            <li key={s} aria-current={isCurrent ? 'step' : undefined}>
              <button
                type="button"
                disabled={i > reached}
                onClick={() => onGo(s)}
                className={clsx(
                  'flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm whitespace-nowrap disabled:cursor-default',
                  isCurrent
                    ? 'bg-sky-50 font-semibold text-sky-900 dark:bg-sky-950 dark:text-sky-200'
                    : 'text-slate-700 hover:bg-slate-100 disabled:text-slate-400 disabled:hover:bg-transparent dark:text-slate-300 dark:hover:bg-slate-800 dark:disabled:text-slate-500',
                )}
              >
                <span
                  aria-hidden
                  className={clsx(
                    'flex size-5 shrink-0 items-center justify-center rounded-full text-xs tabular-nums',
                    isCurrent
                      ? 'bg-sky-700 text-white'
                      : done && i < current
                        ? 'bg-emerald-600 text-white'
                        : 'bg-slate-200 text-slate-600 dark:bg-slate-700 dark:text-slate-300',
                  )}
                >
                  {done && i < current ? <Check className="size-3" /> : i + 1}
                </span>
                {labelOf(s)}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
