import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { parameterKeys } from './parameter-keys';

/** What became of applying the template to one instance: the job it started, or the refusal. */
export interface ApplyOutcome {
  instanceId: string;
  jobId?: string;
  error?: unknown;
}

/**
 * 4.5.12, once per instance: each instance gets its own job (its own progress, its own result), and one
 * instance the server refuses (busy, another version) does not stop the others. Sent once each, never
 * retried (a repeat would apply twice).
 */
export function useApplyTemplate(project: string, configId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (instanceIds: readonly string[]) =>
      Promise.all(
        instanceIds.map(async (instanceId): Promise<ApplyOutcome> => {
          try {
            const answer = await callOperation('applyParameterTemplate', project, {
              path: { config_id: configId },
              body: { instance_ids: [instanceId] },
            });
            return { instanceId, jobId: answer.job_id ?? undefined };
          } catch (error) {
            return { instanceId, error };
          }
        }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: parameterKeys.all(project) }),
  });
}
