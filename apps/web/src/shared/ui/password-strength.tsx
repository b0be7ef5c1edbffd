import { passwordClasses } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import type { WeakCheck } from '../forms/use-weak-password';

/**
 * 0–4 from character kinds and length, against the rule of the operation the password is for: a password
 * that breaks the rule is 1 at most, one the service calls weak is 0 whatever its shape.
 */
export function strengthScore(
  password: string,
  rule: { specials: string; valid: boolean },
  check: WeakCheck,
): number {
  if (!password || check === 'weak') return 0;
  const { classes, foreign } = passwordClasses(password, rule.specials);
  if (!rule.valid || foreign.length > 0 || classes < 3) return 1;
  return Math.min(4, classes - 1 + (password.length >= 12 ? 1 : 0));
}

const LEVELS = ['weak', 'weak', 'fair', 'good', 'strong'] as const;
const BAR = ['bg-red-600', 'bg-red-600', 'bg-amber-500', 'bg-sky-600', 'bg-emerald-600'];

/** A four-segment meter with its level in words, and what the service's weak-password check said. */
export function PasswordStrength(props: {
  password: string;
  specials: string;
  valid: boolean;
  check: WeakCheck;
}) {
  const { t } = useTranslation();
  const { password, check } = props;
  const score = strengthScore(password, props, check);
  const level = LEVELS[score] ?? 'weak';
  return (
    <div className="mt-1.5 mb-3 max-w-md">
      <div
        role="meter"
        aria-label={t('password.strength')}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={t(`password.level.${level}`)}
        className="flex gap-1"
      >
        {[1, 2, 3, 4].map((i) => (
          <span
            key={i}
            className={clsx(
              'h-1.5 flex-1 rounded-full',
              password && i <= Math.max(score, 1) ? BAR[score] : 'bg-slate-200 dark:bg-slate-700',
            )}
          />
        ))}
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300" aria-live="polite">
        {password ? t(`password.level.${level}`) : ''}
        {password && check !== 'idle' && ' · '}
        {check !== 'idle' && (
          <span className={check === 'weak' ? 'text-red-700 dark:text-red-400' : undefined}>
            {t(`password.check.${check}`)}
          </span>
        )}
      </p>
    </div>
  );
}
