import { allItems } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';

/** 4.4.13: the EIPs bound to the instance's nodes, every page. */
export const usePublicIps = (project: string, instanceId: string, enabled: boolean) =>
  usePermittedQuery('listPublicIps', {
    queryKey: instanceKeys.sub(project, instanceId, 'public-ips'),
    queryFn: ({ signal }) =>
      allItems('listPublicIps', project, { path: { instance_id: instanceId } }, signal),
    enabled,
  });
