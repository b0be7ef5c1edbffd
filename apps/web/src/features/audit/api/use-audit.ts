import {
  auditPage,
  consoleRoutes,
  type AuditQueryInput,
  type AuditPageView,
} from '@gaussdb-console/api-client/browser';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { consoleRead, queryOf } from '../../../shared/api/console-read';
import { useSession } from '../../../shared/api/session';
import { auditKeys } from './audit-keys';

export type AuditFilters = Omit<AuditQueryInput, 'offset' | 'limit'>;

const url = (q: AuditQueryInput) =>
  consoleRoutes.audit + queryOf(q as Record<string, string | number | undefined>);

/** GET /api/v1/audit: one page of the trail, newest first. */
export const auditQuery = (q: AuditQueryInput) =>
  queryOptions({
    queryKey: auditKeys.page(q),
    queryFn: ({ signal }) => consoleRead(auditPage, url(q), signal),
    placeholderData: keepPreviousData,
  });

/** Whether the signed-in user may read the trail (admins only): undefined while the session loads. */
export function useIsAdmin(): boolean | undefined {
  const s = useSession();
  return s.data ? s.data.role === 'admin' : s.isPending ? undefined : false;
}

/** The trail for admins; nothing is fetched for any other role. */
export function useAudit(q: AuditQueryInput) {
  const admin = useIsAdmin();
  return Object.assign(useQuery({ ...auditQuery(q), enabled: admin === true }), { permitted: admin });
}

/** Every entry matching the filters, 200 a page, at most `max` (an export says when it stopped there). */
export async function allAuditEntries(
  filters: AuditFilters,
  max = 10_000,
): Promise<{ entries: AuditPageView['entries']; total: number }> {
  const entries: AuditPageView['entries'] = [];
  let total = 0;
  for (let offset = 0; offset < max; offset += 200) {
    const page = await consoleRead(auditPage, url({ ...filters, offset, limit: 200 }));
    total = page.total;
    entries.push(...page.entries);
    if (page.entries.length < 200 || entries.length >= page.total) break;
  }
  return { entries: entries.slice(0, max), total };
}
