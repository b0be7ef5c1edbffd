import { getOperation, type OperationDescriptor } from '@gaussdb-console/api-client';
import type { Logger } from 'pino';
import type { Upstream } from '../upstream/upstream';
import type { JobEvent, NumberedEvent, StreamEvent } from './event-types';
import { MemoryProjectTransport, type ProjectTransport } from './event-transport';

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
  instance_info?: {
    instance_id?: string | null;
    instance_name?: string | null;
    instance_status?: string | null;
  } | null;
}

const pct = (p: string | null | undefined): number | undefined => {
  const n = Number.parseFloat(p ?? '');
  return Number.isFinite(n) ? n : undefined;
};

/**
 * The one upstream watcher of a project, however many browsers listen: it polls the running tasks (and
 * the job of each task that stops running) only while someone listens or a job it knows of runs, and
 * turns changes into numbered events kept for Last-Event-ID resume. Where the events go and who polls is
 * the transport's business: in memory this process; with Redis the leader replica polls for everyone and
 * every replica's listeners receive every event.
 */
export class ProjectWatcher {
  private readonly listeners = new Set<(e: NumberedEvent) => void>();
  private running = new Map<string, JobEvent>();
  private savedRunning = '';
  private instanceStatus = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticking = false;
  private primed = false;
  private leading = false;
  private stopped = false;
  private receiving: Promise<void> | undefined;

  constructor(
    private readonly project: string,
    private readonly upstream: Upstream,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly transport: ProjectTransport = new MemoryProjectTransport(),
  ) {
    this.ready().catch((e: unknown) => this.warn(e, 'event watcher could not receive events'));
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Resolves once events published from now on reach this watcher's listeners (retried after a failure). */
  ready(): Promise<void> {
    this.receiving ??= this.transport
      .listen((e) => {
        for (const l of this.listeners) l(e);
      })
      .catch((e: unknown) => {
        this.receiving = undefined;
        throw e;
      });
    return this.receiving;
  }

  /** The running jobs as last seen (sent to a new listener first). */
  snapshot(): Promise<JobEvent[]> {
    return this.transport.loadRunning();
  }

  /** Events after `seq` still kept, or undefined when the gap is too old (or the id unknown) to replay. */
  since(seq: number): Promise<NumberedEvent[] | undefined> {
    return this.transport.since(seq);
  }

  subscribe(fn: (e: NumberedEvent) => void): () => void {
    this.listeners.add(fn);
    if (this.listeners.size === 1)
      this.transport
        .setListening(true)
        .catch((e: unknown) => this.warn(e, 'event watcher could not record its listeners'));
    this.schedule(0);
    return () => {
      if (!this.listeners.delete(fn) || this.listeners.size > 0) return;
      // The last listener here left: the leader stops polling for us at once, not when the presence lapses.
      this.transport
        .setListening(false)
        .catch((e: unknown) => this.warn(e, 'event watcher could not record its listeners'));
    };
  }

  /** A mutation started a job: watch it to the end even if nobody listens now. */
  jobStarted(): void {
    this.transport
      .requestPoll()
      .catch((e: unknown) => this.warn(e, 'event watcher could not request a poll'))
      .finally(() => this.schedule(0));
  }

  /** Stops polling and gives up the project's lease and presence (other replicas take over). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.transport.close().catch(() => undefined);
  }

  private warn(e: unknown, message: string): void {
    this.logger.warn({ err: { message: (e as Error).message }, project: this.project }, message);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
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

  private async emit(event: StreamEvent): Promise<void> {
    await this.transport.publish(event);
  }

  /**
   * One round: the leader polls and decides whether to go on; a follower only keeps an eye on the lease
   * while it might have to take over (listeners here, a poll requested, or jobs running).
   */
  async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    let again = false;
    try {
      const t = this.transport;
      if (this.listeners.size > 0) await t.setListening(true);
      const lead = await t.lead();
      if (this.stopped) {
        // Stopped while asking: a lease taken now would outlive this watcher.
        if (lead) await t.resign();
        return;
      }
      if (!lead) {
        this.leading = false;
        again = this.listeners.size > 0 || (await t.pollRequested()) || (await t.loadRunning()).length > 0;
        return;
      }
      if (!this.leading) {
        // Taking over: go on from the jobs the last poller saw, so each of their ends is reported once.
        this.leading = true;
        const last = await t.loadRunning();
        this.running = new Map(last.map((j) => [j.id, j]));
        this.savedRunning = JSON.stringify(last);
      }
      // Cleared before the poll: the poll that follows sees the job whose start asked for it.
      await t.takePollRequest();
      await this.poll();
      again =
        this.listeners.size > 0 ||
        this.running.size > 0 ||
        !this.primed ||
        (await t.pollRequested()) ||
        (await t.anyListening());
      if (!again) {
        this.leading = false;
        await t.resign();
      }
    } catch (e) {
      this.warn(e, 'event watcher could not reach its event store');
      again = true;
    } finally {
      this.ticking = false;
      if (again) this.schedule(this.intervalMs);
    }
  }

