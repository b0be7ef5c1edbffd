import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSession, type Role } from '../../features/auth/api/session';
import { bffRequest } from './bff';

/** The BFF's policy: which roles may perform each operation. The server enforces it; the UI only hides. */
export type PolicyTable = Record<string, Role[]>;

export const policyQuery = queryOptions({
  queryKey: ['policy'],
  queryFn: async ({ signal }) => {
    const body = await bffRequest<{ operations?: PolicyTable } | PolicyTable>('GET', '/api/v1/policy', undefined, signal);
    return ('operations' in body && body.operations && !Array.isArray(body.operations) ? body.operations : body) as PolicyTable;
  },
  staleTime: Infinity,
});

/** `can('restartInstance')`: false while the policy loads, so nothing is offered that may be refused. */
export function useCan(): (operationId: string) => boolean {
  const role = useSession().data?.role;
  const policy = useQuery(policyQuery).data;
  return useCallback((id: string) => !!role && !!policy?.[id]?.includes(role), [role, policy]);
}
