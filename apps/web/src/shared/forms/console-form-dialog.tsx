import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { ActionDialog } from './operation-dialog';
import { useDialogForm, type DangerConfirmation } from './dialog-form';
import type { ConsoleForm } from './use-console-form';

/**
 * OperationDialog's frame for a console-route form (useConsoleForm): the fields validated as the user types,
 * Enter submits, the refusal whole when it names no field, a red action with the target's name typed for
 * destructive changes; it closes once the change is accepted.
 */
export function ConsoleFormDialog<S extends z.ZodType<FieldValues, FieldValues>, R>(props: {
  op: ConsoleForm<S, R>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  danger?: DangerConfirmation;
  canSubmit?: boolean;
  wide?: boolean;
  children?: ReactNode;
}) {
  const { op } = props;
  const dialog = useDialogForm(op, {
    onOpenChange: props.onOpenChange,
    danger: props.danger,
    canSubmit: props.canSubmit,
    closeWhen: op.accepted !== undefined && props.open,
  });
  return (
    <ActionDialog
      open={props.open}
      onOpenChange={dialog.change}
      title={props.title}
      description={props.description}
      wide={props.wide}
      error={op.error}
      errorFieldsShown={op.placedOnFields}
      actions={dialog.submitButton(props.submitLabel, !!props.danger)}
    >
      {dialog.body(props.children)}
    </ActionDialog>
  );
}
