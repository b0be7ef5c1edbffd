import { consoleRoutes } from '@gaussdb-console/api-client/browser';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { bffParsed } from '../lib/bff';
import { sessionKeys, useSession } from './session';

/** The BFF's policy: which roles may perform each operation. The server enforces it; the UI only hides. */
export const policyQuery = queryOptions({
  queryKey: sessionKeys.policy,
  queryFn: ({ signal }) => bffParsed((s) => s.consolePolicy, 'GET', consoleRoutes.policy, undefined, signal),
  staleTime: Infinity,
});

/**
 * `can('restartInstance')`: false while the session or the policy loads, so nothing is offered, or
 * fetched, that may be refused.
 */
export function useCan(): (operationId: string) => boolean {
  const role = useSession().data?.role;
  const policy = useQuery({ ...policyQuery, enabled: !!role }).data;
  return useCallback((id: string) => !!role && !!policy?.operations[id]?.includes(role), [role, policy]);
}

/** True when the signed-in role may run every one of these operations (false while the policy loads). */
export function usePermitted(operationIds: readonly string[]): boolean {
  const can = useCan();
  return operationIds.every(can);
}

/**
 * Whether the signed-in role may run every one of these operations: undefined while the session or the
 * policy loads, so a page can show "loading" rather than "not for you" in the meantime.
 */
export function usePermission(operationIds: readonly string[]): boolean | undefined {
  const session = useSession();
  const policy = useQuery({ ...policyQuery, enabled: !!session.data?.role });
  const role = session.data?.role;
  if (!role || !policy.data) return session.isSuccess && !role ? false : undefined;
  return operationIds.every((id) => !!policy.data.operations[id]?.includes(role));
}
