import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { useRestartInstance } from '../../../api/use-instance-mutations';
import { followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

/** Restart is reversible: one click to confirm, the consequence stated. */
export function RestartDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const restart = useRestartInstance(project);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) restart.reset();
        onOpenChange(o);
      }}
      title={t('actions.restart.title', { name: instance.name })}
      description={t('actions.restart.consequence')}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={restart.isPending}
            onClick={() =>
              restart.mutate(
                { path: { instance_id: instance.id } },
                followJob(onJob, () => onOpenChange(false)),
              )
            }
          >
            {t('actions.restart.submit')}
          </Button>
        </>
      }
    >
      <ServerError error={restart.error} />
    </Dialog>
  );
}
