import { consoleRoutes, type ConsoleRole, type ConsoleSession } from '@gaussdb-console/api-client/browser';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { BffError, bffParsed } from '../lib/bff';

export type Role = ConsoleRole;
export type { ConsoleSession };

export interface ConsoleMeta {
  demo: boolean;
  demoUsers: { username: string; password: string; role: Role }[];
}

/** The console's own reads that every page may need: who is signed in, and what this console is. */
export const sessionKeys = {
  session: ['session'] as const,
  meta: ['meta'] as const,
  policy: ['policy'] as const,
};

export const sessionQuery = queryOptions({
  queryKey: sessionKeys.session,
  queryFn: async ({ signal }): Promise<ConsoleSession | null> => {
    try {
      return await bffParsed((s) => s.consoleSession, 'GET', consoleRoutes.session, undefined, signal);
    } catch (e) {
      if (e instanceof BffError && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export const useSession = () => useQuery(sessionQuery);

/** Public facts about this console (GET /api/v1/info): demo mode and, only then, the demo logins. */
export const metaQuery = queryOptions({
  queryKey: sessionKeys.meta,
  queryFn: async ({ signal }): Promise<ConsoleMeta> => {
    const info = await bffParsed((s) => s.consoleInfo, 'GET', consoleRoutes.info, undefined, signal);
    return {
      demo: info.demo,
      demoUsers: (info.demo_users ?? []).map((u) => ({
        username: u.name,
        password: u.password,
        role: u.role,
      })),
    };
  },
  staleTime: Infinity,
});
