import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { flavorKeys } from './flavor-keys';

/** 4.2.1: the engine versions the project may create. */
export const datastoreVersionsQuery = (project: string) =>
  queryOptions({
    queryKey: flavorKeys.versions(project),
    queryFn: ({ signal }) => callOperation('listDatastoreVersions', project, {}, signal),
    staleTime: 5 * 60_000,
  });

export const useDatastoreVersions = (project: string) =>
  usePermittedQuery('listDatastoreVersions', datastoreVersionsQuery(project));
