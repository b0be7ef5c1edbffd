import { ShieldOff } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { policyQuery, useCan } from '../api/policy';
import { useSession } from '../api/session';

/**
 * Where a page hides actions the signed-in role may not run, this says why (UI: "hide and say why"):
 * nothing when the role may run every one of `operations`, else `message` with the role's name, once the
 * session and the policy are known.
 */
export function PermissionNote(props: {
  operations: readonly string[];
  /** i18n key; receives `{{role}}`. */
  message: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const role = useSession().data?.role;
  const policy = useQuery({ ...policyQuery, enabled: !!role });
  if (!role || !policy.data || props.operations.every(can)) return null;
  return (
    <p className={props.className ?? 'flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400'}>
      <ShieldOff className="size-3.5 shrink-0" aria-hidden />
      {t(props.message, { role: t(`roles.${role}`) })}
    </p>
  );
}
