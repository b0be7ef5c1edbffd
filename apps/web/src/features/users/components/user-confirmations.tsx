import type { ConsoleUserView, TenantGrantInput } from '@gaussdb-console/api-client/browser';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../../shared/forms/form-field';
import { ActionDialog } from '../../../shared/forms/operation-dialog';
import { TypedConfirmation } from '../../../shared/forms/typed-confirmation';
import { pushToast } from '../../../shared/lib/toasts';
import { Button } from '../../../shared/ui/button';
import { useUserActions } from '../api/use-console-users';

interface Props {
  user: ConsoleUserView;
  onClose: () => void;
}

/** Removing a console user: they lose access at once; the name is typed to confirm. */
export function RemoveUserDialog({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { remove } = useUserActions();
  const [typed, setTyped] = useState('');
  const id = useId();
  return (
    <ActionDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={t('users.remove.title', { name: user.name })}
      error={remove.error}
      actions={
        <Button
          variant="danger"
          disabled={typed !== user.name || remove.isPending}
          onClick={() =>
            remove.mutate(user.name, {
              onSuccess: () => {
                pushToast({ tone: 'success', title: t('users.removed', { name: user.name }) });
                onClose();
              },
            })
          }
        >
          {remove.isPending ? t('forms.submitting') : t('users.remove.submit')}
        </Button>
      }
    >
      <p className="text-sm text-red-800 dark:text-red-300">
        {t('users.remove.consequence', { name: user.name })}
      </p>
      <TypedConfirmation
        id={id}
        name={user.name}
        value={typed}
        onChange={setTyped}
        disabled={remove.isPending}
      />
    </ActionDialog>
  );
}

/** Ending a user's sessions: reversible (they sign in again), so one click after reading what it does. */
export function EndSessionsDialog({ user, onClose, self }: Props & { self: boolean }) {
  const { t } = useTranslation();
  const { endSessions } = useUserActions();
  return (
    <ActionDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={t('users.sessions.title', { name: user.name })}
      description={self ? t('users.sessions.self') : t('users.sessions.intro', { name: user.name })}
      error={endSessions.error}
      actions={
        <Button
          variant="primary"
          disabled={endSessions.isPending}
          onClick={() =>
            endSessions.mutate(user.name, {
              onSuccess: (r) => {
                pushToast({
                  tone: 'success',
                  title: t('users.sessions.done', { name: user.name, count: r.ended }),
                });
                onClose();
              },
            })
          }
        >
          {endSessions.isPending ? t('forms.submitting') : t('users.sessions.submit')}
        </Button>
      }
    />
  );
}

/** A tenant a user holds, with the words that name it. */
export interface HeldGrant {
  grant: TenantGrantInput;
  label: string;
}

/**
 * Taking a tenant back from its owner: their next request for it is refused. Opened on one tenant (its chip's
 * ×) or from the row menu, where an owner of several first picks which.
 */
export function RevokeTenantDialog({ user, held, onClose }: Props & { held: readonly HeldGrant[] }) {
  const { t } = useTranslation();
  const { revoke } = useUserActions();
  const [index, setIndex] = useState(0);
  const pickId = useId();
  const chosen = held[index];
  const many = held.length > 1;
  return (
    <ActionDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={
        many || !chosen
          ? t('users.revoke.titleOf', { name: user.name })
          : t('users.revoke.title', { tenant: chosen.label, name: user.name })
      }
      description={chosen && t('users.revoke.intro', { tenant: chosen.label, name: user.name })}
      error={revoke.error}
      actions={
        <Button
          variant="danger"
          disabled={revoke.isPending || !chosen}
          onClick={() =>
            chosen &&
            revoke.mutate(
              { name: user.name, grant: chosen.grant },
              {
                onSuccess: () => {
                  pushToast({
                    tone: 'success',
                    title: t('users.revoked', { tenant: chosen.label, name: user.name }),
                  });
                  onClose();
                },
              },
            )
          }
        >
          {revoke.isPending ? t('forms.submitting') : t('users.revoke.submit')}
        </Button>
      }
    >
      {many && (
        <div className="flex flex-col gap-1">
          <label htmlFor={pickId} className="text-sm font-medium text-slate-800 dark:text-slate-200">
            {t('users.fields.tenant')}
          </label>
          <select
            id={pickId}
            className={inputClass}
            value={index}
            onChange={(e) => setIndex(Number(e.target.value))}
          >
            {held.map((h, i) => (
              <option key={`${h.grant.instance_id}:${h.grant.pdb_id}`} value={i}>
                {h.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </ActionDialog>
  );
}
