import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';

/** 4.4.26: the instance's advanced features with their current value and allowed range. */
export const useAdvancedFeatures = (project: string, instanceId: string, enabled: boolean) =>
  usePermittedQuery('listAdvancedFeatures', {
    queryKey: instanceKeys.sub(project, instanceId, 'advanced-features'),
    queryFn: async ({ signal }) =>
      (await callOperation('listAdvancedFeatures', project, { path: { instance_id: instanceId } }, signal))
        .features,
    enabled,
  });
