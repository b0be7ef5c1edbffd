import { AlertCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { get, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { WizardValues } from './wizard-values';

export const inputClass =
  'h-8 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 placeholder:text-slate-400 ' +
  'focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 aria-[invalid=true]:border-red-500 ' +
  'disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

export const fieldId = (name: string) => `create-${name.replace(/\./g, '-')}`;

export interface FieldA11y {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** The error the resolver (or the server) has for a path, whatever its depth (`tags.0.key`). */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState<WizardValues>();
  const e = get(errors, name) as { message?: unknown } | undefined;
  return typeof e?.message === 'string' && e.message ? e.message : undefined;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 flex items-start gap-1 text-xs text-red-700 dark:text-red-400">
      <AlertCircle className="mt-px size-3.5 shrink-0" aria-hidden />
      <span>{message}</span>
    </p>
  );
}

/**
 * A labelled input with its rule under it from the start (UI.md "Forms") and, once broken, the error.
 * The input gets its id and aria wiring from the render prop.
 */
export function Field(props: {
  name: string;
  label: string;
  rule?: string;
  optional?: boolean;
  className?: string;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = fieldId(props.name);
  const error = useFieldError(props.name);
  const describedBy = [props.rule ? `${id}-rule` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {props.label}
        {props.optional && <span className="ml-1 font-normal text-slate-500 dark:text-slate-400">({t('createInstance.optional')})</span>}
      </label>
      {props.children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {props.rule && (
        <p id={`${id}-rule`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {props.rule}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A group of radios or selects under one legend, with the group's rule and error. */
export function FieldSet(props: { name: string; legend: string; rule?: string; children: ReactNode; className?: string }) {
  const id = fieldId(props.name);
  const error = useFieldError(props.name);
  const describedBy = [props.rule ? `${id}-rule` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={props.className} aria-describedby={describedBy} aria-invalid={!!error}>
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{props.legend}</legend>
      {props.children}
      {props.rule && (
        <p id={`${id}-rule`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {props.rule}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export function ChoiceCard(props: { checked: boolean; disabled?: boolean; children: ReactNode; input: ReactNode }) {
  return (
    <label
      className={
        'flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-600/40 ' +
        (props.checked
          ? 'border-sky-600 bg-sky-50 dark:border-sky-500 dark:bg-sky-950/60'
          : 'border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800') +
        (props.disabled ? ' cursor-not-allowed opacity-60' : '')
      }
    >
      {props.input}
      <span className="min-w-0 flex-1">{props.children}</span>
    </label>
  );
}
