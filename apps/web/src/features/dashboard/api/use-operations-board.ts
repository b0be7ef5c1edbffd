import type { Dashboard, DashboardTask } from '@gaussdb-console/api-client/browser';
import { useEffect, useRef, useState } from 'react';
import {
  useEndedJobs,
  useLiveJobs,
  useLiveJobsKnown,
  type EndedJob,
  type LiveJobs,
} from '../../../shared/api/job-keys';
import { useDashboard } from './use-dashboard';

/** How long a job that just ended stays on the board with its "completed" or "failed" moment. */
export const ENDED_SHOWN_MS = 8_000;

export interface BoardJob {
  id: string;
  name: string;
  instance: { id: string | null; name: string | null };
  /** 0–100, undefined when unknown. */
  progress: number | undefined;
  status: 'Running' | 'Completed' | 'Failed' | string;
  failReason: string | null;
  /** When it started, for "running for": the task's creation time, or when this browser first saw it. */
  since: number;
}

const fromTask = (t: DashboardTask, seen: number): BoardJob => ({
  id: t.id,
  name: t.name,
  instance: t.instance,
  progress: t.progress ?? undefined,
  status: t.status,
  failReason: t.fail_reason,
  since: startedAt(t.created_at, seen),
});

/** A creation time in the future (a clock ahead of this browser's) reads as "since first seen". */
function startedAt(created: string | null | undefined, seen: number): number {
  const ms = created ? Date.parse(created.replace(' UTC', 'Z').replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : NaN;
  return Number.isFinite(ms) && ms <= Date.now() ? ms : seen;
}

function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/**
 * What the dashboard and the wall screen both show, from the one dashboard read and the live stream: the
 * jobs running now with their progress as the stream reports it, those that just ended (for a brief
 * "completed" or "failed" moment), the failures of the last 24 h and the instances not ACTIVE.
 */
/** What the stream and the dashboard read say at `now`: the pure part of the board, for the hook and tests. */
export function boardOf(input: {
  dashboard: Dashboard | undefined;
  live: LiveJobs;
  /** Whether the stream has reported the running jobs yet. */
  known: boolean;
  ended: readonly EndedJob[];
  now: number;
  seen: (id: string) => number;
}) {
  const { dashboard: d, live, known, ended, now, seen } = input;
  const fromDashboard = new Map((d?.tasks.running ?? []).map((t) => [t.id, t]));
  // Once the stream has reported, it says what runs (a job that started or ended since the last read too).
  const runningIds = known ? Object.keys(live) : [...fromDashboard.keys()];
  const running: BoardJob[] = runningIds.map((id) => {
    const l = live[id];
    const t = fromDashboard.get(id);
    if (!l && t) return fromTask(t, seen(id));
    return {
      id,
      name: l?.name ?? t?.name ?? '',
      instance: {
        id: l?.instance?.id ?? t?.instance.id ?? null,
        name: l?.instance?.name ?? t?.instance.name ?? null,
      },
      progress: l?.progress ?? t?.progress ?? undefined,
      status: 'Running',
      failReason: null,
      since: startedAt(t?.created_at ?? l?.created, seen(id)),
    };
  });
  const justEnded: BoardJob[] = ended
    .filter((j) => now - j.endedAt < ENDED_SHOWN_MS && !live[j.id])
    .map((j) => ({
      id: j.id,
      name: j.name,
      instance: { id: j.instance?.id ?? null, name: j.instance?.name ?? null },
      progress: j.status === 'Completed' ? 100 : (j.progress ?? undefined),
      status: j.status,
      failReason: j.fail_reason ?? null,
      since: startedAt(j.created, seen(j.id)),
    }));
  return {
    running,
    justEnded,
    failures: d?.tasks.recent_failures ?? [],
    failedCount: d?.tasks.failed_last_24h ?? 0,
    notActive: d?.instances.not_active ?? [],
  };
}

/**
 * What the dashboard and the wall screen both show, from the one dashboard read and the live stream: the
 * jobs running now with their progress as the stream reports it, those that just ended (for a brief
 * "completed" or "failed" moment), the failures of the last 24 h and the instances not ACTIVE.
 */
export function useOperationsBoard(project: string) {
  const query = useDashboard(project);
  const live = useLiveJobs(project);
  const known = useLiveJobsKnown(project);
  const ended = useEndedJobs(project);
  const now = useNow(1000);
  const firstSeen = useRef(new Map<string, number>());
  const seen = (id: string) => {
    const m = firstSeen.current;
    if (!m.has(id)) m.set(id, Date.now());
    return m.get(id) as number;
  };
  return {
    query,
    dashboard: query.data,
    now,
    ...boardOf({ dashboard: query.data, live, known, ended, now, seen }),
  };
}
