import { queryOptions } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { flavorKeys } from './flavor-keys';

export type ListFlavorsQuery = NonNullable<OpInput<'listFlavors'>['query']>;

/** 4.2.2: flavors of one deployment mode and engine version (one page of 100 covers every region we know). */
export const flavorsQuery = (project: string, query: ListFlavorsQuery) =>
  queryOptions({
    queryKey: flavorKeys.list(project, query),
    queryFn: ({ signal }) =>
      callOperation('listFlavors', project, { query: { ...query, limit: 100 } }, signal),
    staleTime: 60_000,
  });

export const useFlavors = (project: string, query: ListFlavorsQuery, enabled = true) =>
  usePermittedQuery('listFlavors', { ...flavorsQuery(project, query), enabled });
