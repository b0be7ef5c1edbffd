import { queryClient } from '../shared/lib/query-client';
import { policyQuery } from '../shared/api/policy';
import { sessionQuery } from '../shared/api/session';

/**
 * Asks for the session (and, when signed in, the policy every page's reads wait for) at boot, while the
 * translations load, instead of after the first render: the page's own reads then start as soon as it renders.
 */
export function prefetchSession(): void {
  void queryClient.prefetchQuery(sessionQuery).then(() => {
    if (queryClient.getQueryData(sessionQuery.queryKey)) void queryClient.prefetchQuery(policyQuery);
  });
}
