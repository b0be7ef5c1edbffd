import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermitted } from '../../../shared/api/policy';
import { parameterKeys } from './parameter-keys';
import { markPendingRestart, restartingJobsQuery } from './pending-restart';

/**
 * 4.5.3: changes several parameters of an instance in one call (all or nothing; synchronous). When the
 * answer says a restart is needed, the instance is marked as waiting for one (pending-restart.ts) with the
 * changed parameters that need it.
 */
export function useModifyInstanceParameters(project: string, instanceId: string) {
  const qc = useQueryClient();
  const canReadTasks = usePermitted(['listTasks']);
  return useMutation({
    mutationFn: async (input: { values: Record<string, string>; restartNames: readonly string[] }) => {
      const answer = await callOperation('modifyInstanceParameters', project, {
        path: { instance_id: instanceId },
        body: { values: input.values },
      });
      if (answer.restart_required) {
        // The restarts that already exist do not make this change effective.
        const seen = canReadTasks
          ? await qc
              .fetchQuery({ ...restartingJobsQuery(project, instanceId), staleTime: 0 })
              .then((jobs) => jobs.map((j) => j.job_id))
              .catch(() => [])
          : [];
        const names = input.restartNames.length ? input.restartNames : Object.keys(input.values);
        markPendingRestart(project, instanceId, names, seen);
      }
      return answer;
    },
    onSettled: () =>
      qc.invalidateQueries({ queryKey: [...parameterKeys.all(project), 'instance', instanceId] }),
  });
}
