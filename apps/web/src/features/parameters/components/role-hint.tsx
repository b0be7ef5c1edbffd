import { ShieldCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../shared/api/policy';
import { useSession } from '../../../shared/api/session';

/**
 * What the signed-in role may not do on the parameters pages, said once where the hidden actions would be
 * (the BFF's policy decides: viewers read, operators change and apply but do not delete).
 */
export function RoleHint({ scope }: { scope: 'templates' | 'instance' }) {
  const { t } = useTranslation();
  const can = useCan();
  const role = useSession().data?.role;
  if (!role) return null;
  const roleName = t(`roles.${role}`, { defaultValue: role });
  let text: string | undefined;
  if (scope === 'instance') {
    if (!can('modifyInstanceParameters')) text = t('parameters.roles.instanceReadOnly', { role: roleName });
  } else if (!can('createParameterTemplate') && !can('applyParameterTemplate')) {
    text = t('parameters.roles.templatesReadOnly', { role: roleName });
  } else if (!can('deleteParameterTemplate')) {
    text = t('parameters.roles.noDelete', { role: roleName });
  }
  if (!text) return null;
  return (
    <p className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
      <ShieldCheck className="size-3.5 shrink-0" aria-hidden />
      {text}
    </p>
  );
}
