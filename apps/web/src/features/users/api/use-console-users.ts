import {
  consoleRoutes,
  consoleUser,
  consoleUserList,
  endedSessions,
  unlockedUser,
  type AddConsoleUserBody,
  type ChangeConsoleUserRoleBody,
  type TenantGrantInput,
} from '@gaussdb-console/api-client/browser';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../../../shared/api/session';
import { bffParsed, bffRequest } from '../../../shared/lib/bff';
import { userKeys } from './user-keys';

/** GET /api/v1/users: every console user with role and tenant grants (admins only). */
export const consoleUsersQuery = queryOptions({
  queryKey: userKeys.all,
  queryFn: ({ signal }) => bffParsed(() => consoleUserList, 'GET', consoleRoutes.users, undefined, signal),
});

/** Only an admin asks: the BFF refuses everyone else, so no one else fetches. */
export function useConsoleUsers() {
  const role = useSession().data?.role;
  const query = useQuery({ ...consoleUsersQuery, enabled: role === 'admin' });
  return Object.assign(query, { permitted: role === undefined ? undefined : role === 'admin' });
}

export const addConsoleUser = (body: AddConsoleUserBody) =>
  bffParsed(() => consoleUser, 'POST', consoleRoutes.users, body);
export const changeConsoleUserRole = (name: string, body: ChangeConsoleUserRoleBody) =>
  bffParsed(() => consoleUser, 'PUT', consoleRoutes.userRole(name), body);
export const resetConsoleUserPassword = (name: string, password: string) =>
  bffParsed(() => consoleUser, 'PUT', consoleRoutes.userPassword(name), { password });
export const grantConsoleUserTenant = (name: string, grant: TenantGrantInput) =>
  bffParsed(() => consoleUser, 'POST', consoleRoutes.userTenants(name), grant);

/** The one-click changes of the users page: each refreshes the list when it settles. */
export function useUserActions() {
  const qc = useQueryClient();
  const settle = { onSettled: () => qc.invalidateQueries({ queryKey: userKeys.all }) };
  return {
    remove: useMutation({
      mutationFn: (name: string) => bffRequest<void>('DELETE', consoleRoutes.user(name)),
      ...settle,
    }),
    revoke: useMutation({
      mutationFn: (v: { name: string; grant: TenantGrantInput }) =>
        bffParsed(
          () => consoleUser,
          'DELETE',
          consoleRoutes.userTenant(v.name, v.grant.instance_id, v.grant.pdb_id),
        ),
      ...settle,
    }),
    endSessions: useMutation({
      mutationFn: (name: string) =>
        bffParsed(() => endedSessions, 'DELETE', consoleRoutes.userSessions(name)),
      ...settle,
    }),
    unlock: useMutation({
      mutationFn: (name: string) => bffParsed(() => unlockedUser, 'POST', consoleRoutes.userUnlock(name)),
      ...settle,
    }),
  };
}
