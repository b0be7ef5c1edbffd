import { Router } from 'express';
import type { AppContext } from '../http/context';
import { sendError } from '../http/errors';
import { requireRole } from './require-session';

/**
 * Console-user administration for admins. Today: `POST /api/v1/users/:name/unlock` lifts a user's sign-in
 * lock (login-limiter.ts) on every address and every replica sharing the Redis counters, for the users page
 * and for whoever is locked out by someone else's password spray. Answers `{ user, unlocked_at }`; audited
 * as `unlockUser`.
 */
export function userAdminRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post('/users/:name/unlock', requireRole('admin'), async (req, res) => {
    const name = String(req.params.name).slice(0, 128);
    res.locals.audit = { operation: 'unlockUser', target: { user: name } };
    const user = ctx.users.find(name);
    if (!user) {
      sendError(res, 404, 'USER_NOT_FOUND', `There is no console user named "${name}".`);
      return;
    }
    await ctx.loginLimiter.unlock(user.name);
    req.log?.info({ unlocked: user.name }, 'sign-in lock lifted by an administrator');
    res.json({ user: user.name, unlocked_at: new Date(ctx.clock.now()).toISOString() });
  });
  return router;
}
