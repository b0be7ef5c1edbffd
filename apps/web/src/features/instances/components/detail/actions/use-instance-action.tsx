import type { OperationId } from '@gaussdb-console/api-client/browser';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { OpInput } from '../../../../../shared/api/operations';
import { OperationDialog, type OperationDialogProps } from '../../../../../shared/forms/operation-dialog';
import { useOperationForm, type Accepted } from '../../../../../shared/forms/use-operation-form';
import { instanceKeys } from '../../../api/instance-keys';
import type { ActionDialogProps } from './action-types';

/**
 * The operation form of an instance action: the call goes to this instance (`path.instance_id`), the
 * instance's queries refresh when it settles, and the job it starts is handed to the detail header.
 */
export function useInstanceAction<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>>(
  id: K,
  { project, instance, onJob }: Pick<ActionDialogProps, 'project' | 'instance' | 'onJob'>,
  opts: {
    schema: S;
    defaultValues: z.input<S>;
    /** The request body from valid values (default: the values themselves; undefined: no body). */
    body?: (values: z.output<S>) => unknown;
    /** More path parameters than the instance (e.g. the node an EIP goes to). */
    path?: (values: z.output<S>) => Record<string, string>;
    toFormPath?: (requestPath: string) => string | undefined;
    onAccepted?: (accepted: Accepted<K>) => void;
  },
) {
  return useOperationForm(id, {
    project,
    schema: opts.schema,
    defaultValues: opts.defaultValues as never,
    toInput: (values) => {
      const body = opts.body ? opts.body(values) : values;
      return {
        path: { instance_id: instance.id, ...opts.path?.(values) },
        ...(body === undefined ? {} : { body }),
      } as unknown as OpInput<K>;
    },
    invalidates: [instanceKeys.all(project)],
    toFormPath: opts.toFormPath,
    onAccepted: (accepted) => {
      if (accepted.jobId) onJob(accepted.jobId);
      opts.onAccepted?.(accepted);
    },
  });
}

/**
 * The OperationDialog of an instance action, its words found by the action's key: `instanceActions.<key>`
 * (or `actions.<key>`) `.title` (with the instance's name), `.consequence`, `.submit`; `values` fill the
 * submit label's placeholders (e.g. a count). A destructive action passes `confirm`, the consequence the
 * typed-name confirmation states (the instance's name is what gets typed). A dialog passes only what differs.
 */
export function InstanceActionDialog<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>>({
  action,
  dialog,
  values,
  confirm,
  ...rest
}: Omit<OperationDialogProps<K, S>, 'open' | 'onOpenChange' | 'title' | 'submitLabel' | 'danger'> &
  Partial<Pick<OperationDialogProps<K, S>, 'title' | 'submitLabel'>> & {
    action: string;
    dialog: Pick<ActionDialogProps, 'instance' | 'open' | 'onOpenChange'>;
    values?: Record<string, unknown>;
    /** Destructive: the consequence, stated above the field where the instance's name is typed. */
    confirm?: ReactNode | true;
  }) {
  const { t } = useTranslation();
  const keys = (part: string) => [`instanceActions.${action}.${part}`, `actions.${action}.${part}`];
  // `.intro` says what the dialog is about; otherwise the consequence does, unless the action is destructive:
  // then the consequence is stated at the confirmation, not twice.
  const description =
    t(keys('intro'), { defaultValue: '' }) ||
    (confirm ? undefined : t(keys('consequence'), { defaultValue: '' }) || undefined);
  return (
    <OperationDialog
      open={dialog.open}
      onOpenChange={dialog.onOpenChange}
      title={t(keys('title'), { name: dialog.instance.name })}
      description={description}
      submitLabel={t(keys('submit'), values)}
      danger={
        confirm
          ? { confirmText: dialog.instance.name, consequence: confirm === true ? undefined : confirm }
          : undefined
      }
      {...rest}
    />
  );
}
