import { consoleRoutes, type JobEvent } from '@gaussdb-console/api-client/browser';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { loadConsoleSchemas } from '../shared/api/load-console-schemas';
import { instanceKeys } from '../features/instances/api/instance-keys';
import { taskKeys } from '../features/tasks/api/task-keys';
import { jobKeys, type EndedJob, type LiveJobs } from '../shared/api/job-keys';
import { i18n } from '../shared/lib/i18n';
import { pushToast } from '../shared/lib/toasts';

/** Every query of the project's domains (`[domain, project, ...]`), but not the live feed itself. */
const projectData = (project: string) => (q: { queryKey: readonly unknown[] }) =>
  q.queryKey[1] === project && q.queryKey[0] !== jobKeys.live(project)[0];

function onJob(qc: QueryClient, project: string, job: JobEvent, announce: boolean) {
  qc.setQueryData<LiveJobs>(jobKeys.live(project), (prev = {}) => {
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
  if (job.status !== 'Running')
    qc.setQueryData<EndedJob[]>(jobKeys.ended(project), (prev = []) =>
      [{ ...job, endedAt: Date.now() }, ...prev.filter((j) => j.id !== job.id)].slice(0, 20),
    );
  void qc.invalidateQueries({ queryKey: taskKeys.all(project) });
  void qc.invalidateQueries({ queryKey: jobKeys.job(project, job.id) });
  // A finished job may have changed anything the project's pages show (an instance, a backup, a tenant).
  if (job.status !== 'Running') void qc.invalidateQueries({ predicate: projectData(project) });
}

export type StreamState = 'connecting' | 'open' | 'reconnecting';

type Schemas = Awaited<ReturnType<typeof loadConsoleSchemas>>;

/**
 * The event's data parsed with the console contract; an event it does not describe is ignored. Every
 * event waits for the same (once loaded) schemas, so they are handled in the order they arrived.
 */
async function parse<S extends $ZodType>(
  schemaOf: (s: Schemas) => S,
  e: Event,
): Promise<z.output<S> | undefined> {
  const schemas = await loadConsoleSchemas();
  try {
    const r = schemas.safeParse(schemaOf(schemas), JSON.parse((e as MessageEvent).data as string));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Subscribes to the project's live events for as long as the component is mounted. EventSource
 * reconnects by itself and resumes with Last-Event-ID; the state says whether the stream is up.
 */
export function useLiveEvents(
  project: string | undefined,
  opts: { announce?: boolean; enabled?: boolean } = {},
): StreamState {
  const qc = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  // Bumped to open a fresh EventSource when the browser gave up on the old one (e.g. a 401 after expiry).
  const [generation, setGeneration] = useState(0);
  const announce = opts.announce ?? true;
  const enabled = opts.enabled ?? true;
  useEffect(() => {
    if (!project || !enabled) return;
    const es = new EventSource(consoleRoutes.events(project));
    let retry: ReturnType<typeof setTimeout> | undefined;
    es.onopen = () => setState('open');
    es.onerror = () => {
      setState('reconnecting');
      if (es.readyState === EventSource.CLOSED && !retry)
        retry = setTimeout(() => setGeneration((g) => g + 1), 5000);
    };
    es.addEventListener('job', (e) => {
      void parse((s) => s.jobEvent, e).then((job) => job && onJob(qc, project, job, announce));
    });
    es.addEventListener('instance', (e) => {
      void parse((s) => s.instanceEvent, e).then(
        (i) => i && qc.invalidateQueries({ queryKey: instanceKeys.all(project) }),
      );
    });
    es.addEventListener('snapshot', (e) => {
      void parse((s) => s.snapshotEvent, e).then(
        (snap) =>
          snap &&
          qc.setQueryData<LiveJobs>(
            jobKeys.live(project),
            Object.fromEntries(snap.jobs.filter((j) => j.status === 'Running').map((j) => [j.id, j])),
          ),
      );
    });
    return () => {
      if (retry) clearTimeout(retry);
      es.close();
    };
  }, [project, qc, announce, enabled, generation]);
  return state;
}
