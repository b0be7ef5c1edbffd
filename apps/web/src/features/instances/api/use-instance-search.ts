import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../shared/lib/operations';
import { toListQuery } from '../components/list-params';
import { instanceKeys } from './instance-keys';

/** How many matches a quick search shows. */
export const SEARCH_LIMIT = 8;

/**
 * 4.4.4 as a quick search: the same rule as the list's search box (plain text finds names, or ids, that
 * contain it; "=text" is an exact match), first few matches only.
 */
export const instanceSearchQuery = (project: string, text: string) =>
  queryOptions({
    queryKey: [...instanceKeys.all(project), 'search', text] as const,
    queryFn: async ({ signal }) => {
      const query = toListQuery({ page: 1, size: SEARCH_LIMIT, q: text, type: '', datastore: '', vpc: '', subnet: '', tags: '' });
      const res = await callOperation('listInstances', project, { query }, signal);
      return res.instances.slice(0, SEARCH_LIMIT);
    },
    staleTime: 10_000,
  });

export const useInstanceSearch = (project: string, text: string, enabled = true) =>
  useQuery({ ...instanceSearchQuery(project, text), enabled: enabled && text !== '' });
