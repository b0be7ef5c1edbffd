import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { i18n } from './i18n';
import { pushToast } from './toasts';

/** What the BFF's event stream sends (GET /api/v1/projects/:project/events). */
export interface LiveJob {
  id: string;
  name: string;
  status: 'Running' | 'Completed' | 'Failed';
  progress?: number;
  instance?: { id?: string; name?: string };
  fail_reason?: string | null;
  created?: string | null;
  ended?: string | null;
}
export interface LiveInstance {
  id: string;
  name?: string;
  status: string;
  previous?: string;
}

/** Running jobs by id, as the stream last reported them; pages read it to draw progress bars. */
export const liveJobsKey = (project: string) => ['live-jobs', project] as const;

function onJob(qc: QueryClient, project: string, job: LiveJob, announce: boolean) {
  qc.setQueryData<Record<string, LiveJob>>(liveJobsKey(project), (prev = {}) => {
    const before = prev[job.id];
    const next = { ...prev };
    if (job.status === 'Running') next[job.id] = job;
    else delete next[job.id];
    if (announce && before?.status === 'Running' && job.status !== 'Running') {
      const what = i18n.t(`jobs.names.${job.name}`, { defaultValue: job.name });
      const target = job.instance?.name ?? job.instance?.id ?? '';
      pushToast({
        tone: job.status === 'Completed' ? 'success' : 'error',
        title: i18n.t(job.status === 'Completed' ? 'jobs.finished' : 'jobs.failed', { what, target }),
        body: job.fail_reason ?? undefined,
        href: `/p/${encodeURIComponent(project)}/tasks?job=${encodeURIComponent(job.id)}`,
      });
    }
    return next;
  });
  void qc.invalidateQueries({ queryKey: ['tasks', project] });
  if (job.status !== 'Running') {
    void qc.invalidateQueries({ queryKey: ['instances', project] });
    void qc.invalidateQueries({ queryKey: ['jobs', project, job.id] });
  }
}

export type StreamState = 'connecting' | 'open' | 'reconnecting';

/**
 * Subscribes to the project's live events for as long as the component is mounted. EventSource
 * reconnects by itself and resumes with Last-Event-ID; the state says whether the stream is up.
 */
export function useLiveEvents(project: string | undefined, opts: { announce?: boolean } = {}): StreamState {
  const qc = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  // Bumped to open a fresh EventSource when the browser gave up on the old one (e.g. a 401 after expiry).
  const [generation, setGeneration] = useState(0);
  const announce = opts.announce ?? true;
  useEffect(() => {
    if (!project) return;
    const es = new EventSource(`/api/v1/projects/${encodeURIComponent(project)}/events`);
    let retry: ReturnType<typeof setTimeout> | undefined;
    es.onopen = () => setState('open');
    es.onerror = () => {
      setState('reconnecting');
      if (es.readyState === EventSource.CLOSED && !retry) retry = setTimeout(() => setGeneration((g) => g + 1), 5000);
    };
    const parse = <T,>(e: Event): T | undefined => {
      try {
        return JSON.parse((e as MessageEvent).data as string) as T;
      } catch {
        return undefined;
      }
    };
    es.addEventListener('job', (e) => {
      const job = parse<LiveJob>(e);
      if (job) onJob(qc, project, job, announce);
    });
    es.addEventListener('instance', (e) => {
      if (parse<LiveInstance>(e)) void qc.invalidateQueries({ queryKey: ['instances', project] });
    });
    es.addEventListener('snapshot', (e) => {
      const snap = parse<{ jobs: LiveJob[] }>(e);
      if (snap) qc.setQueryData(liveJobsKey(project), Object.fromEntries(snap.jobs.filter((j) => j.status === 'Running').map((j) => [j.id, j])));
    });
    return () => {
      if (retry) clearTimeout(retry);
      es.close();
    };
  }, [project, qc, announce, generation]);
  return state;
}
