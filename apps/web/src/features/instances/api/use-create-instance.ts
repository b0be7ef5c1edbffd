import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation, type OpInput, type OpOutput } from '../../../shared/api/operations';
import { quotaKeys } from '../../quotas/api/quota-keys';
import { instanceKeys } from './instance-keys';

export type CreateInstanceRequest = NonNullable<OpInput<'createInstance'>['body']>;
export type AddTagsRequest = NonNullable<OpInput<'addInstanceTags'>['body']>;

export interface CreateInstanceResult {
  created: OpOutput<'createInstance'>;
  /** The tags call runs after the create (4.4.1 takes no tags); its failure does not undo the instance. */
  tagsError?: unknown;
}

/** 4.4.1, then 4.11.4 for the tags when there are any. */
export function useCreateInstance(project: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      body: CreateInstanceRequest;
      tags?: AddTagsRequest;
    }): Promise<CreateInstanceResult> => {
      const created = await callOperation('createInstance', project, { body: input.body });
      if (!input.tags || input.tags.tags.length === 0) return { created };
      try {
        await callOperation('addInstanceTags', project, {
          path: { instance_id: created.instance.id },
          body: input.tags,
        });
        return { created };
      } catch (tagsError) {
        return { created, tagsError };
      }
    },
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: instanceKeys.all(project) }),
        qc.invalidateQueries({ queryKey: quotaKeys.all(project) }),
      ]),
  });
}
