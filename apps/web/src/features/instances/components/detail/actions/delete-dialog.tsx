import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { callOperation } from '../../../../../shared/lib/operations';
import { ConfirmDanger } from '../../../../../shared/ui/confirm-danger';
import { pushToast } from '../../../../../shared/lib/toasts';
import { useDeleteInstance } from '../../../api/use-instance-mutations';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

/** Delete: type the name; the dialog says how long the recycle bin keeps it. */
export function DeleteDialog({ project, instance, open, onOpenChange }: ActionDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const del = useDeleteInstance(project);
  const policy = useQuery({
    queryKey: ['recycle-policy', project],
    queryFn: ({ signal }) => callOperation('getRecyclePolicy', project, {}, signal),
    enabled: open,
  });
  const days = Number(policy.data?.retention_period_in_days ?? 7);
  return (
    <ConfirmDanger
      open={open}
      onOpenChange={(o) => {
        if (!o) del.reset();
        onOpenChange(o);
      }}
      title={t('actions.delete.title', { name: instance.name })}
      consequence={t('actions.delete.consequence', {
        name: instance.name,
        days: Number.isFinite(days) ? days : 7,
      })}
      confirmText={instance.name}
      actionLabel={t('actions.delete.submit')}
      pending={del.isPending}
      error={<ServerError error={del.error} />}
      onConfirm={() =>
        del.mutate(
          { path: { instance_id: instance.id } },
          {
            onSuccess: () => {
              pushToast({ tone: 'info', title: t('actions.delete.started', { name: instance.name }) });
              onOpenChange(false);
              void navigate(`/p/${encodeURIComponent(project)}/instances`);
            },
          },
        )
      }
    />
  );
}
