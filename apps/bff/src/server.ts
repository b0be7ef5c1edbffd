import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { Router, type Express } from 'express';
import compression from 'compression';
import type { Logger } from 'pino';
import { Redis } from 'ioredis';
import { loadConfig, type BffConfig } from './config';
import { auditMutations } from './audit/audit-middleware';
import { auditRoutes } from './audit/audit-routes';
import type { AuditStore } from './audit/audit-store';
import { openAuditStore } from './audit/create-audit-store';
import { startAttemptRecovery } from './audit/write-ahead';
import { csrfGuard } from './auth/csrf';
import type { DemoTenantGrants } from './auth/demo-users';
import {
  DEFAULT_LOGIN_LIMITS,
  LoginLimiter,
  MemoryCounterStore,
  RedisCounterStore,
  type CounterStore,
  type LoginLimits,
} from './auth/login-limiter';
import { policyRoutes } from './auth/policy-routes';
import { loadSession } from './auth/require-session';
import { sessionRoutes } from './auth/session-routes';
import { userAdminRoutes } from './auth/user-admin-routes';
import { RedisSessionStore } from './auth/sessions/redis-session-store';
import { SessionService } from './auth/sessions/session-service';
import { MemorySessionStore, type SessionStore } from './auth/sessions/session-store';
import { createUserDirectory, type UserDirectory } from './auth/user-directory';
import { MemoryStreamSlots, RedisStreamSlots, type StreamSlots } from './events/stream-slots';
import { systemClock, type Clock } from './http/clock';
import type { AppContext } from './http/context';
import { allowedHostsGuard } from './http/allowed-hosts';
import { errorHandler, sendError } from './http/errors';
import { createLogger } from './http/logger';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { staticSite } from './http/static-site';
import { healthRoutes, type ReadinessCheck } from './ops/health';
import { createMetrics, httpMetrics, type BffMetrics } from './ops/metrics';

export interface AppDeps {
  config: BffConfig;
  users: UserDirectory;
  audit: AuditStore;
  logger?: Logger;
  clock?: Clock;
  /** Default: in memory (one process). Pass a RedisSessionStore when replicas share sessions. */
  sessionStore?: SessionStore;
  /** Rate-limit counters (sign-in, composite reads); default in memory. */
  counterStore?: CounterStore;
  /** Event-stream caps; default in memory with the configured limits. */
  streamSlots?: StreamSlots;
  loginLimits?: LoginLimits;
  metrics?: BffMetrics;
  readinessChecks?: ReadinessCheck[];
  /** How long one round of readiness checks answers every probe (default 5 s). */
  readinessCacheMs?: number;
  /**
   * Extension point for the per-operation routes: called with the /api/v1 router after the console's own
   * routes (session, info, policy, audit) and before the /api 404. See README "Extending the BFF".
   */
  extendApi?: (api: Router, ctx: AppContext) => void;
}

const noCompressionForEvents: compression.CompressionFilter = (req, res) => {
  // A compressed event stream is buffered by the compressor and reaches the browser late or never.
  const type = res.getHeader('Content-Type');
  if (typeof type === 'string' && type.startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
};

/** The Express app with every security layer in order; no listening socket (tests use supertest). */
export function createApp(deps: AppDeps): { app: Express; ctx: AppContext } {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const sessionStore = deps.sessionStore ?? new MemorySessionStore(clock);
  const counters = deps.counterStore ?? new MemoryCounterStore(clock);
  const ctx: AppContext = {
    config,
    logger,
    clock,
    users: deps.users,
    sessions: new SessionService(sessionStore, deps.users, clock, config.session),
    loginLimiter: new LoginLimiter(counters, clock, deps.loginLimits ?? DEFAULT_LOGIN_LIMITS),
    counters,
    streamSlots:
      deps.streamSlots ??
      new MemoryStreamSlots({
        perSession: config.limits.streamsPerSession,
        perServer: config.limits.streamsPerServer,
      }),
    audit: deps.audit,
    metrics: deps.metrics ?? createMetrics(),
    readinessChecks: [
      { name: 'sessions', check: () => sessionStore.ping() },
      { name: 'audit', check: () => deps.audit.ping() },
      {
        name: 'users',
        check: async () => {
          if (deps.users.count() === 0) throw new Error('no console users');
        },
      },
      ...(deps.readinessChecks ?? []),
    ],
  };

  const app = express();
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No ETag on API answers: they are no-store, so hashing every body (sha1) was pure cost under load. Static
  // files keep theirs (serve-static makes its own from size and time).
  app.set('etag', false);

  app.use(requestLog(logger, { quiet: (url) => url === '/healthz' || url === '/metrics' }));
  app.use(httpMetrics(ctx.metrics));
  app.use(securityHeaders({ https: config.publicHttps }));
  // Before every route, sign-in, probes and static files included: a rebound DNS name gets nothing.
  app.use(allowedHostsGuard(config));
  app.use(compression({ filter: noCompressionForEvents }));

  app.use(healthRoutes(ctx.readinessChecks, clock, deps.readinessCacheMs));
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', ctx.metrics.registry.contentType);
    res.send(await ctx.metrics.registry.metrics());
  });

  // /api: never cached; session first (so a CSRF attempt on a signed-in user is audited), then CSRF,
  // then the body parser (refused requests are never parsed).
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', loadSession(ctx));
  app.use('/api', auditMutations(ctx));
  app.use('/api', csrfGuard(config));
  app.use('/api', express.json({ limit: '512kb', strict: true }));

  const api = Router();
  api.use(sessionRoutes(ctx));
  api.use(policyRoutes());
  api.use(auditRoutes(ctx));
  api.use(userAdminRoutes(ctx));
  deps.extendApi?.(api, ctx);
  app.use('/api/v1', api);
  app.use('/api', (req, res) =>
    sendError(res, 404, 'NOT_FOUND', `No API route ${req.method} ${req.originalUrl.split('?')[0]}.`),
  );

  const site = staticSite(config.webDistDir);
  app.use(site.router);
  app.use(errorHandler);
  return { app, ctx };
}

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface StartOptions {
  config?: BffConfig;
  logger?: Logger;
  /** Embedded demo: the PDBs the demo `tenant` user administers (from the emulator's demo data). */
  demoTenantGrants?: DemoTenantGrants;
  extendApi?: AppDeps['extendApi'];
  readinessChecks?: ReadinessCheck[];
  /** Time source for sessions, limits, audit and readiness (tests pass a manual clock). */
  clock?: Clock;
  /**
   * A Redis connection owned by the caller (the console shares it with the event transport and the token
   * store); startBff then opens none of its own for REDIS_URL and leaves closing it to the caller.
   */
  redis?: Redis;
}

