import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { operationList, type OperationDescriptor } from '@gaussdb-console/api-client';
import { BackgroundActivity, type ActivityOptions } from './activity/activity';
import { AdminApi } from './admin/admin';
import { AuthService, DEFAULT_TOKEN_TTL_MS } from './auth/auth-service';
import { tokensCollection } from './auth/tokens';
import { DEFAULT_CREDENTIALS, PROJECTS, type Credentials, type Project } from './auth/projects';
import { EmulatorClock } from './clock/clock';
import './domain/index';
import { FaultService } from './faults/faults';
import { getHandler } from './http/handlers';
import { RequestLog } from './http/request-log';
import { Router } from './http/router';
import { createRequestListener } from './http/server';
import { CLOCK_META_KEY, CLOCK_OFFSET_META_KEY, JobService } from './jobs/jobs';
import type { EmulatorRuntime, Logger } from './runtime';
import { loadSeed, parseSeed, type SeedName } from './seed-data/seed';
import { declaredCollections } from './store/collection';
import { Store } from './store/store';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Directory for the SQLite file; omit (or `memory: true`) for an in-memory store. */
  data?: string;
  memory?: boolean;
  /**
   * How many times faster than on the real service simulated work runs (jobs, their progress, backups). It
   * never moves timestamps: with the `real` clock they are the wall clock's.
   */
  speed?: number;
  /** `manual`: time moves only through `clock.advance(ms)` (tests). Default `real`: the wall clock. */
  clock?: 'real' | 'manual';
  /** `manual` clock: the start time of a fresh store (epoch ms). */
  startTime?: number;
  /** The wall clock the `real` clock reads (tests inject a controllable one). Default `Date.now`. */
  realTime?: () => number;
  /** Data for a fresh store: `demo` (default), `empty`, `scale:N`. Ignored when the data dir already has data. */
  seed?: string;
  /**
   * The demo's background life (restarts, flavor changes and backups by "another operator", data loads, the odd
   * failure): `true` or options. Default off, so nothing moves that a test did not start.
   */
  activity?: boolean | ActivityOptions;
  /** Serve `/__emulator/*`. Default: on for the demo seed, off otherwise. */
  admin?: boolean;
  tokenTtlMs?: number;
  instanceQuota?: number;
  credentials?: Partial<Credentials>;
  /** The operations to serve (default: the api-client registry). Tests pass synthetic ones. */
  operations?: readonly OperationDescriptor[];
  /** Check success bodies against the descriptors' response schemas (tests). */
  validateResponses?: boolean;
  log?: Partial<Logger>;
}

export interface RunningEmulator {
  /** `http://host:port`: both the GaussDB endpoint and the IAM endpoint. */
  url: string;
  projectId: string;
  projectName: string;
  region: string;
  projects: readonly Project[];
  credentials: {
    iam: { endpoint: string; user: string; password: string; domain: string };
    aksk: { ak: string; sk: string };
  };
  clock: EmulatorClock;
  runtime: EmulatorRuntime;
  seed: SeedName;
  admin: boolean;
  /** Whether the background activity is on. */
  activity: boolean;
  close(): Promise<void>;
}

const CLOCK_KEY = CLOCK_META_KEY;

/**
 * The clock of a store. `manual` resumes where the store's time stopped (else `startTime`, else now). `real`
 * is the wall clock plus the offset earlier admin advances left; a store whose recorded time is ahead of the
 * wall clock for another reason (written by an emulator whose clock ran `speed` times fast) keeps its data,
 * and the log says why its dates lie ahead.
 */
function openClock(
  store: Store,
  mode: 'real' | 'manual',
  options: EmulatorOptions,
  log: Logger,
): EmulatorClock {
  const recorded = Number(store.getMeta(CLOCK_KEY) ?? NaN);
  const realTime = options.realTime ?? Date.now;
  if (mode === 'manual') {
    return new EmulatorClock({
      mode,
      speed: options.speed ?? 1,
      start: Number.isFinite(recorded) ? recorded : (options.startTime ?? realTime()),
      realTime,
    });
  }
  const offset = Number(store.getMeta(CLOCK_OFFSET_META_KEY) ?? 0);
  const clock = new EmulatorClock({
    mode,
    speed: options.speed ?? 1,
    offset: Number.isFinite(offset) ? offset : 0,
    realTime,
  });
  if (Number.isFinite(recorded) && recorded - clock.now() > 60_000) {
    log.warn(
      `this store's data reaches ${new Date(recorded).toISOString()}, ahead of the wall clock (an older emulator ran its clock --speed times fast); reset it (POST /__emulator/reset) or start with a fresh --data directory for dates in the past`,
    );
  }
  store.setMeta(CLOCK_KEY, String(Math.max(Number.isFinite(recorded) ? recorded : 0, clock.now())));
  return clock;
}

