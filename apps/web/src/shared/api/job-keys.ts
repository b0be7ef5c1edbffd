import type { JobEvent } from '@gaussdb-console/api-client/browser';
import { useQuery } from '@tanstack/react-query';

/**
 * Jobs (4.12): every page that starts one follows it, so they sit below the features. The live stream
 * (app/live-events.ts) writes the running jobs under `jobKeys.live` and invalidates a job's key when it moves.
 */
export const jobKeys = {
  all: (project: string) => ['jobs', project] as const,
  job: (project: string, id: string) => ['jobs', project, id] as const,
  live: (project: string) => ['live-jobs', project] as const,
  ended: (project: string) => ['live-jobs', project, 'ended'] as const,
};

/** The running jobs by id, as the live stream last reported them (empty until it reports). */
export type LiveJobs = Record<string, JobEvent>;

const NONE: LiveJobs = {};

/** The live task feed: what runs now, with progress; a page that draws progress bars reads this. */
export function useLiveJobs(project: string): LiveJobs {
  return (
    useQuery({
      queryKey: jobKeys.live(project),
      queryFn: () => NONE,
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? NONE
  );
}

/** A job the live stream saw end, with its final state and when this browser heard of it. */
export type EndedJob = JobEvent & { endedAt: number };

const NO_ENDED: EndedJob[] = [];

/** The jobs the live stream saw end, newest first (the last 20): a page shows them briefly as they leave. */
export function useEndedJobs(project: string): EndedJob[] {
  return (
    useQuery({
      queryKey: jobKeys.ended(project),
      queryFn: () => NO_ENDED,
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? NO_ENDED
  );
}

/**
 * Whether the live stream has reported the running jobs yet (its first snapshot): until then the feed is
 * empty for want of news, not because nothing runs.
 */
export function useLiveJobsKnown(project: string): boolean {
  return (
    useQuery({
      queryKey: jobKeys.live(project),
      queryFn: () => NONE,
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data !== undefined
  );
}
