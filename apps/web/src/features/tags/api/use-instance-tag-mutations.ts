import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { instanceKeys } from '../../instances/api/instance-keys';
import { tagKeys } from './tag-keys';

/** 4.11.4 / 4.11.5: an instance's tags change; the instance (which lists them) and the project's tags refresh. */
function useTagMutation<K extends 'addInstanceTags' | 'deleteInstanceTag'>(id: K, project: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<K>) => callOperation(id, project, input),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: instanceKeys.all(project) }),
        qc.invalidateQueries({ queryKey: tagKeys.all(project) }),
      ]),
  });
}

export const useAddInstanceTags = (project: string) => useTagMutation('addInstanceTags', project);
export const useDeleteInstanceTag = (project: string) => useTagMutation('deleteInstanceTag', project);
