import { useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../shared/lib/operations';
import { instanceKeys } from './instance-keys';

/** 4.4.10's targets (4.2.4): the flavors this instance can be resized to, every page (100 per page). */
export const useAvailableFlavors = (project: string, instanceId: string, enabled: boolean) =>
  useQuery({
    queryKey: instanceKeys.sub(project, instanceId, 'available-flavors'),
    queryFn: async ({ signal }) => {
      const flavors = [];
      for (let offset = 0; offset < 1000; offset += 100) {
        const page = await callOperation('listAvailableFlavors', project, { path: { instance_id: instanceId }, query: { offset, limit: 100 } }, signal);
        flavors.push(...page.flavors);
        if (page.flavors.length < 100) break;
      }
      return flavors;
    },
    enabled,
  });
