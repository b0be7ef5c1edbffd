import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { instanceKeys } from './instance-keys';

/**
 * One hook per instance operation that the pages run; every mutation refreshes the project's instance
 * queries when it settles, so a page never shows data from before its own change.
 */
function useInstanceMutation<K extends Parameters<typeof callOperation>[0]>(id: K, project: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OpInput<K>) => callOperation(id, project, input),
    onSettled: () => qc.invalidateQueries({ queryKey: instanceKeys.all(project) }),
  });
}

export const useRestartInstance = (project: string) => useInstanceMutation('restartInstance', project);
export const useAddInstanceTags = (project: string) => useInstanceMutation('addInstanceTags', project);
export const useDeleteInstanceTag = (project: string) => useInstanceMutation('deleteInstanceTag', project);
export const useRenameInstance = (project: string) => useInstanceMutation('renameInstance', project);
export const useDeleteInstance = (project: string) => useInstanceMutation('deleteInstance', project);
export const useResetRootPassword = (project: string) => useInstanceMutation('resetRootPassword', project);
export const useResizeFlavor = (project: string) => useInstanceMutation('resizeFlavor', project);
export const useExpandInstance = (project: string) => useInstanceMutation('expandInstance', project);
export const useSwitchShardPrimary = (project: string) => useInstanceMutation('switchShardPrimary', project);
export const useStartNodes = (project: string) => useInstanceMutation('startNodes', project);
export const useStopNodes = (project: string) => useInstanceMutation('stopNodes', project);
export const useChangeNodePublicIp = (project: string) => useInstanceMutation('changeNodePublicIp', project);
export const useSwitchToLoggerReplica = (project: string) =>
  useInstanceMutation('switchToLoggerReplica', project);
export const useSwitchToStandbyReplica = (project: string) =>
  useInstanceMutation('switchToStandbyReplica', project);
export const useModifyAdvancedFeatures = (project: string) =>
  useInstanceMutation('modifyAdvancedFeatures', project);
export const useUpgradeInstance = (project: string) => useInstanceMutation('upgradeInstance', project);
