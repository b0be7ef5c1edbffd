import { useEffect, useId, useState, type ReactNode } from 'react';
import { FormProvider, useFormState, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button } from '../ui/button';
import { FieldIdScope } from './form-field';
import { ActionDialog } from './operation-dialog';
import { TypedConfirmation } from './typed-confirmation';
import type { ConsoleForm } from './use-console-form';

function Submit(props: {
  label: string;
  danger: boolean;
  pending: boolean;
  blocked: boolean;
  formId: string;
}) {
  const { t } = useTranslation();
  const { isValid } = useFormState();
  return (
    <Button
      type="submit"
      form={props.formId}
      variant={props.danger ? 'danger' : 'primary'}
      disabled={props.pending || props.blocked || !isValid}
    >
      {props.pending ? t('forms.submitting') : props.label}
    </Button>
  );
}

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
  danger?: { confirmText: string; consequence?: ReactNode };
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
        <FormProvider {...op.form}>
          <Submit
            label={props.submitLabel}
            danger={!!danger}
            pending={op.pending}
            blocked={props.canSubmit === false || (!!danger && typed !== danger.confirmText)}
            formId={formId}
          />
        </FormProvider>
      }
    >
      <FormProvider {...op.form}>
        <FieldIdScope value={formId}>
          <form id={formId} onSubmit={(e) => void op.submit(e)} noValidate autoComplete="off">
            {props.children}
            {danger?.consequence && (
              <div className="mb-1 text-sm text-red-800 dark:text-red-300">{danger.consequence}</div>
            )}
            {danger && (
              <TypedConfirmation
                id={`${formId}-confirm`}
                name={danger.confirmText}
                value={typed}
                onChange={setTyped}
                disabled={op.pending}
              />
            )}
          </form>
        </FieldIdScope>
      </FormProvider>
    </ActionDialog>
  );
}
