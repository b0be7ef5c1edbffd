import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';

export interface NetworkChoice {
  id: string;
  /** How many of the project's instances use it. */
  count: number;
}

export interface NetworkChoices {
  vpcs: NetworkChoice[];
  /** Subnets by the VPC they belong to. */
  subnets: Record<string, NetworkChoice[]>;
  securityGroups: NetworkChoice[];
}

const tally = (ids: (string | null | undefined)[]): NetworkChoice[] => {
  const counts = new Map<string, number>();
  for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
};

/**
 * The VPCs, subnets and security groups the project's instances already use (first 100 instances of
 * 4.4.4), most used first: what a new instance usually joins, offered instead of typing raw ids.
 */
export const useNetworkChoices = (project: string) =>
  usePermittedQuery('listInstances', {
    queryKey: instanceKeys.networkChoices(project),
    queryFn: async ({ signal }): Promise<NetworkChoices> => {
      const { instances } = await callOperation('listInstances', project, { query: { limit: 100 } }, signal);
      const vpcs = tally(instances.map((i) => i.vpc_id));
      const subnets = Object.fromEntries(
        vpcs.map((v) => [v.id, tally(instances.filter((i) => i.vpc_id === v.id).map((i) => i.subnet_id))]),
      );
      return { vpcs, subnets, securityGroups: tally(instances.map((i) => i.security_group_id)) };
    },
    staleTime: 60_000,
  });
