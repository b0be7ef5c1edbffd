import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../../shared/lib/operations';
import { createKeys } from './create-keys';

/** 4.2.3: the engines the project offers, per deployment mode, with their versions. */
export const datastoresQuery = (project: string) =>
  queryOptions({
    queryKey: [...createKeys.all(project), 'datastores'] as const,
    queryFn: ({ signal }) => callOperation('listDatastores', project, {}, signal),
    staleTime: 5 * 60_000,
  });

export const useDatastores = (project: string) => useQuery(datastoresQuery(project));
