import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { recycleKeys } from './recycle-keys';

/** 4.13.1: how many days a deleted instance stays in the recycle bin. */
export const recyclePolicyQuery = (project: string) =>
  queryOptions({
    queryKey: recycleKeys.policy(project),
    queryFn: ({ signal }) => callOperation('getRecyclePolicy', project, {}, signal),
    staleTime: 60_000,
  });

export const useRecyclePolicy = (project: string, enabled = true) =>
  usePermittedQuery('getRecyclePolicy', { ...recyclePolicyQuery(project), enabled });
