import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { quotaKeys } from '../../quotas/api/quota-keys';
import { instanceKeys } from './instance-keys';

export type RestoreToNewRequest = NonNullable<OpInput<'restoreToNewInstance'>['body']>;

/** 4.7.8: a new instance built from a backup or a point in time of another one. */
export function useRestoreInstance(project: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RestoreToNewRequest) => callOperation('restoreToNewInstance', project, { body }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: instanceKeys.all(project) }),
        qc.invalidateQueries({ queryKey: quotaKeys.all(project) }),
      ]),
  });
}
