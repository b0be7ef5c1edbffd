import { getOperation, type OperationDescriptor } from '@gaussdb-console/api-client';
import type { Logger } from 'pino';
import type { Upstream } from '../upstream/upstream';
import type { JobEvent, NumberedEvent, StreamEvent } from './event-types';

const BUFFER = 500;

const op = (id: string): OperationDescriptor => {
  const d = getOperation(id);
  if (!d) throw new Error(`contract has no ${id}`);
  return d;
};

interface TaskRow {
  job_id: string;
  name: string;
  status: string;
  progress?: string | null;
  process?: string | null;
  fail_reason?: string | null;
  created_at?: string | null;
  ended_at?: string | null;
  instance_info?: { instance_id?: string | null; instance_name?: string | null; instance_status?: string | null } | null;
}

const pct = (p: string | null | undefined): number | undefined => {
  const n = Number.parseFloat(p ?? '');
  return Number.isFinite(n) ? n : undefined;
};

/**
 * The one upstream watcher of a project, however many browsers listen: it polls the running tasks (and
 * the job of each task that stops running) only while someone listens or a job it knows of runs, and
 * turns changes into numbered events kept in a ring buffer for Last-Event-ID resume.
 */
export class ProjectWatcher {
  private readonly listeners = new Set<(e: NumberedEvent) => void>();
  private readonly buffer: NumberedEvent[] = [];
  private seq = 0;
  private running = new Map<string, JobEvent>();
  private instanceStatus = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticking = false;
  private primed = false;

  constructor(
    private readonly project: string,
    private readonly upstream: Upstream,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The running jobs as last seen (sent to a new listener first). */
  snapshot(): JobEvent[] {
    return [...this.running.values()];
  }

  /** Events after `seq` still in the buffer, or undefined when the gap is too old to replay. */
  since(seq: number): NumberedEvent[] | undefined {
    // An id this watcher never issued (another replica's, or from before a restart): start over from a snapshot.
    if (seq > this.seq) return undefined;
    const first = this.buffer[0];
    if (first && seq < first.seq - 1) return undefined;
    return this.buffer.filter((e) => e.seq > seq);
  }

  subscribe(fn: (e: NumberedEvent) => void): () => void {
    this.listeners.add(fn);
    this.schedule(0);
    return () => {
      this.listeners.delete(fn);
    };
  }

  /** A mutation started a job: watch it to the end even if nobody listens now. */
  jobStarted(): void {
    this.schedule(0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private active(): boolean {
    return this.listeners.size > 0 || this.running.size > 0 || !this.primed;
  }

  private schedule(ms: number): void {
    if (this.timer) {
      if (ms > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, ms);
    this.timer.unref?.();
  }

  private emit(event: StreamEvent): void {
    const numbered = { seq: ++this.seq, event };
    this.buffer.push(numbered);
    if (this.buffer.length > BUFFER) this.buffer.shift();
    for (const l of this.listeners) l(numbered);
  }

  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const res = (await this.upstream.call(this.project, op('listTasks'), { query: { status: 'Running', limit: 100 } })) as { tasks?: TaskRow[] };
      const now = new Map<string, JobEvent>();
      for (const t of res.tasks ?? []) {
        const ev: JobEvent = {
          id: t.job_id,
          name: t.name,
          status: t.status,
          progress: pct(t.progress ?? t.process),
          instance: { id: t.instance_info?.instance_id ?? undefined, name: t.instance_info?.instance_name ?? undefined },
          created: t.created_at ?? null,
        };
        now.set(ev.id, ev);
        const before = this.running.get(ev.id);
        if (!before || before.progress !== ev.progress || before.status !== ev.status) this.emit({ type: 'job', data: ev });
      }
      for (const [id, before] of this.running) {
        if (!now.has(id)) await this.finish(id, before);
      }
      this.running = now;
      this.primed = true;
    } catch (e) {
      this.logger.warn({ err: { message: (e as Error).message }, project: this.project }, 'event watcher poll failed');
    } finally {
      this.ticking = false;
      if (this.active()) this.schedule(this.intervalMs);
    }
  }

  /** A job left the running list: read its final state and its instance's new status. */
  private async finish(id: string, before: JobEvent): Promise<void> {
    let final: JobEvent = { ...before, status: 'Completed', progress: 100 };
    try {
      const res = (await this.upstream.call(this.project, op('getJob'), { query: { id } })) as {
        job?: { status?: string; fail_reason?: string | null; ended?: string | null; created?: string | null; instance?: { id?: string | null; name?: string | null } | null };
      };
      const j = res.job;
      if (j) {
        final = {
          ...before,
          status: j.status ?? 'Completed',
          progress: j.status === 'Completed' ? 100 : before.progress,
          fail_reason: j.fail_reason ?? null,
          ended: j.ended ?? null,
          created: j.created ?? before.created ?? null,
        };
      }
    } catch {
      // A job deleted meanwhile: report it as ended with what we knew.
    }
    this.emit({ type: 'job', data: final });
    const instanceId = before.instance?.id;
    if (!instanceId) return;
    try {
      const res = (await this.upstream.call(this.project, op('listInstances'), { query: { id: instanceId, limit: 1 } })) as {
        instances?: { id: string; name?: string; status?: string }[];
      };
      const inst = res.instances?.find((i) => i.id === instanceId);
      const previous = this.instanceStatus.get(instanceId);
      const status = inst?.status ?? 'DELETED';
      this.instanceStatus.set(instanceId, status);
      this.emit({ type: 'instance', data: { id: instanceId, name: inst?.name ?? before.instance?.name, status, ...(previous ? { previous } : {}) } });
    } catch (e) {
      this.logger.warn({ err: { message: (e as Error).message } }, 'event watcher could not read an instance');
    }
  }
}
