import type { RestoreTimeRange } from '@gaussdb-console/api-client/browser';
import { useQueries } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermission } from '../../../shared/api/policy';
import { backupKeys } from './backup-keys';

const DAY = 86_400_000;

/** The UTC dates (`yyyy-mm-dd`) from the day of `from` to the day of `to`, oldest first. */
export function utcDates(from: number, to: number): string[] {
  const out: string[] = [];
  for (let d = Math.floor(from / DAY) * DAY; d <= to; d += DAY)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/** 4.7.7 for one UTC day. */
export const restoreTimesQuery = (project: string, instanceId: string, date: string) => ({
  queryKey: backupKeys.restoreTimes(project, instanceId, date),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    callOperation(
      'listRestoreTimes',
      project,
      { path: { instance_id: instanceId }, query: { date } },
      signal,
    ),
  staleTime: 30_000,
});

export interface RestoreTimes {
  /** The ranges of every day asked for, as the API gave them (clipped to each UTC day). */
  ranges: RestoreTimeRange[];
  permitted: boolean | undefined;
  isPending: boolean;
  error: unknown;
  refetch: () => void;
  dataUpdatedAt: number;
}

/**
 * 4.7.7 asks one UTC day at a time: the restorable ranges between `from` and `to`, one request per day,
 * read in parallel (and only when the role may read them).
 */
export function useRestoreTimes(
  project: string,
  instanceId: string,
  from: number,
  to: number,
  enabled = true,
): RestoreTimes {
  const permitted = usePermission(['listRestoreTimes']);
  const dates = enabled ? utcDates(from, to) : [];
  const results = useQueries({
    queries: dates.map((date) => ({
      ...restoreTimesQuery(project, instanceId, date),
      enabled: permitted === true,
    })),
  });
  const error = results.find((r) => r.isError)?.error ?? null;
  return {
    ranges: results.flatMap((r) => r.data?.restore_time ?? []),
    permitted,
    isPending: enabled && permitted !== false && results.some((r) => r.isPending),
    error,
    refetch: () => results.forEach((r) => void r.refetch()),
    dataUpdatedAt: Math.max(0, ...results.map((r) => r.dataUpdatedAt)),
  };
}
