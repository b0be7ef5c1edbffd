import { loginBody, type ConsoleInfo, type ConsoleSession } from '@gaussdb-console/api-client';
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../http/context';
import { sendError } from '../http/errors';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { DEMO_USERS } from './demo-users';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { rejectUnauthenticated } from './require-session';
import type { ActiveSession } from './sessions/session-service';

/** The one message for every failed sign-in: it must not tell which of name or password was wrong. */
export const INVALID_CREDENTIALS = 'Invalid user name or password';

/** What the browser learns about its session (GET/POST /api/v1/session). */
export function sessionView(ctx: AppContext, session: ActiveSession): ConsoleSession {
  const { user } = session;
  return {
    user: user.name,
    role: user.role,
    projects: ctx.config.projects.map((p) => ({ name: p.name, region: p.region })),
    ...(user.role === 'tenant' ? { tenants: user.tenants.map((t) => ({ ...t })) } : {}),
    demo: ctx.config.mode === 'embedded',
    expires_at: new Date(session.expiresAt).toISOString(),
    idle_timeout_seconds: Math.round(ctx.sessions.limits.idleMs / 1000),
  };
}

async function login(ctx: AppContext, req: Request, res: Response): Promise<void> {
  const parsed = loginBody.safeParse(req.body);
  if (!parsed.success) {
    sendError(
      res,
      400,
      'VALIDATION_FAILED',
      'Send {"username": "...", "password": "..."} as JSON.',
      [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'body')))].map((field) => ({
        path: `body.${field}`,
        message: 'required, a non-empty string',
      })),
    );
    return;
  }
  const { username, password } = parsed.data;
  const user = ctx.users.find(username);
  const attempt = await ctx.loginLimiter.attempt(req.ip ?? 'unknown', username, user?.unlockedAt);
  if (!attempt.allowed) {
    req.log?.warn({ user: username.slice(0, 64) }, 'sign-in rate limit reached');
    ctx.metrics.rateLimited.inc({ route: 'sign_in' });
    res.setHeader('Retry-After', String(attempt.retryAfterSeconds));
    const seconds = attempt.retryAfterSeconds;
    const minutes = Math.ceil(seconds / 60);
    const wait =
      seconds <= 60
        ? `${seconds} second${seconds === 1 ? '' : 's'}`
        : `${minutes} minute${minutes === 1 ? '' : 's'}`;
    sendError(
      res,
      429,
      'RATE_LIMITED',
      `Too many sign-in attempts. Try again in ${wait}, or ask an administrator to unlock the account.`,
    );
    return;
  }
  // Always run one scrypt verification, against a dummy hash for unknown names (no timing oracle).
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    res.locals.audit = {
      operation: 'loginFailed',
      user: username.slice(0, 64),
      input: { username: username.slice(0, 64) },
    };
    sendError(res, 401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    return;
  }
  await attempt.succeeded();
  // Session fixation: whatever id the browser came with is destroyed, the new session gets a fresh id.
  const previous = res.locals.session;
  if (previous) await ctx.sessions.destroy(previous.key);
  const { id, session } = await ctx.sessions.create(user);
  res.locals.session = session;
  res.locals.audit = { operation: 'login', input: { username } };
  setSessionCookie(req, res, ctx.config, id);
  res.json(sessionView(ctx, session));
}

/** POST/GET/DELETE /api/v1/session, and GET /api/v1/info (public: mode and, in the demo, its users). */
export function sessionRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/session', (req, res) => login(ctx, req, res));

  router.get('/session', (_req, res) => {
    const session = res.locals.session;
    if (!session) return rejectUnauthenticated(res);
    res.json(sessionView(ctx, session));
  });

  router.delete('/session', async (req, res) => {
    const session = res.locals.session;
    if (session) {
      res.locals.audit = { operation: 'logout' };
      await ctx.sessions.destroy(session.key);
    }
    clearSessionCookie(req, res, ctx.config);
    res.status(204).end();
  });

  router.get('/info', (_req, res) => {
    const demo = ctx.config.mode === 'embedded';
    const info: ConsoleInfo = {
      mode: ctx.config.mode,
      demo,
      ...(demo
        ? { demo_users: DEMO_USERS.map((u) => ({ name: u.name, role: u.role, password: u.password })) }
        : {}),
    };
    res.json(info);
  });

  return router;
}
