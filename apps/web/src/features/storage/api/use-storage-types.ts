import { queryOptions } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { storageKeys } from './storage-keys';

export type ListStorageTypesQuery = OpInput<'listStorageTypes'>['query'];

/** 4.3.2: disk types for an engine version and deployment mode, with their per-AZ availability. */
export const storageTypesQuery = (project: string, query: ListStorageTypesQuery) =>
  queryOptions({
    queryKey: storageKeys.types(project, query ?? {}),
    queryFn: ({ signal }) => callOperation('listStorageTypes', project, { query }, signal),
    staleTime: 60_000,
  });

export const useStorageTypes = (project: string, query: ListStorageTypesQuery, enabled = true) =>
  usePermittedQuery('listStorageTypes', { ...storageTypesQuery(project, query), enabled });
