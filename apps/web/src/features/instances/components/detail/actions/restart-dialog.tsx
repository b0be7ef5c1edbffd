import { z } from 'zod';
import type { ActionDialogProps } from './action-types';
import { InstanceActionDialog, useInstanceAction } from './use-instance-action';

const noFields = z.object({});

/** Restart is reversible: one click to confirm, the consequence stated. */
export function RestartDialog(props: ActionDialogProps) {
  const op = useInstanceAction('restartInstance', props, {
    schema: noFields,
    defaultValues: {},
    body: () => undefined,
  });
  return <InstanceActionDialog action="restart" dialog={props} op={op} />;
}
