import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type BaseSyntheticEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { serverFieldErrors } from './field-errors';

/**
 * The one form pattern (use-operation-form.ts) for the console's own routes (console users, ...): values
 * validated as the user types by a schema of the console contract, one call on submit, the BFF's field
 * refusals (`fields[].path`) placed on the fields they concern, pending and accepted states. There is no job
 * to follow: these routes answer at once.
 */
export interface ConsoleFormOptions<S extends z.ZodType<FieldValues, FieldValues>, R> {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /** The call, from valid values. */
  send: (values: z.output<S>) => Promise<R>;
  invalidates?: readonly QueryKey[];
  onAccepted?: (result: R) => void;
}

export interface ConsoleForm<S extends z.ZodType<FieldValues, FieldValues>, R> {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  submit: (e?: BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  error: unknown;
  placedOnFields: boolean;
  accepted: R | undefined;
  reset: () => void;
}

export function useConsoleForm<S extends z.ZodType<FieldValues, FieldValues>, R>(
  options: ConsoleFormOptions<S, R>,
): ConsoleForm<S, R> {
  const { schema, onAccepted, invalidates } = options;
  const qc = useQueryClient();
  const resolver = useMemo(() => zodResolver(schema as never), [schema]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    mode: 'onChange',
    defaultValues: options.defaultValues,
    resolver: resolver as never,
  });
  const [accepted, setAccepted] = useState<{ result: R }>();
  const [placedOnFields, setPlaced] = useState(false);
  const mutation = useMutation({
    mutationFn: (values: z.output<S>) => options.send(values),
    onSettled: () => Promise.all((invalidates ?? []).map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
  const submit = useCallback(
    (e?: BaseSyntheticEvent) =>
      form.handleSubmit(async (values) => {
        setPlaced(false);
        try {
          const result = await mutation.mutateAsync(values);
          setAccepted({ result });
          onAccepted?.(result);
        } catch (error) {
          const onFields = serverFieldErrors(error, schema);
          for (const f of onFields)
            form.setError(
              f.path as Path<z.input<S>>,
              { type: 'server', message: f.message },
              { shouldFocus: true },
            );
          setPlaced(onFields.length > 0);
        }
      })(e),
    [form, mutation, schema, onAccepted],
  );
  const reset = useCallback(() => {
    form.reset(options.defaultValues);
    mutation.reset();
    setAccepted(undefined);
    setPlaced(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, mutation.reset, options.defaultValues]);
  return {
    form,
    submit,
    pending: mutation.isPending,
    error: mutation.error,
    placedOnFields,
    accepted: accepted?.result,
    reset,
  };
}