/** Starts an emulator: opens (or creates) its store, seeds a fresh one, listens, and drives the job scheduler. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = parseSeed(options.seed ?? 'demo');
  if (!seed) throw new Error(`seed must be demo, empty or scale:N (got ${options.seed})`);
  const file = options.memory || !options.data ? ':memory:' : path.join(options.data, 'emulator.db');
  const store = new Store({ file });
  store.openCollections(declaredCollections());
  const log: Logger = {
    info: options.log?.info ?? (() => undefined),
    warn: options.log?.warn ?? ((m) => console.warn(`[emulator] ${m}`)),
    error:
      options.log?.error ??
      ((m, e) => console.error(`[emulator] ${m}`, e instanceof Error ? (e.stack ?? e.message) : (e ?? ''))),
  };
  const mode = options.clock ?? 'real';
  const clock = openClock(store, mode, options, log);
  let baseUrl = '';
  const credentials: Credentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const rt = {
    store,
    clock,
    projects: PROJECTS,
    // A scale seed must leave room to create more: its quota is the seed's size plus the usual 50.
    settings: {
      instanceQuota: options.instanceQuota ?? (seed.startsWith('scale:') ? Number(seed.slice(6)) + 50 : 50),
    },
    faults: new FaultService(),
    log,
    baseUrl: () => baseUrl,
  } as unknown as EmulatorRuntime;
  rt.jobs = new JobService(rt);
  rt.auth = new AuthService(rt, credentials, options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS);

  let currentSeed: SeedName = (parseSeed(store.getMeta('seed') ?? '') ?? seed) as SeedName;
  if (store.getMeta('seed') === undefined) loadSeed(rt, seed);

  if (options.activity)
    rt.activity = new BackgroundActivity(rt, options.activity === true ? {} : options.activity);

  const operations = options.operations ?? operationList;
  const router = new Router(operations);
  const requestLog = new RequestLog();
  const admin = options.admin ?? seed === 'demo';
  const adminApi = admin
    ? new AdminApi({
        rt,
        requestLog,
        currentSeed: () => currentSeed,
        reset: (next) => {
          // Issued tokens survive a reset: a connected BFF keeps working against the fresh data.
          store.wipe([tokensCollection.name]);
          rt.faults.clear();
          requestLog.clear();
          loadSeed(rt, next);
          currentSeed = next;
        },
        implemented: () => operations.filter((op) => getHandler(op.id)).map((op) => op.id),
        unimplemented: () => operations.filter((op) => !getHandler(op.id)).map((op) => op.id),
      })
    : undefined;

  const listener = createRequestListener({
    rt,
    router,
    admin: adminApi,
    requestLog,
    validateResponses: options.validateResponses ?? false,
  });
  const server: Server = createServer((req, res) => {
    void listener(req, res);
  });
  // Longer than clients' keep-alive (undici: 4 s) so a reused idle socket is never closed under a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  // The scheduler: the clock drives it. Real mode polls; manual mode reacts to advance().
  let lastPersist = 0;
  const tick = () => {
    if (!store.db.open || store.inTransaction) return;
    try {
      rt.jobs.tick();
      // A manual clock's time is its state: keep it so a restart resumes there (a real clock is the wall's).
      if (mode === 'manual' && Date.now() - lastPersist >= 500) {
        store.setMeta(CLOCK_KEY, String(clock.now()));
        lastPersist = Date.now();
      }
    } catch (e) {
      log.error('scheduler tick failed', e);
    }
  };
  const timer = mode === 'real' ? setInterval(tick, 200) : undefined;
  timer?.unref();
  const unsubscribe = clock.onAdvance(() => {
    // An advance of the real clock is kept: its dates stay consistent across a restart.
    if (mode === 'real' && store.db.open && !store.inTransaction)
      store.setMeta(CLOCK_OFFSET_META_KEY, String(clock.offset));
    tick();
  });
  tick();

  const main = PROJECTS[0]!;
  let closed = false;
  return {
    url: baseUrl,
    projectId: main.id,
    projectName: main.name,
    region: main.region,
    projects: PROJECTS,
    credentials: {
      iam: {
        endpoint: baseUrl,
        user: credentials.user,
        password: credentials.password,
        domain: credentials.domain,
      },
      aksk: { ak: credentials.ak, sk: credentials.sk },
    },
    clock,
    runtime: rt,
    seed: currentSeed,
    admin,
    activity: !!rt.activity,
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      unsubscribe();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (mode === 'manual' && store.db.open && !store.inTransaction)
        store.setMeta(CLOCK_KEY, String(clock.now()));
      store.close();
    },
  };
}

export { EmulatorClock } from './clock/clock';
export {
  registerHandler,
  registerDescriptorHandler,
  reply,
  Reply,
  type HandlerContext,
  type HandlerFor,
  type ResponseOf,
} from './http/handlers';
export { ApiError } from './http/errors';
export { registerJobEffect, registerSweeper } from './jobs/effects';
export { registerSeedContributor } from './seed-data/seed';
export { defineCollection } from './store/collection';
export {
  startInstanceAction,
  registerInstanceEffect,
  onInstanceRemoved,
  INSTANCE_ACTIONS,
} from './domain/instance-state';
export type { EmulatorRuntime } from './runtime';
export type { ActivityOptions } from './activity/activity';
