import { consoleRoutes, type LoginBody } from '@gaussdb-console/api-client/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionKeys } from '../../../shared/api/session';
import { bffParsed, bffRequest } from '../../../shared/lib/bff';

/** Signs in; everything cached for the previous user is dropped before the new session is stored. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginBody) =>
      bffParsed((s) => s.consoleSession, 'POST', consoleRoutes.session, input),
    onSuccess: (session) => {
      qc.clear();
      qc.setQueryData(sessionKeys.session, session);
    },
  });
}

/** Signs out and forgets every cached answer, whatever the server said. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => bffRequest<void>('DELETE', consoleRoutes.session),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(sessionKeys.session, null);
    },
  });
}
