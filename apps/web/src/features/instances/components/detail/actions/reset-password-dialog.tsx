import { operations, passwordClasses, SPECIAL_CHARS } from '@gaussdb-console/api-client/browser';
import { clsx } from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pushToast } from '../../../../../shared/lib/toasts';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { useResetRootPassword } from '../../../api/use-instance-mutations';
import { useWeakPasswordCheck, type WeakCheck } from '../../create/use-weak-password';
import { inputClass, Note, RuleField, serverFieldError } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

// 4.4.5 has its own special characters (L1965), not those of 4.4.1: the contract's body schema decides.
const SPECIALS = SPECIAL_CHARS.resetRoot;
const body = operations.resetRootPassword.body;

/** 0–4 from character kinds and length; a password the service calls weak is 0 whatever its shape. */
export function resetStrength(password: string, check: WeakCheck): number {
  if (!password || check === 'weak') return 0;
  if (!body.safeParse({ password }).success) return 1;
  const { classes } = passwordClasses(password, SPECIALS);
  return Math.min(4, classes - 1 + (password.length >= 12 ? 1 : 0));
}

const LEVELS = ['weak', 'weak', 'fair', 'good', 'strong'] as const;
const BAR = ['bg-red-600', 'bg-red-600', 'bg-amber-500', 'bg-sky-600', 'bg-emerald-600'];

function Meter({ password, check }: { password: string; check: WeakCheck }) {
  const { t } = useTranslation();
  const score = resetStrength(password, check);
  const level = LEVELS[score] ?? 'weak';
  return (
    <div className="-mt-2 mb-3">
      <div
        role="meter"
        aria-label={t('instanceActions.resetPassword.strength')}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={t(`instanceActions.resetPassword.level.${level}`)}
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
        {password ? t(`instanceActions.resetPassword.level.${level}`) : ''}
        {password && check !== 'idle' && ' · '}
        {check !== 'idle' && (
          <span className={check === 'weak' ? 'text-red-700 dark:text-red-400' : undefined}>
            {t(`instanceActions.resetPassword.check.${check}`)}
          </span>
        )}
      </p>
    </div>
  );
}

/** Reset the administrator (root) password: the rule shown, the service's weak-password check, typed twice. */
export function ResetPasswordDialog({ project, instance, open, onOpenChange }: ActionDialogProps) {
  const { t } = useTranslation();
  const reset = useResetRootPassword(project);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const check = useWeakPasswordCheck(project, open ? password : '');
  const shapeOk = body.safeParse({ password }).success;
  const foreign = passwordClasses(password, SPECIALS).foreign[0];
  const mismatch = confirm !== '' && confirm !== password;
  const ready = shapeOk && confirm === password && check !== 'weak' && check !== 'checking';
  const change = (o: boolean) => {
    if (!o) {
      setPassword('');
      setConfirm('');
      reset.reset();
    }
    onOpenChange(o);
  };
  const user = instance.db_user_name ?? 'root';
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={t('instanceActions.resetPassword.title', { name: instance.name })}
      description={t('instanceActions.resetPassword.consequence', { user })}
      footer={
        <>
          <Button onClick={() => change(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!ready || reset.isPending}
            onClick={() =>
              reset.mutate(
                { path: { instance_id: instance.id }, body: { password } },
                {
                  onSuccess: () => {
                    pushToast({
                      tone: 'success',
                      title: t('instanceActions.resetPassword.done', { name: instance.name, user }),
                    });
                    change(false);
                  },
                },
              )
            }
          >
            {t('instanceActions.resetPassword.submit')}
          </Button>
        </>
      }
    >
      <form onSubmit={(e) => e.preventDefault()} autoComplete="off">
        <RuleField
          id="reset-password"
          label={t('instanceActions.resetPassword.password')}
          rule={
            foreign && password.length >= 8
              ? t('instanceActions.resetPassword.badChar', { char: foreign, specials: SPECIALS })
              : t('instanceActions.resetPassword.rule', { specials: SPECIALS })
          }
          invalid={password !== '' && !shapeOk}
          error={serverFieldError(reset.error, 'password')}
        >
          {(a) => (
            <input
              {...a}
              type="password"
              autoComplete="new-password"
              className={inputClass}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </RuleField>
        <Meter password={password} check={check} />
        <RuleField
          id="reset-password-confirm"
          label={t('instanceActions.resetPassword.confirm')}
          rule={
            mismatch
              ? t('instanceActions.resetPassword.mismatch')
              : t('instanceActions.resetPassword.confirmRule')
          }
          invalid={mismatch}
        >
          {(a) => (
            <input
              {...a}
              type="password"
              autoComplete="new-password"
              className={inputClass}
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </RuleField>
      </form>
      <Note>{t('instanceActions.resetPassword.note')}</Note>
      <ServerError error={reset.error} />
    </Dialog>
  );
}
