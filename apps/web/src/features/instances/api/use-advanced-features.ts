import { useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../shared/lib/operations';
import { instanceKeys } from './instance-keys';

/** 4.4.26: the instance's advanced features with their current value and allowed range. */
export const useAdvancedFeatures = (project: string, instanceId: string, enabled: boolean) =>
  useQuery({
    queryKey: instanceKeys.sub(project, instanceId, 'advanced-features'),
    queryFn: async ({ signal }) => (await callOperation('listAdvancedFeatures', project, { path: { instance_id: instanceId } }, signal)).features,
    enabled,
  });
