import type { Logger } from 'pino';
import type { Upstream } from '../upstream/upstream';
import { ProjectWatcher } from './project-watcher';

/** One watcher per project, created on first use. */
export class EventHub {
  private readonly watchers = new Map<string, ProjectWatcher>();

  constructor(
    private readonly upstream: Upstream,
    private readonly logger: Logger,
    private readonly intervalMs = 2000,
  ) {}

  watcher(project: string): ProjectWatcher {
    let w = this.watchers.get(project);
    if (!w) {
      w = new ProjectWatcher(project, this.upstream, this.logger, this.intervalMs);
      this.watchers.set(project, w);
    }
    return w;
  }

  listenerCount(): number {
    let n = 0;
    for (const w of this.watchers.values()) n += w.listenerCount;
    return n;
  }

  close(): void {
    for (const w of this.watchers.values()) w.stop();
  }
}
