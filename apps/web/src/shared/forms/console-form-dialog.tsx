import { useEffect, useId, useState, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { ActionDialog } from './operation-dialog';
import { DialogForm, SubmitButton, type DangerConfirmation } from './dialog-form';
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
  const { op, danger } = props;
  const formId = useId();
  const [typed, setTyped] = useState('');
  const change = (open: boolean) => {
    if (!open) {
      op.reset();
      setTyped('');
    }
    props.onOpenChange(open);
  };
  const accepted = op.accepted !== undefined && props.open;
  useEffect(() => {
    if (accepted) change(false);
    // Runs once per acceptance; `change` is rebuilt every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [accepted]);
  return (
    <ActionDialog
      open={props.open}
      onOpenChange={change}
      title={props.title}
      description={props.description}
      wide={props.wide}
      error={op.error}
      errorFieldsShown={op.placedOnFields}
      actions={
        <SubmitButton
          form={op.form}
          label={props.submitLabel}
          danger={!!danger}
          pending={op.pending}
          blocked={props.canSubmit === false || (!!danger && typed !== danger.confirmText)}
          formId={formId}
        />
      }
    >
      <DialogForm
        form={op.form}
        formId={formId}
        onSubmit={op.submit}
        danger={danger}
        typed={typed}
        onTypedChange={setTyped}
        pending={op.pending}
      >
        {props.children}
      </DialogForm>
    </ActionDialog>
  );
}
