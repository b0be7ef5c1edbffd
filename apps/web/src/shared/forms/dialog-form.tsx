import type { FormEvent, ReactNode } from 'react';
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
export function SubmitButton<V extends FieldValues, O>(props: {
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
export function DialogForm<V extends FieldValues, O>(props: {
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