export interface RunningBff {
  url: string;
  server: http.Server;
  ctx: AppContext;
  close(): Promise<void>;
}

/** The connection REDIS_URL names, shared by sessions, login counters, events and the upstream token. */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  // ioredis error messages name the host, never the password; the URL itself is never logged.
  redis.on('error', (err: Error) =>
    logger.warn({ err: { message: err.message } }, 'redis connection problem'),
  );
  return redis;
}

/** Builds the real dependencies from the configuration, listens, and returns a handle to stop it all. */
export async function startBff(options: StartOptions = {}): Promise<RunningBff> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(config.logLevel);
  // Settings the operator opted into although they weaken the server: said at every start, never silent.
  for (const warning of config.warnings) logger.warn({ insecureSetting: true }, warning);
  const users = await createUserDirectory({
    usersFile: config.usersFile,
    ...(config.mode === 'embedded' ? { demo: { tenantGrants: options.demoTenantGrants ?? [] } } : {}),
  });
  if (users.count() === 0) {
    throw new StartupError(
      `No console users in ${config.usersFile}. Add an administrator first:\n` +
        '  npm run users -- add NAME --role admin\n' +
        '(the password is prompted; or pipe it with --password-stdin). USERS_FILE / DATA_DIR choose the file.',
    );
  }
  const clock = options.clock ?? systemClock;
  const audit = await openAuditStore(config, {
    onIdleError: (err) => logger.warn({ err }, 'audit database connection lost'),
  });
  // Calls a previous run left without an outcome (killed mid-call) are closed as unknown before we serve.
  const recovery = startAttemptRecovery(audit, clock, logger);
  await recovery
    .sweep(true)
    .catch((err: unknown) => logger.error({ err }, 'could not close abandoned audit entries'));
  const ownsRedis = !options.redis && Boolean(config.redisUrl);
  const redis =
    options.redis ?? (config.redisUrl ? connectRedis(config.redisUrl.reveal(), logger) : undefined);
  const metrics = createMetrics({ defaultMetrics: true });
  const { app, ctx } = createApp({
    config,
    logger,
    users,
    audit,
    metrics,
    clock,
    ...(redis
      ? {
          sessionStore: new RedisSessionStore(redis),
          counterStore: new RedisCounterStore(redis, clock),
          streamSlots: new RedisStreamSlots(
            redis,
            { perSession: config.limits.streamsPerSession, perServer: config.limits.streamsPerServer },
            clock,
          ),
        }
      : {}),
    ...(options.extendApi ? { extendApi: options.extendApi } : {}),
    ...(options.readinessChecks ? { readinessChecks: options.readinessChecks } : {}),
  });
  const server = http.createServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    recovery.stop();
    await audit.close().catch(() => undefined);
    if (ownsRedis) await redis?.quit().catch(() => undefined);
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    server,
    ctx,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      recovery.stop();
      await audit.close();
      if (ownsRedis) await redis?.quit().catch(() => undefined);
    },
  };
}
