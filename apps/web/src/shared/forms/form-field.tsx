import { clsx } from 'clsx';
import { AlertCircle, Info } from 'lucide-react';
import { createContext, useContext, type ReactNode } from 'react';
import { get, useFormState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * The pieces every form is drawn with (UI.md "Forms"): a labelled control with the reference's rule under
 * it from the start, the error below it once the value breaks the rule or the server refuses it; a group
 * of choices under one legend; a calm note. Fields inside a react-hook-form read their error by name.
 */

export const inputClass =
  'h-8 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 placeholder:text-slate-400 ' +
  'focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 aria-[invalid=true]:border-red-500 ' +
  'disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

/** Ids of a form's fields start with this, so two forms on one page never share an id. */
const FieldIdPrefix = createContext('f');
export const FieldIdScope = FieldIdPrefix.Provider;

export function useFieldId(): (name: string) => string {
  const prefix = useContext(FieldIdPrefix);
  return (name: string) => `${prefix}-${name.replace(/[.[\]]+/g, '-')}`;
}

export interface FieldA11y {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** The message of a form error entry, whether on the field itself or on a group's root (arrays, records). */
export function errorMessage(entry: unknown): string | undefined {
  const e = entry as { message?: unknown; root?: { message?: unknown } } | undefined;
  const m = e?.message ?? e?.root?.message;
  return typeof m === 'string' && m ? m : undefined;
}

/** The error the resolver (or the server) has for a path, whatever its depth (`tags.0.key`). */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState();
  return errorMessage(get(errors, name));
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

const describedBy = (id: string, rule: unknown, error: unknown) =>
  [rule ? `${id}-rule` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** The control and its words, for a field whose error the caller knows (inside or outside a form library). */
export function RuleField(props: {
  id: string;
  label: string;
  rule?: ReactNode;
  /** The rule is broken: its text turns red. */
  invalid?: boolean;
  error?: string;
  optional?: boolean;
  className?: string;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={props.className ?? 'mb-3'}>
      <label htmlFor={props.id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {props.label}
        {props.optional && (
          <span className="ml-1 font-normal text-slate-500 dark:text-slate-400">({t('forms.optional')})</span>
        )}
      </label>
      {props.children({
        id: props.id,
        'aria-invalid': !!props.invalid || !!props.error,
        'aria-describedby': describedBy(props.id, props.rule, props.error),
      })}
      {props.rule && (
        <p
          id={`${props.id}-rule`}
          className={clsx(
            'mt-1 text-xs',
            props.invalid && !props.error
              ? 'text-red-700 dark:text-red-400'
              : 'text-slate-500 dark:text-slate-400',
          )}
        >
          {props.rule}
        </p>
      )}
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
  );
}

/** A field of the surrounding react-hook-form, named by its path: its error comes from the form. */
export function Field(props: {
  name: string;
  label: string;
  rule?: ReactNode;
  optional?: boolean;
  className?: string;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  const id = useFieldId()(props.name);
  const error = useFieldError(props.name);
  return <RuleField {...props} id={id} error={error} />;
}

/** A group of radios, checkboxes or selects under one legend, with the group's rule and error. */
export function FieldSet(props: {
  name: string;
  legend: string;
  rule?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useFieldId()(props.name);
  const error = useFieldError(props.name);
  return (
    <fieldset
      className={props.className ?? 'mb-3'}
      aria-describedby={describedBy(id, props.rule, error)}
      aria-invalid={!!error}
    >
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

/** One choice of a group, as a card: the input and what choosing it means. */
export function ChoiceCard(props: {
  checked: boolean;
  disabled?: boolean;
  children: ReactNode;
  input: ReactNode;
}) {
  return (
    <label
      className={clsx(
        'flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-600/40',
        props.checked
          ? 'border-sky-600 bg-sky-50 dark:border-sky-500 dark:bg-sky-950/60'
          : 'border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800',
        props.disabled && 'cursor-not-allowed opacity-60',
      )}
    >
      {props.input}
      <span className="min-w-0 flex-1">{props.children}</span>
    </label>
  );
}

/** A calm explanation box: what the action does to the running system. */
export function Note({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warn' }) {
  return (
    <div
      className={clsx(
        'mb-3 flex items-start gap-2 rounded-md border p-2.5 text-xs',
        tone === 'warn'
          ? 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200'
          : 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-200',
      )}
    >
      <Info className="mt-px size-3.5 shrink-0" aria-hidden />
      <div>{children}</div>
    </div>
  );
}
