import { getOperation, type OperationDescriptor } from '@gaussdb-console/api-client';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LEASE_MS, RedisLease } from '../events/leader';
import type { Upstream } from '../upstream/upstream';
import { allPages } from '../routes/upstream-pages';
import { RETENTION_MS, type StorageStore } from './storage-store';

/** Each instance is read at most this often; the configured interval may be longer, never shorter. */
export const MIN_SAMPLE_INTERVAL_MS = 10 * 60_000;

/** Who may sample a project: in memory this process; with Redis the holder of the project's lease. */
export interface SamplerLease {
  lead(): Promise<boolean>;
  resign(): Promise<void>;
}

export const soleLeader: SamplerLease = { lead: async () => true, resign: async () => undefined };

export function redisSamplerLease(
  redis: Redis,
  project: string,
  owner: string,
  ttlMs = LEASE_MS,
): SamplerLease {
  const lease = new RedisLease(redis, `gaussdb-console:storage:${project}:leader`, owner, ttlMs);
  return { lead: () => lease.acquire(), resign: () => lease.release() };
}

export interface SamplerOptions {
  project: string;
  upstream: Upstream;
  store: StorageStore;
  clock: { now(): number };
  lease?: SamplerLease;
  logger?: Logger;
  /** How often each instance is read (≥ 10 min). */
  intervalMs?: number;
  /** How often the sampler wakes; each round reads its share of the instances. */
  tickMs?: number;
  /** How often the instance list is read again. */
  listEveryMs?: number;
}

/** States in which 4.3.1 has nothing to tell (no disk yet, or no instance any more). */
const SKIP = new Set(['BUILD', 'FAILED', 'DELETED']);

interface Known {
  id: string;
  name: string | null;
}

const op = (id: string): OperationDescriptor => {
  const d = getOperation(id);
  if (!d) throw new Error(`contract has no ${id}`);
  return d;
};

/**
 * Reads each instance's disk usage (4.3.1) at a bounded rate and keeps it in the storage store: at most
 * once per interval per instance, spread over the interval (each round reads its share, oldest reading
 * first), by one leader per project. A failed read is not retried before the instance is due again.
 */
export class StorageSampler {
  readonly intervalMs: number;
  private readonly tickMs: number;
  private readonly listEveryMs: number;
  private readonly lease: SamplerLease;
  private instances: Known[] = [];
  private listedAt = -Infinity;
  private last: Map<string, number> | undefined;
  private prunedAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly o: SamplerOptions) {
    this.intervalMs = Math.max(MIN_SAMPLE_INTERVAL_MS, o.intervalMs ?? MIN_SAMPLE_INTERVAL_MS);
    this.tickMs = o.tickMs ?? 30_000;
    this.listEveryMs = o.listEveryMs ?? 5 * 60_000;
    this.lease = o.lease ?? soleLeader;
  }

  /** Starts the rounds (timers do not keep the process alive). */
  start(): void {
    this.stopped = false;
    this.schedule(Math.min(this.tickMs, 5_000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.lease.resign().catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule(this.tickMs));
    }, ms);
    this.timer.unref?.();
  }

  /** One round; resolves with how many instances were read (0 when another replica leads). */
  tick(): Promise<number> {
    this.running ??= this.round()
      .catch((e: unknown) => {
        this.o.logger?.warn(
          { err: { message: (e as Error).message }, project: this.o.project },
          'storage sampler round failed',
        );
        return 0;
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async round(): Promise<number> {
    const { project, upstream, store, clock } = this.o;
    if (!(await this.lease.lead())) {
      // Another replica samples; what it stores is read from the store when this one leads again.
      this.last = undefined;
      return 0;
    }
    const now = clock.now();
    if (now - this.listedAt >= this.listEveryMs) {
      const list = await allPages<{ id: string; name?: string; status?: string }>(
        upstream,
        project,
        op('listInstances'),
        {},
        {},
      );
      this.instances = list.items
        .filter((i) => !SKIP.has(String(i.status ?? '').toUpperCase()))
        .map((i) => ({ id: i.id, name: i.name ?? null }));
      this.listedAt = now;
    }
    this.last ??= await store.lastSampled(project);
    const last = this.last;
    const due = this.instances
      .filter((i) => now - (last.get(i.id) ?? -Infinity) >= this.intervalMs)
      .sort((a, b) => (last.get(a.id) ?? -Infinity) - (last.get(b.id) ?? -Infinity));
    // Each round reads its share, so the whole fleet is read once per interval and never in one burst.
    const share = Math.max(1, Math.ceil((this.instances.length * this.tickMs) / this.intervalMs));
    let read = 0;
    for (const inst of due.slice(0, share)) {
      if (this.stopped) break;
      last.set(inst.id, now);
      try {
        const res = (await upstream.call(project, op('getVolumeUsage'), {
          path: { instance_id: inst.id },
        })) as { used?: unknown; total?: unknown };
        const used = Number(res.used);
        const total = Number(res.total);
        if (!Number.isFinite(used) || !Number.isFinite(total)) continue;
        await store.record(project, {
          instance_id: inst.id,
          name: inst.name,
          time: new Date(now).toISOString(),
          used_gb: used,
          total_gb: total,
        });
        read++;
      } catch (e) {
        this.o.logger?.debug(
          { err: { message: (e as Error).message }, instance: inst.id },
          'storage sample failed',
        );
      }
    }
    if (now - this.prunedAt >= 24 * 3600_000) {
      this.prunedAt = now;
      await store.prune(new Date(now - RETENTION_MS).toISOString());
    }
    return read;
  }
}