  private async poll(): Promise<void> {
    let res: { tasks?: TaskRow[] };
    try {
      res = (await this.upstream.call(this.project, op('listTasks'), {
        query: { status: 'Running', limit: 100 },
      })) as { tasks?: TaskRow[] };
    } catch (e) {
      this.warn(e, 'event watcher poll failed');
      return;
    }
    const now = new Map<string, JobEvent>();
    for (const t of res.tasks ?? []) {
      const ev: JobEvent = {
        id: t.job_id,
        name: t.name,
        status: t.status,
        progress: pct(t.progress ?? t.process),
        instance: {
          id: t.instance_info?.instance_id ?? undefined,
          name: t.instance_info?.instance_name ?? undefined,
        },
        created: t.created_at ?? null,
      };
      now.set(ev.id, ev);
      const before = this.running.get(ev.id);
      if (!before || before.progress !== ev.progress || before.status !== ev.status)
        await this.emit({ type: 'job', data: ev });
    }
    for (const [id, before] of this.running) {
      if (!now.has(id)) await this.finish(id, before);
    }
    this.running = now;
    this.primed = true;
    const saved = JSON.stringify([...now.values()]);
    if (saved !== this.savedRunning) {
      await this.transport.saveRunning([...now.values()]);
      this.savedRunning = saved;
    }
  }

  /** A job left the running list: read its final state and its instance's new status. */
  private async finish(id: string, before: JobEvent): Promise<void> {
    let final: JobEvent = { ...before, status: 'Completed', progress: 100 };
    try {
      const res = (await this.upstream.call(this.project, op('getJob'), { query: { id } })) as {
        job?: {
          status?: string;
          fail_reason?: string | null;
          ended?: string | null;
          created?: string | null;
          instance?: { id?: string | null; name?: string | null } | null;
        };
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
    await this.emit({ type: 'job', data: final });
    const instanceId = before.instance?.id;
    if (!instanceId) return;
    try {
      const res = (await this.upstream.call(this.project, op('listInstances'), {
        query: { id: instanceId, limit: 1 },
      })) as {
        instances?: { id: string; name?: string; status?: string }[];
      };
      const inst = res.instances?.find((i) => i.id === instanceId);
      const previous = this.instanceStatus.get(instanceId);
      const status = inst?.status ?? 'DELETED';
      this.instanceStatus.set(instanceId, status);
      await this.emit({
        type: 'instance',
        data: {
          id: instanceId,
          name: inst?.name ?? before.instance?.name,
          status,
          ...(previous ? { previous } : {}),
        },
      });
    } catch (e) {
      this.logger.warn(
        { err: { message: (e as Error).message } },
        'event watcher could not read an instance',
      );
    }
  }
}
