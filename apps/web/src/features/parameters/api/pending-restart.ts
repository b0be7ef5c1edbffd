import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { callOperation } from '../../../shared/api/operations';
import { usePermitted } from '../../../shared/api/policy';
import { parameterKeys } from './parameter-keys';

/**
 * Which instances wait for a restart before a changed parameter takes effect. The API says so only in the
 * answer of the change (4.5.3 `restart_required`) and no field of the instance carries it, so the console
 * remembers it (per browser, across reloads) with the restarting tasks that already existed then; the mark
 * clears when a later restart of the instance completes (a flavor change or an upgrade restarts it too).
 */
export interface PendingRestart {
  /** The changed parameters that wait for the restart. */
  names: string[];
  /** Restarting tasks of the instance that existed at the change: they do not count. */
  seen: string[];
  /** When it was marked (browser clock). */
  at: number;
}

/** Tasks (4.12) whose completion restarts the database processes. */
export const RESTARTING_JOBS = [
  'RestartGaussDBV5Instance',
  'ResizeGaussDBV5Flavor',
  'UpgradeGaussDBV5Instance',
] as const;

const STORAGE_KEY = 'gaussdb-console.pending-restarts';
type Marks = Record<string, PendingRestart>;
const keyOf = (project: string, instanceId: string) => `${project}/${instanceId}`;

function load(): Marks {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Marks) : {};
  } catch {
    return {};
  }
}

let marks: Marks = load();
const listeners = new Set<() => void>();
function save(next: Marks) {
  marks = next;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full storage: the mark lives as long as the page.
  }
  listeners.forEach((l) => l());
}

/** Hears this page's marks and those another tab of the console writes. */
function subscribe(listener: () => void) {
  const fromOtherTab = (e: StorageEvent) => {
    if (e.key !== STORAGE_KEY) return;
    marks = load();
    listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTab);
  };
}

export function markPendingRestart(
  project: string,
  instanceId: string,
  names: readonly string[],
  seen: readonly string[],
) {
  const k = keyOf(project, instanceId);
  const prev = marks[k];
  save({
    ...marks,
    [k]: prev
      ? { ...prev, names: [...new Set([...prev.names, ...names])] }
      : { names: [...new Set(names)], seen: [...seen], at: Date.now() },
  });
}

export function clearPendingRestart(project: string, instanceId: string) {
  const k = keyOf(project, instanceId);
  if (!(k in marks)) return;
  const next = { ...marks };
  delete next[k];
  save(next);
}

/** The tasks of one instance that restart it, newest first (a page per task name, filtered here). */
export const restartingJobsQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: parameterKeys.restarts(project, instanceId),
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        RESTARTING_JOBS.map((name) =>
          callOperation('listTasks', project, { query: { name, limit: 50 } }, signal),
        ),
      );
      return pages
        .flatMap((p) => p.tasks)
        .filter((t) => t.instance_info?.instance_id === instanceId)
        .map((t) => ({ job_id: t.job_id, name: t.name, status: t.status }));
    },
  });

/**
 * The instance's pending restart, if any, and the restart running for it now. While marked, the restarting
 * tasks are read (again whenever a job ends: the live stream refreshes the project's queries) and a new one
 * that completed clears the mark.
 */
export function usePendingRestart(project: string, instanceId: string) {
  const mark = useSyncExternalStore(subscribe, () => marks[keyOf(project, instanceId)]);
  const canRead = usePermitted(['listTasks']);
  const jobs = useQuery({ ...restartingJobsQuery(project, instanceId), enabled: !!mark && canRead });
  const fresh = mark ? (jobs.data ?? []).filter((j) => !mark.seen.includes(j.job_id)) : [];
  const done = fresh.some((j) => j.status === 'Completed');
  useEffect(() => {
    if (done) clearPendingRestart(project, instanceId);
  }, [done, project, instanceId]);
  return {
    pending: done ? undefined : mark,
    running: fresh.find((j) => j.status === 'Running'),
  };
}
