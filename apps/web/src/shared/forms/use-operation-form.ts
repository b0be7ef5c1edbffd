import {
  getOperation,
  type OperationDescriptor,
  type OperationId,
} from '@gaussdb-console/api-client/browser';
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
import { useJob } from '../api/jobs';
import { callOperation, type OpInput, type OpOutput } from '../api/operations';
import { serverFieldErrors } from './field-errors';
import { localizedResolver } from './localized-resolver';

/** What an accepted call answered, and the job it started when it is asynchronous. */
export interface Accepted<K extends OperationId> {
  response: OpOutput<K>;
  jobId?: string;
}

export interface OperationFormOptions<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>> {
  project: string;
  /** The form's values: the operation's body schema, or a schema built from it when the form has more. */
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /** The call's input (path ids, query, body) from valid values. */
  toInput: (values: z.output<S>) => OpInput<K>;
  /** Query keys refreshed when the call settles (the live stream refreshes the rest when its job ends). */
  invalidates?: readonly QueryKey[];
  /** Request path (`enlarge_volume.size`) → form path, when they differ; undefined: not a field of the form. */
  toFormPath?: (requestPath: string) => string | undefined;
  onAccepted?: (accepted: Accepted<K>) => void;
}

export interface OperationForm<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>> {
  operation: OperationDescriptor;
  project: string;
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  /** Validates, then calls the operation once; bind to the form's onSubmit. */
  submit: (e?: BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  /** The refusal, whatever it concerns: the frame shows its code, message and request id. */
  error: unknown;
  /** True when the refusal was put on the fields it concerns (the frame then does not list them again). */
  placedOnFields: boolean;
  accepted: Accepted<K> | undefined;
  /** The started job as 4.12.2 reports it, refreshed until it ends. */
  job:
    | {
        status: 'Running' | 'Completed' | 'Failed' | string;
        progress: number | undefined;
        failReason: string | undefined;
      }
    | undefined;
  /** Back to the default values, no error, nothing accepted. */
  reset: () => void;
}

/** The job an accepted call started; prepaid orders may answer with an order id alone. */
export function jobIdOf(response: unknown): string | undefined {
  const job =
    typeof response === 'object' && response !== null ? (response as { job_id?: unknown }).job_id : undefined;
  return typeof job === 'string' && job ? job : undefined;
}

const progressOf = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : Number.parseFloat(String(v ?? ''));
  return Number.isFinite(n) ? n : undefined;
};

/**
 * The console's one form pattern (docs/architecture.md "Forms"): react-hook-form validated by the
 * operation's schema from the contract, as the user types; one call on submit; the server's `DBS.*`
 * refusal placed on the field it concerns (by the fields it names, else by the contract's code
 * registry); pending and accepted states; the job it starts followed until it ends.
 */
export function useOperationForm<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>>(
  id: K,
  options: OperationFormOptions<K, S>,
): OperationForm<K, S> {
  const operation = getOperation(id);
  if (!operation) throw new Error(`unknown operation ${String(id)}`);
  const { project, schema, toFormPath, onAccepted } = options;
  const qc = useQueryClient();
  const resolver = useMemo(() => localizedResolver(schema), [schema]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    mode: 'onChange',
    defaultValues: options.defaultValues,
    resolver: resolver as never,
  });
  const [accepted, setAccepted] = useState<Accepted<K>>();
  const [placedOnFields, setPlaced] = useState(false);
  const invalidates = options.invalidates;
  const mutation = useMutation({
    mutationFn: (input: OpInput<K>) => callOperation(id, project, input),
    onSettled: () => Promise.all((invalidates ?? []).map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });

  const submit = useCallback(
    (e?: BaseSyntheticEvent) =>
      form.handleSubmit(async (values) => {
        setPlaced(false);
        try {
          const response = await mutation.mutateAsync(options.toInput(values));
          const done: Accepted<K> = { response, jobId: jobIdOf(response) };
          setAccepted(done);
          onAccepted?.(done);
        } catch (error) {
          const onFields = serverFieldErrors(error, operation.body, schema, toFormPath);
          for (const f of onFields)
            form.setError(
              f.path as Path<z.input<S>>,
              { type: 'server', message: f.message },
              { shouldFocus: true },
            );
          setPlaced(onFields.length > 0);
        }
      })(e),
    // `options.toInput` is read at submit time: a dialog may build it from the props of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form, mutation, operation, schema, toFormPath, onAccepted, options.toInput],
  );

  const jobQuery = useJob(project, accepted?.jobId);
  const j = jobQuery.data?.job;
  const job = accepted?.jobId
    ? {
        status: j?.status ?? 'Running',
        progress: progressOf(j?.progress ?? j?.process),
        failReason: j?.fail_reason ?? undefined,
      }
    : undefined;

  const reset = useCallback(() => {
    form.reset(options.defaultValues);
    mutation.reset();
    setAccepted(undefined);
    setPlaced(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, mutation.reset, options.defaultValues]);

  return {
    operation,
    project,
    form,
    submit,
    pending: mutation.isPending,
    error: mutation.error,
    placedOnFields,
    accepted,
    job,
    reset,
  };
}
