import type { JobEvent, NumberedEvent, StreamEvent } from './event-types';

/** Events kept for Last-Event-ID replay, per project. */
export const REPLAY_BUFFER = 500;

/**
 * What a project's watcher needs from the world around it: where numbered events go and come from, the
 * running jobs last seen, and who polls the upstream. In memory (one process) this process does it all;
 * with Redis every replica receives every event and one leader polls for all of them.
 */
export interface ProjectTransport {
  /** Registers this replica's receiver of the project's events; resolves once delivery is live. */
  listen(deliver: (e: NumberedEvent) => void): Promise<void>;
  /** Numbers an event, keeps it for replay and delivers it to every replica's receiver. */
  publish(event: StreamEvent): Promise<void>;
  /** Events after `seq` still kept, or undefined when `seq` is unknown or too old to replay. */
  since(seq: number): Promise<NumberedEvent[] | undefined>;
  saveRunning(jobs: readonly JobEvent[]): Promise<void>;
  /** The running jobs as the last poll saw them (whichever replica polled). */
  loadRunning(): Promise<JobEvent[]>;
  /** Takes or keeps the right to poll; false while another replica holds it. */
  lead(): Promise<boolean>;
  /** Gives the right to poll up (idle, or shutting down). */
  resign(): Promise<void>;
  /** Records whether this replica has listeners of the project (refreshed on every tick while it has). */
  setListening(listening: boolean): Promise<void>;
  /** Whether any replica has listeners. */
  anyListening(): Promise<boolean>;
  /** A mutation started a job: whoever polls must look again even if nobody listens. */
  requestPoll(): Promise<void>;
  /** Reads and clears a poll request (the poller, right before it polls). */
  takePollRequest(): Promise<boolean>;
  /** Reads a poll request without clearing it. */
  pollRequested(): Promise<boolean>;
  close(): Promise<void>;
}

export interface EventTransport {
  project(name: string): ProjectTransport;
  close(): Promise<void>;
}

/** One process: a counter, a ring buffer and a flag; this process always polls. */
export class MemoryProjectTransport implements ProjectTransport {
  private seq = 0;
  private readonly buffer: NumberedEvent[] = [];
  private readonly receivers = new Set<(e: NumberedEvent) => void>();
  private running: JobEvent[] = [];
  private pollRequest = false;

  async listen(deliver: (e: NumberedEvent) => void): Promise<void> {
    this.receivers.add(deliver);
  }

  async publish(event: StreamEvent): Promise<void> {
    const numbered = { seq: ++this.seq, event };
    this.buffer.push(numbered);
    if (this.buffer.length > REPLAY_BUFFER) this.buffer.shift();
    for (const r of this.receivers) r(numbered);
  }

  async since(seq: number): Promise<NumberedEvent[] | undefined> {
    return replayAfter(seq, this.seq, this.buffer);
  }

  async saveRunning(jobs: readonly JobEvent[]): Promise<void> {
    this.running = [...jobs];
  }

  async loadRunning(): Promise<JobEvent[]> {
    return [...this.running];
  }

  async lead(): Promise<boolean> {
    return true;
  }

  async resign(): Promise<void> {}

  async setListening(): Promise<void> {}

  async anyListening(): Promise<boolean> {
    // The watcher counts its own listeners; there are no other replicas.
    return false;
  }

  async requestPoll(): Promise<void> {
    this.pollRequest = true;
  }

  async takePollRequest(): Promise<boolean> {
    const was = this.pollRequest;
    this.pollRequest = false;
    return was;
  }

  async pollRequested(): Promise<boolean> {
    return this.pollRequest;
  }

  async close(): Promise<void> {
    this.receivers.clear();
  }
}

export class MemoryEventTransport implements EventTransport {
  private readonly projects = new Map<string, MemoryProjectTransport>();

  project(name: string): ProjectTransport {
    let p = this.projects.get(name);
    if (!p) {
      p = new MemoryProjectTransport();
      this.projects.set(name, p);
    }
    return p;
  }

  async close(): Promise<void> {
    for (const p of this.projects.values()) await p.close();
  }
}

/**
 * The replay rule both transports share: an id past the last one issued (another deployment's, or from
 * before the store was emptied) or older than the buffer cannot be replayed; the caller sends a snapshot.
 * `buffer` is oldest first.
 */
export function replayAfter(
  seq: number,
  lastIssued: number,
  buffer: readonly NumberedEvent[],
): NumberedEvent[] | undefined {
  if (seq > lastIssued) return undefined;
  const first = buffer[0];
  if (first && seq < first.seq - 1) return undefined;
  return buffer.filter((e) => e.seq > seq);
}
