import { useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../shared/lib/operations';
import { instanceKeys } from './instance-keys';

/** 4.4.13: the EIPs bound to the instance's nodes, every page (at most 50 per page here). */
export const usePublicIps = (project: string, instanceId: string, enabled: boolean) =>
  useQuery({
    queryKey: instanceKeys.sub(project, instanceId, 'public-ips'),
    queryFn: async ({ signal }) => {
      const rows = [];
      for (let offset = 0; offset < 1000; offset += 50) {
        const page = await callOperation('listPublicIps', project, { path: { instance_id: instanceId }, query: { offset, limit: 50 } }, signal);
        rows.push(...page.public_ips);
        if (page.public_ips.length < 50) break;
      }
      return rows;
    },
    enabled,
  });
