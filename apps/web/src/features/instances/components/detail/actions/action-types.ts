import { isBusyStatus, type Instance } from '@gaussdb-console/api-client/browser';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';

/** What every action dialog receives. */
export interface ActionDialogProps {
  project: string;
  instance: Instance;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the job id an asynchronous action started, so the header can follow its progress. */
  onJob: (jobId: string) => void;
}

export interface InstanceAction {
  key: string;
  /** The operation the role needs (from the BFF policy). */
  operationId: string;
  /** Shown as a red, destructive item. */
  danger?: boolean;
  /** Primary actions are buttons in the header; the others live in the "More" menu. */
  primary?: boolean;
  /** Why the instance's current state forbids the action, or undefined when it is allowed. */
  blockedBy: (instance: Instance, t: TFunction) => string | undefined;
  Dialog: ComponentType<ActionDialogProps>;
}

/** Most actions need an ACTIVE instance; a running operation blocks the next one. */
export function needsActive(instance: Instance, t: TFunction): string | undefined {
  if (instance.status === 'ACTIVE') return undefined;
  if (isBusyStatus(instance.status))
    return t('actions.blockedBusy', {
      status: t(`status.${instance.status.replace(/\s+/g, '_')}`, { defaultValue: instance.status }),
    });
  return t('actions.blockedStatus', {
    status: t(`status.${instance.status.replace(/\s+/g, '_')}`, { defaultValue: instance.status }),
  });
}

export const isDistributed = (i: Instance) =>
  (i.ha?.mode ?? i.type ?? '').toLowerCase().startsWith('enterprise');
