import type { OperationId } from '@gaussdb-console/api-client/browser';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { OpInput } from '../../../../../shared/api/operations';
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
