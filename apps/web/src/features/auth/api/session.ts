import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BffError, bffRequest } from '../../../shared/lib/bff';

export type Role = 'admin' | 'operator' | 'viewer' | 'tenant';

export interface ConsoleSession {
  user: string;
  role: Role;
  projects: { name: string; region: string }[];
  tenants?: { instanceId: string; pdbId: string }[];
  demo?: boolean;
}

export interface ConsoleMeta {
  demo: boolean;
  demoUsers: { username: string; password: string; role: Role }[];
}

export const sessionKeys = { session: ['session'] as const, meta: ['meta'] as const };

export const sessionQuery = queryOptions({
  queryKey: sessionKeys.session,
  queryFn: async ({ signal }) => {
    try {
      return await bffRequest<ConsoleSession>('GET', '/api/v1/session', undefined, signal);
    } catch (e) {
      if (e instanceof BffError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export const useSession = () => useQuery(sessionQuery);

interface InfoBody {
  mode: string;
  demo: boolean;
  demo_users?: { name: string; role: Role; password: string }[];
}

/** Public facts about this console (GET /api/v1/info): demo mode and, only then, the demo logins. */
export const metaQuery = queryOptions({
  queryKey: sessionKeys.meta,
  queryFn: async ({ signal }): Promise<ConsoleMeta> => {
    const info = await bffRequest<InfoBody>('GET', '/api/v1/info', undefined, signal);
    return { demo: info.demo, demoUsers: (info.demo_users ?? []).map((u) => ({ username: u.name, password: u.password, role: u.role })) };
  },
  staleTime: Infinity,
});

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      bffRequest<ConsoleSession>('POST', '/api/v1/session', input),
    onSuccess: (session) => {
      qc.clear();
      qc.setQueryData(sessionKeys.session, session);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => bffRequest<void>('DELETE', '/api/v1/session'),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(sessionKeys.session, null);
    },
  });
}
