import type { Logger } from 'pino';
import type { Upstream } from '../upstream/upstream';
import { MemoryEventTransport, type EventTransport } from './event-transport';
import { ProjectWatcher } from './project-watcher';

/** One watcher per project, created on first use; the transport decides whether replicas share them. */
export class EventHub {
  private readonly watchers = new Map<string, ProjectWatcher>();

  constructor(
    private readonly upstream: Upstream,
    private readonly logger: Logger,
    private readonly intervalMs = 2000,
    private readonly transport: EventTransport = new MemoryEventTransport(),
  ) {}

  watcher(project: string): ProjectWatcher {
    let w = this.watchers.get(project);
    if (!w) {
      w = new ProjectWatcher(
        project,
        this.upstream,
        this.logger,
        this.intervalMs,
        this.transport.project(project),
      );
      this.watchers.set(project, w);
    }
    return w;
  }

  listenerCount(): number {
    let n = 0;
    for (const w of this.watchers.values()) n += w.listenerCount;
    return n;
  }

  /** Stops every watcher; with Redis, hands the leases over and leaves the event channels. */
  async close(): Promise<void> {
    for (const w of this.watchers.values()) await w.stop();
    await this.transport.close();
  }
}
