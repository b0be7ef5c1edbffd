import path from 'node:path';
import type { RunningEmulator } from '@gaussdb-console/emulator';
import { getOperation } from '@gaussdb-console/api-client';
import type { Logger } from 'pino';
import type { BffConfig, ProjectConfig } from './config';
import { Secret } from './auth/secret';
import type { TenantGrant } from './auth/roles';
import { EventHub } from './events/event-hub';
import { eventRoutes } from './events/event-routes';
import { compositeRoutes } from './routes/composite-routes';
import { tenantHostsRoute } from './routes/tenant-hosts-route';
import { createStorageStore } from './storage/create-storage-store';
import { redisSamplerLease, soleLeader, StorageSampler } from './storage/storage-sampler';
import { storageRoutes, type StorageDeps } from './storage/storage-routes';
import { newReplicaId } from './events/leader';
import { operationRoutes } from './routes/operation-routes';
import { MemoryEventTransport } from './events/event-transport';
import { RedisEventTransport } from './events/redis-event-bus';
import { connectRedis, startBff, type RunningBff } from './server';
import { isCredentialRefusal } from './upstream/credential-backoff';
import type { JobLookupOptions } from './upstream/job-lookup';
import { RedisTokenStore } from './upstream/redis-token-store';
import { Upstream, type UpstreamSettings } from './upstream/upstream';
import { createLogger } from './http/logger';
import { systemClock, type Clock } from './http/clock';

/** Console project names for the emulator's two regions. */
const EMBEDDED_NAMES: Record<string, string> = { main: 'prod', dr: 'dr' };

export interface RunningConsole {
  bff: RunningBff;
  emulator?: RunningEmulator;
  upstream: Upstream;
  /** The storage samplers, one per project (tests call `tick()`). */
  samplers: StorageSampler[];
  close(): Promise<void>;
}

export interface ConsoleOptions {
  /** Embedded emulator speed (the demo's jobs run this many times faster than real ones). */
  emulatorSpeed?: number;
  /** The embedded demo's background activity (default: the config's EMULATOR_ACTIVITY, on). */
  emulatorActivity?: boolean;
  /** Event watcher poll interval. */
  eventIntervalMs?: number;
  logger?: Logger;
  /** Time source for the BFF and the credential backoff (tests pass a manual clock). */
  clock?: Clock;
  /** Per upstream attempt (default: UPSTREAM_TIMEOUT_MS, 30 s). */
  upstreamTimeoutMs?: number;
  /** How a call whose answer was lost looks for the job it may have started. */
  jobLookup?: JobLookupOptions;
  /** Start the storage samplers (default: when STORAGE_SAMPLE_MINUTES is not 0). Tests drive them by hand. */
  storageSampling?: boolean;
}

/** The demo `tenant` user administers the first tenant the demo data has (looked up, not hard-coded). */
async function discoverDemoTenant(upstream: Upstream, project: string): Promise<TenantGrant[]> {
  const listInstances = getOperation('listInstances');
  const listTenants = getOperation('listTenants');
  if (!listInstances || !listTenants) return [];
  try {
    const res = (await upstream.call(project, listInstances, { query: { limit: 100 } })) as {
      instances?: { id: string; type?: string | null }[];
    };
    for (const inst of (res.instances ?? []).filter(
      (i) =>
        !String(i.type ?? '')
          .toLowerCase()
          .startsWith('enterprise'),
    )) {
      try {
        const t = (await upstream.call(project, listTenants, {
          path: { instance_id: inst.id },
          body: { offset: 0, limit: 10 },
        })) as { pdb_infos?: { id?: string }[] };
        const first = t.pdb_infos?.find((x) => x.id);
        if (first?.id) return [{ instance_id: inst.id, pdb_id: first.id }];
      } catch {
        // Not a multi-tenant instance.
      }
    }
  } catch {
    // No demo tenant: the tenant user simply has nothing to see.
  }
  return [];
}

/**
 * Starts the whole console: the embedded emulator when no upstream is configured, the upstream layer
 * (typed client per project), the per-operation routes and the event stream, on one port.
 */
