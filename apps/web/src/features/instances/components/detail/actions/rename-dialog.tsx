import { INSTANCE_NAME_RULE, instanceName } from '@gaussdb-console/api-client/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../../shared/ui/button';
import { Dialog } from '../../../../../shared/ui/dialog';
import { useRenameInstance } from '../../../api/use-instance-mutations';
import { followJob } from './dialog-parts';
import { ServerError } from './server-error';
import type { ActionDialogProps } from './action-types';

const nameRule = instanceName();

export function RenameDialog({ project, instance, open, onOpenChange, onJob }: ActionDialogProps) {
  const { t } = useTranslation();
  const rename = useRenameInstance(project);
  const [name, setName] = useState(instance.name);
  const valid = nameRule.safeParse(name).success;
  const changed = name !== instance.name;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) setName(instance.name);
        else rename.reset();
        onOpenChange(o);
      }}
      title={t('actions.rename.title')}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={!valid || !changed || rename.isPending}
            onClick={() =>
              rename.mutate(
                { path: { instance_id: instance.id }, body: { name } },
                followJob(onJob, () => onOpenChange(false)),
              )
            }
          >
            {t('actions.rename.submit')}
          </Button>
        </>
      }
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t('actions.rename.label')}</span>
        <input
          className="h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 dark:border-slate-600 dark:bg-slate-800"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!valid}
          aria-describedby="rename-rule"
        />
        <span
          id="rename-rule"
          className={
            valid
              ? 'mt-1 block text-xs text-slate-500 dark:text-slate-400'
              : 'mt-1 block text-xs text-red-700 dark:text-red-400'
          }
        >
          {t('actions.rename.rule', { rule: INSTANCE_NAME_RULE })}
        </span>
      </label>
      <div className="mt-3">
        <ServerError error={rename.error} />
      </div>
    </Dialog>
  );
}
