import type { OperationId } from '@gaussdb-console/api-client/browser';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { OpInput } from '../../../shared/api/operations';
import { useOperationForm, type Accepted } from '../../../shared/forms/use-operation-form';
import { databaseKeys } from './database-keys';

/**
 * The operation form of a 4.9 write on one instance: the call goes to `path.instance_id` with the body
 * the values make, and the instance's databases, users and schemas refresh when it settles.
 */
export function useDatabaseForm<K extends OperationId, S extends z.ZodType<FieldValues, FieldValues>>(
  id: K,
  project: string,
  instanceId: string,
  opts: {
    schema: S;
    defaultValues: z.input<S>;
    body: (values: z.output<S>) => unknown;
    toFormPath?: (requestPath: string) => string | undefined;
    onAccepted?: (accepted: Accepted<K>) => void;
  },
) {
  return useOperationForm(id, {
    project,
    schema: opts.schema,
    defaultValues: opts.defaultValues as never,
    toInput: (values) =>
      ({ path: { instance_id: instanceId }, body: opts.body(values) }) as unknown as OpInput<K>,
    invalidates: [databaseKeys.instance(project, instanceId)],
    toFormPath: opts.toFormPath,
    onAccepted: opts.onAccepted,
  });
}
