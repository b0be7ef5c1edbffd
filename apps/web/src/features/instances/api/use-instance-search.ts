import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';
import { toListQuery } from './list-query';

/** How many matches a quick search shows. */
export const SEARCH_LIMIT = 8;

/**
 * 4.4.4 as a quick search: the same rule as the list's search box (plain text finds names, or ids, that
 * contain it; "=text" is an exact match), first few matches only.
 */
export const instanceSearchQuery = (project: string, text: string) =>
  queryOptions({
    queryKey: instanceKeys.search(project, text),
    queryFn: async ({ signal }) => {
      const query = toListQuery({
        page: 1,
        size: SEARCH_LIMIT,
        q: text,
        type: '',
        datastore: '',
        vpc: '',
        subnet: '',
        tags: '',
        status: '',
      });
      const res = await callOperation('listInstances', project, { query }, signal);
      return res.instances.slice(0, SEARCH_LIMIT);
    },
    staleTime: 10_000,
  });

export const useInstanceSearch = (project: string, text: string, enabled = true) =>
  usePermittedQuery('listInstances', {
    ...instanceSearchQuery(project, text),
    enabled: enabled && text !== '',
  });
