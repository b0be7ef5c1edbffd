import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { flavorKeys } from './flavor-keys';

/** 4.2.3: the engines the project offers, per deployment mode, with their versions. */
export const datastoresQuery = (project: string) =>
  queryOptions({
    queryKey: flavorKeys.datastores(project),
    queryFn: ({ signal }) => callOperation('listDatastores', project, {}, signal),
    staleTime: 5 * 60_000,
  });

export const useDatastores = (project: string) =>
  usePermittedQuery('listDatastores', datastoresQuery(project));
