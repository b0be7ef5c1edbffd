import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../../shared/lib/operations';
import { createKeys } from './create-keys';

export type ListStorageTypesQuery = OpInput<'listStorageTypes'>['query'];

/** 4.3.2: disk types for an engine version and deployment mode, with their per-AZ availability. */
export const storageTypesQuery = (project: string, query: ListStorageTypesQuery) =>
  queryOptions({
    queryKey: createKeys.storageTypes(project, query),
    queryFn: ({ signal }) => callOperation('listStorageTypes', project, { query }, signal),
    staleTime: 60_000,
  });

export const useStorageTypes = (project: string, query: ListStorageTypesQuery, enabled = true) =>
  useQuery({ ...storageTypesQuery(project, query), enabled });
