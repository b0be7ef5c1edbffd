import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { operationList, type OperationDescriptor } from '@gaussdb-console/api-client';
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
import { CLOCK_META_KEY, JobService } from './jobs/jobs';
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
  /** Real-clock multiplier (`real` clock only). */
  speed?: number;
  /** `manual`: time moves only through `clock.advance(ms)` (tests). Default `real`. */
  clock?: 'real' | 'manual';
  /** Emulated start time for a fresh store (epoch ms). */
  startTime?: number;
  /** Data for a fresh store: `demo` (default), `empty`, `scale:N`. Ignored when the data dir already has data. */
  seed?: string;
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
  close(): Promise<void>;
}

const CLOCK_KEY = CLOCK_META_KEY;

/** Starts an emulator: opens (or creates) its store, seeds a fresh one, listens, and drives the job scheduler. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = parseSeed(options.seed ?? 'demo');
  if (!seed) throw new Error(`seed must be demo, empty or scale:N (got ${options.seed})`);
  const file = options.memory || !options.data ? ':memory:' : path.join(options.data, 'emulator.db');
  const store = new Store({ file });
  store.openCollections(declaredCollections());
  const persisted = Number(store.getMeta(CLOCK_KEY) ?? NaN);
  const mode = options.clock ?? 'real';
  const clock = new EmulatorClock({
    mode,
    speed: options.speed ?? 1,
    start: Number.isFinite(persisted) ? Math.max(persisted, mode === 'manual' ? 0 : Date.now()) : (options.startTime ?? Date.now()),
  });
  if (Number.isFinite(persisted)) clock.resumeFrom(persisted);

  let baseUrl = '';
  const log: Logger = {
    info: options.log?.info ?? (() => undefined),
    error: options.log?.error ?? ((m, e) => console.error(`[emulator] ${m}`, e instanceof Error ? (e.stack ?? e.message) : (e ?? ''))),
  };
  const credentials: Credentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const rt = {
    store,
    clock,
    projects: PROJECTS,
    // A scale seed must leave room to create more: its quota is the seed's size plus the usual 50.
    settings: { instanceQuota: options.instanceQuota ?? (seed.startsWith('scale:') ? Number(seed.slice(6)) + 50 : 50) },
    faults: new FaultService(),
    log,
    baseUrl: () => baseUrl,
  } as unknown as EmulatorRuntime;
  rt.jobs = new JobService(rt);
  rt.auth = new AuthService(rt, credentials, options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS);

  let currentSeed: SeedName = (parseSeed(store.getMeta('seed') ?? '') ?? seed) as SeedName;
  if (store.getMeta('seed') === undefined) loadSeed(rt, seed);

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

  const listener = createRequestListener({ rt, router, admin: adminApi, requestLog, validateResponses: options.validateResponses ?? false });
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
      if (Date.now() - lastPersist >= 500) {
        store.setMeta(CLOCK_KEY, String(clock.now()));
        lastPersist = Date.now();
      }
    } catch (e) {
      log.error('scheduler tick failed', e);
    }
  };
  const timer = mode === 'real' ? setInterval(tick, 200) : undefined;
  timer?.unref();
  const unsubscribe = clock.onAdvance(tick);
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
      iam: { endpoint: baseUrl, user: credentials.user, password: credentials.password, domain: credentials.domain },
      aksk: { ak: credentials.ak, sk: credentials.sk },
    },
    clock,
    runtime: rt,
    seed: currentSeed,
    admin,
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      unsubscribe();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (store.db.open && !store.inTransaction) store.setMeta(CLOCK_KEY, String(clock.now()));
      store.close();
    },
  };
}

export { EmulatorClock } from './clock/clock';
export { registerHandler, registerDescriptorHandler, reply, Reply, type HandlerContext, type HandlerFor, type ResponseOf } from './http/handlers';
export { ApiError } from './http/errors';
export { registerJobEffect, registerSweeper } from './jobs/effects';
export { registerSeedContributor } from './seed-data/seed';
export { defineCollection } from './store/collection';
export { startInstanceAction, registerInstanceEffect, onInstanceRemoved, INSTANCE_ACTIONS } from './domain/instance-state';
export type { EmulatorRuntime } from './runtime';
