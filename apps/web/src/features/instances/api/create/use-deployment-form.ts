import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../../shared/lib/operations';
import { createKeys } from './create-keys';

export type SolutionName = 'triset' | 'double' | 'hws' | 'hcs2';

/** 4.4.12: the shape (nodes, shards, replicas) a solution gets at creation. */
export const deploymentFormQuery = (project: string, solution: SolutionName) =>
  queryOptions({
    queryKey: [...createKeys.all(project), 'deployment-form', solution] as const,
    queryFn: ({ signal }) => callOperation('getDeploymentForm', project, { query: { solution } }, signal),
    staleTime: 5 * 60_000,
  });

export const useDeploymentForm = (project: string, solution: SolutionName) => useQuery(deploymentFormQuery(project, solution));