export async function startConsole(config: BffConfig, options: ConsoleOptions = {}): Promise<RunningConsole> {
  const logger = options.logger ?? createLogger(config.logLevel);
  let emulator: RunningEmulator | undefined;
  let settings: UpstreamSettings;
  let effective = config;
  if (config.mode === 'embedded') {
    // Loaded only here: a console in front of a real GaussDB never loads (or needs) the emulator's code.
    const { startEmulator } = await import('@gaussdb-console/emulator');
    emulator = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      data: path.join(config.dataDir, 'emulator'),
      seed: config.embedded.seed,
      admin: true,
      speed: options.emulatorSpeed ?? config.embedded.speed,
      // The demo lives (jobs nobody started, disks that fill); tests turn it off (EMULATOR_ACTIVITY=off).
      activity: options.emulatorActivity ?? config.embedded.activity,
      log: { info: () => undefined },
    });
    const projects: ProjectConfig[] = emulator.projects.map((p) => ({
      name: EMBEDDED_NAMES[p.role] ?? p.name,
      region: p.region,
      projectId: p.id,
    }));
    const iam = emulator.credentials.iam;
    settings = {
      endpoint: emulator.url,
      auth: {
        kind: 'iam',
        endpoint: iam.endpoint,
        user: iam.user,
        password: new Secret(iam.password),
        domain: iam.domain,
      },
      projects,
    };
    effective = { ...config, projects };
  } else {
    if (!config.gaussdbEndpoint || !config.upstreamAuth)
      throw new Error('upstream mode needs GAUSSDB_ENDPOINT and credentials');
    settings = { endpoint: config.gaussdbEndpoint, auth: config.upstreamAuth, projects: config.projects };
  }
  // With REDIS_URL, replicas share sessions, the upstream token, one leader per project that polls, and the events.
  const redis = config.redisUrl ? connectRedis(config.redisUrl.reveal(), logger) : undefined;
  if (redis) settings = { ...settings, tokenStore: new RedisTokenStore(redis) };
  settings = { ...settings, timeoutMs: options.upstreamTimeoutMs ?? config.upstreamTimeoutMs };
  // The metrics exist once the BFF is built; the upstream counts errors into them from then on.
  const metricsRef: { current?: RunningBff['ctx']['metrics'] } = {};
  const clock = options.clock ?? systemClock;
  const upstream = new Upstream(
    settings,
    {
      onUpstreamError: (operation, status) =>
        metricsRef.current?.upstreamErrors.inc({ operation, code: String(status) }),
      onTokenRefresh: () => metricsRef.current?.tokenRefreshes.inc({ result: 'ok' }),
      onCredentialRefused: (state) => {
        metricsRef.current?.credentialRefusals.inc();
        const retryInSeconds = Math.ceil((state.retryAt - clock.now()) / 1000);
        logger.error(
          { reason: state.reason, refusalsInARow: state.refusals, retryInSeconds },
          `${state.reason}: no upstream call until the next attempt in ${retryInSeconds} s`,
        );
      },
      onCredentialAccepted: () => logger.info('the upstream accepts the console credential again'),
    },
    { now: () => clock.now() },
  );
  const intervalMs = options.eventIntervalMs ?? config.eventsPollMs;
  // A replica's "I have listeners" outlives a few of its refreshes (one per poll interval).
  const transport = redis
    ? new RedisEventTransport(redis, { presenceMs: Math.max(3 * intervalMs, 3_000), logger })
    : new MemoryEventTransport();
  const hub = new EventHub(upstream, logger, intervalMs, transport);
  // The storage forecast: one sampler per project (the leader among replicas reads), history beside the audit.
  const storage: StorageDeps = {
    store: createStorageStore(effective),
    sampleMinutes: config.storageSampleMinutes,
  };
  const replicaId = newReplicaId();
  const samplers = effective.projects.map(
    (p) =>
      new StorageSampler({
        project: p.name,
        upstream,
        store: storage.store,
        clock,
        logger,
        intervalMs: Math.max(config.storageSampleMinutes, 10) * 60_000,
        lease: redis ? redisSamplerLease(redis, p.name, replicaId) : soleLeader,
      }),
  );
  let bff: RunningBff;
  try {
    const demoTenantGrants =
      emulator && effective.projects[0] ? await discoverDemoTenant(upstream, effective.projects[0].name) : [];
    bff = await startBff({
      config: effective,
      logger,
      clock,
      demoTenantGrants,
      ...(redis ? { redis } : {}),
      extendApi: (api, ctx) => {
        api.use(eventRoutes(ctx, upstream, hub));
        api.use(storageRoutes(ctx, upstream, storage));
        api.use(compositeRoutes(ctx, upstream, storage));
        api.use(tenantHostsRoute(ctx, upstream));
        api.use(
          operationRoutes(
            ctx,
            upstream,
            (project) => hub.watcher(project).jobStarted(),
            options.jobLookup ? { jobLookup: options.jobLookup } : {},
          ),
        );
      },
      readinessChecks: [
        {
          name: 'upstream',
          check: async () => {
            const first = effective.projects[0];
            const op = getOperation('getProjectQuotas');
            try {
              if (first && op) await upstream.call(first.name, op, {});
            } catch (e) {
              // A refused credential reads as the backoff's reason and when the next attempt is due.
              if (isCredentialRefusal(e)) upstream.credentialBackoff.check();
              throw e;
            }
          },
        },
      ],
    });
  } catch (e) {
    // A console that did not start holds nothing open: no timers, no Redis connection, no emulator.
    await hub.close().catch(() => undefined);
    await storage.store.close().catch(() => undefined);
    await redis?.quit().catch(() => undefined);
    await emulator?.close();
    throw e;
  }
  metricsRef.current = bff.ctx.metrics;
  if ((options.storageSampling ?? true) && config.storageSampleMinutes > 0)
    for (const s of samplers) s.start();
  return {
    bff,
    emulator,
    upstream,
    samplers,
    async close() {
      // Leases and presence first, so another replica takes over polling at once.
      await hub.close();
      for (const s of samplers) await s.stop();
      await storage.store.close().catch(() => undefined);
      await bff.close();
      await redis?.quit().catch(() => undefined);
      await emulator?.close();
    },
  };
}
