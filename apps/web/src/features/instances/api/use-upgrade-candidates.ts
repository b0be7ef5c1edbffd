import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';

/** 4.6.1: upgrade types and actions the instance offers now, candidate versions and hotfixes, progress. */
export const useUpgradeCandidates = (project: string, instanceId: string, enabled: boolean) =>
  usePermittedQuery('listUpgradeCandidates', {
    queryKey: instanceKeys.sub(project, instanceId, 'upgrade-candidates'),
    queryFn: ({ signal }) =>
      callOperation('listUpgradeCandidates', project, { path: { instance_id: instanceId } }, signal),
    enabled,
  });
