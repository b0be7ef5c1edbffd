import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { flavorKeys } from './flavor-keys';

export type SolutionName = 'triset' | 'double' | 'hws' | 'hcs2';

/** 4.4.12: the shape (nodes, shards, replicas) a solution gets at creation. */
export const deploymentFormQuery = (project: string, solution: SolutionName) =>
  queryOptions({
    queryKey: flavorKeys.deploymentForm(project, solution),
    queryFn: ({ signal }) => callOperation('getDeploymentForm', project, { query: { solution } }, signal),
    staleTime: 5 * 60_000,
  });

export const useDeploymentForm = (project: string, solution: SolutionName) =>
  usePermittedQuery('getDeploymentForm', deploymentFormQuery(project, solution));
