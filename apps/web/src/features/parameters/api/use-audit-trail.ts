import { auditPage, consoleRoutes, type AuditEntryView } from '@gaussdb-console/api-client/browser';
import { useQueries, useQuery } from '@tanstack/react-query';
import { jobQuery } from '../../../shared/api/jobs';
import { useSession } from '../../../shared/api/session';
import { BffError, bffRequest } from '../../../shared/lib/bff';
import { parameterKeys } from './parameter-keys';

/** How many audit entries of one operation on one template are read to name who made each change. */
const AUDIT_LIMIT = 200;

/**
 * The console's audit trail (GET /api/v1/audit) for one operation on one target, successful calls of this
 * project only. Administrators only: for every other role nothing is fetched and `entries` is undefined.
 */
export function useAuditEntries(project: string, operation: string, target: string | undefined) {
  const isAdmin = useSession().data?.role === 'admin';
  const query = useQuery({
    queryKey: parameterKeys.audit(project, { operation, target }),
    enabled: isAdmin && !!target,
    queryFn: async ({ signal }): Promise<AuditEntryView[]> => {
      const qs = new URLSearchParams({
        operation,
        target: target ?? '',
        result: 'success',
        limit: String(AUDIT_LIMIT),
      });
      const data = await bffRequest<unknown>('GET', `${consoleRoutes.audit}?${qs}`, undefined, signal);
      const parsed = auditPage.safeParse(data);
      if (!parsed.success)
        throw new BffError(
          502,
          'RESPONSE_SHAPE',
          `${consoleRoutes.audit}: ${parsed.error.issues[0]?.message ?? 'unexpected answer'}`,
        );
      return parsed.data.entries.filter((e) => e.project === project);
    },
  });
  return { isAdmin, entries: isAdmin ? query.data : undefined, query };
}

type JobTimes = Record<string, { created?: string; ended?: string; instanceId?: string }>;

/** The jobs (4.12.1) the audited calls started, by job id: their times say which application each was. */
export function useJobsById(project: string, jobIds: readonly string[]): JobTimes {
  return useQueries({
    queries: jobIds.map((id) => ({ ...jobQuery(project, id), staleTime: 60_000 })),
    combine: (results) => {
      const out: JobTimes = {};
      results.forEach((r, i) => {
        const job = r.data?.job;
        if (job)
          out[jobIds[i]!] = {
            created: job.created ?? undefined,
            ended: job.ended ?? undefined,
            instanceId: job.instance?.id ?? undefined,
          };
      });
      return out;
    },
  });
}
