import {
  useQuery,
  type DefaultError,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { usePermission } from './policy';

export type PermittedQueryResult<T> = UseQueryResult<T> & {
  /**
   * False when the signed-in role may not run the read: nothing was fetched, and the page says so or hides
   * it; undefined while the policy loads (the query is then pending, as while it fetches).
   */
  permitted: boolean | undefined;
};

/**
 * A read that runs only when the policy allows the signed-in role every operation it is made of, so a
 * page never fires a request the BFF would refuse (a tenant user opening a DBA page fetches nothing).
 */
export function usePermittedQuery<TQueryFnData, TData = TQueryFnData, TKey extends QueryKey = QueryKey>(
  operationIds: string | readonly string[],
  options: UseQueryOptions<TQueryFnData, DefaultError, TData, TKey>,
): PermittedQueryResult<TData> {
  const permitted = usePermission(typeof operationIds === 'string' ? [operationIds] : operationIds);
  const enabled = options.enabled;
  const query = useQuery({
    ...options,
    enabled:
      typeof enabled === 'function'
        ? (q) => permitted === true && enabled(q)
        : permitted === true && enabled !== false,
  });
  return Object.assign(query, { permitted });
}
