import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { FormProvider, useFormState, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { FieldIdScope } from './form-field';
import { TypedConfirmation } from './typed-confirmation';

/** What a destructive action asks before its button turns on: the consequence and the target's name typed. */
export interface DangerConfirmation {
  confirmText: string;
  consequence?: ReactNode;
}

/** The dialog's action, outside the form element (the dialog's footer) but submitting it by its id. */
function SubmitButton<V extends FieldValues, O>(props: {
  form: UseFormReturn<V, unknown, O>;
  label: string;
  danger: boolean;
  pending: boolean;
  blocked: boolean;
  formId: string;
}) {
  return (
    <FormProvider {...props.form}>
      <SubmitButtonInForm {...props} />
    </FormProvider>
  );
}

function SubmitButtonInForm(props: {
  label: string;
  danger: boolean;
  pending: boolean;
  blocked: boolean;
  formId: string;
}) {
  // Inside the FormProvider: the button follows the form's validity as the user types.
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

/** The form of an action dialog: its fields, then for a destructive action the consequence and the typed name. */
function DialogForm<V extends FieldValues, O>(props: {
  form: UseFormReturn<V, unknown, O>;
  formId: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => Promise<unknown>;
  danger?: DangerConfirmation;
  typed: string;
  onTypedChange: (value: string) => void;
  pending: boolean;
  children?: ReactNode;
}) {
  const { danger } = props;
  return (
    <FormProvider {...props.form}>
      <FieldIdScope value={props.formId}>
        <form id={props.formId} onSubmit={(e) => void props.onSubmit(e)} noValidate autoComplete="off">
          {props.children}
          {danger?.consequence && (
            <div className="mb-1 text-sm text-red-800 dark:text-red-300">{danger.consequence}</div>
          )}
          {danger && (
            <TypedConfirmation
              id={`${props.formId}-confirm`}
              name={danger.confirmText}
              value={props.typed}
              onChange={props.onTypedChange}
              disabled={props.pending}
            />
          )}
        </form>
      </FieldIdScope>
    </FormProvider>
  );
}

/** What a dialog's form hook (useOperationForm, useConsoleForm) gives the dialog. */
interface DialogFormSource<V extends FieldValues, O> {
  form: UseFormReturn<V, unknown, O>;
  submit: (e: FormEvent<HTMLFormElement>) => Promise<unknown>;
  pending: boolean;
  reset: () => void;
}

/**
 * The state every action dialog keeps around its form: the form's id (the footer's button submits it), the
 * typed name of a destructive action, closing (which forgets both and the form's outcome), and closing by
 * itself once `closeWhen` turns true (the change accepted). Gives the dialog its footer button and its body.
 */
export function useDialogForm<V extends FieldValues, O>(
  source: DialogFormSource<V, O>,
  options: {
    onOpenChange: (open: boolean) => void;
    danger?: DangerConfirmation;
    canSubmit?: boolean;
    closeWhen: boolean;
  },
) {
  const { danger } = options;
  const formId = useId();
  const [typed, setTyped] = useState('');
  const change = (open: boolean) => {
    if (!open) {
      source.reset();
      setTyped('');
    }
    options.onOpenChange(open);
  };
  useEffect(() => {
    if (options.closeWhen) change(false);
    // Runs once per acceptance; `change` is rebuilt every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [options.closeWhen]);
  const blocked = options.canSubmit === false || (!!danger && typed !== danger.confirmText);
  return {
    /** The dialog's onOpenChange. */
    change,
    submitButton: (label: string, red: boolean) => (
      <SubmitButton
        form={source.form}
        label={label}
        danger={red}
        pending={source.pending}
        blocked={blocked}
        formId={formId}
      />
    ),
    body: (children: ReactNode) => (
      <DialogForm
        form={source.form}
        formId={formId}
        onSubmit={source.submit}
        danger={danger}
        typed={typed}
        onTypedChange={setTyped}
        pending={source.pending}
      >
        {children}
      </DialogForm>
    ),
  };
}
