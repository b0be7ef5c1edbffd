import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../../shared/lib/operations';
import { createKeys } from './create-keys';

/** 4.2.1: the engine versions the project may create. */
export const datastoreVersionsQuery = (project: string) =>
  queryOptions({
    queryKey: createKeys.versions(project),
    queryFn: ({ signal }) => callOperation('listDatastoreVersions', project, {}, signal),
    staleTime: 5 * 60_000,
  });

export const useDatastoreVersions = (project: string) => useQuery(datastoreVersionsQuery(project));
