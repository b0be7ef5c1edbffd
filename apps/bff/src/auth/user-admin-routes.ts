import {
  addConsoleUserBody,
  changeConsoleUserRoleBody,
  grantConsoleUserTenantBody,
  resetConsoleUserPasswordBody,
  type ConsoleUserList,
} from '@gaussdb-console/api-client';
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../http/context';
import { sendError } from '../http/errors';
import { requireRole } from './require-session';
import { UserAdmin, UserAdminError } from './user-admin';

/**
 * Console-user administration for admins (the users page), on the users file the CLI writes:
 *
 * - `GET /users`: every user with role and tenant grants (never a password hash);
 * - `POST /users` (addConsoleUser), `DELETE /users/:name` (removeConsoleUser);
 * - `PUT /users/:name/role` (changeConsoleUserRole), `PUT /users/:name/password` (resetConsoleUserPassword:
 *   their sessions end, as with `users passwd`);
 * - `POST /users/:name/tenants` (grantConsoleUserTenant), `DELETE /users/:name/tenants/:instance_id/:pdb_id`
 *   (revokeConsoleUserTenant): the owner's next call outside their grants is refused at once (TENANT_SCOPE);
 * - `DELETE /users/:name/sessions` (endConsoleUserSessions): every session of the user, on every replica when
 *   sessions live in Redis;
 * - `POST /users/:name/unlock` (unlockUser): lifts the user's sign-in lock on every address and every replica
 *   sharing the Redis counters.
 *
 * Every change is audited under those operation names with the user as target; passwords never reach the
 * trail (the audit replaces them with `***`).
 */
export function userAdminRoutes(ctx: AppContext): Router {
  const router = Router();
  const admin = new UserAdmin({ usersFile: ctx.config.usersFile, directory: ctx.users, clock: ctx.clock });
  const onlyAdmins = requireRole('admin');

  const nameOf = (req: Request) => String(req.params.name).slice(0, 128);
  const actorOf = (res: Response) => res.locals.session?.user.name ?? '';
  const audit = (
    res: Response,
    operation: string,
    user: string,
    input?: unknown,
    extra: Record<string, string> = {},
  ) => {
    res.locals.audit = { operation, target: { user, ...extra }, ...(input === undefined ? {} : { input }) };
  };
  /** The body through its contract schema, or a 400 naming each field and its rule. */
  const parse = <S extends z.ZodType>(schema: S, req: Request, res: Response): z.output<S> | undefined => {
    const r = schema.safeParse(req.body);
    if (r.success) return r.data;
    const fields = r.error.issues.map((i) => ({
      path: `body.${i.path.join('.') || 'body'}`,
      message: i.message,
    }));
    sendError(res, 400, 'VALIDATION_FAILED', fields.map((f) => f.message).join('; '), fields);
    return undefined;
  };
  const fail = (res: Response, e: unknown) => {
    if (!(e instanceof UserAdminError)) throw e;
    const fields = e.field ? [{ path: `body.${e.field}`, message: e.message }] : undefined;
    sendError(res, e.status, e.code, e.message, fields);
  };

  router.get('/users', onlyAdmins, (_req, res) => {
    const answer: ConsoleUserList = { users: admin.list() };
    res.json(answer);
  });

  router.post('/users', onlyAdmins, async (req, res) => {
    const body = req.body as { name?: unknown; role?: unknown } | undefined;
    audit(res, 'addConsoleUser', String(body?.name ?? '').slice(0, 128), req.body);
    const input = parse(addConsoleUserBody, req, res);
    if (!input) return;
    try {
      res.status(201).json(await admin.add(input));
    } catch (e) {
      fail(res, e);
    }
  });

  router.delete('/users/:name', onlyAdmins, async (req, res) => {
    const name = nameOf(req);
    audit(res, 'removeConsoleUser', name);
    try {
      await admin.remove(actorOf(res), name);
      // Removal already ends their sessions (the user is gone); the store forgets them too.
      await ctx.sessions.destroyAllOf(name);
      res.status(204).end();
    } catch (e) {
      fail(res, e);
    }
  });

  router.put('/users/:name/role', onlyAdmins, async (req, res) => {
    const name = nameOf(req);
    audit(res, 'changeConsoleUserRole', name, req.body);
    const input = parse(changeConsoleUserRoleBody, req, res);
    if (!input) return;
    try {
      res.json(await admin.changeRole(actorOf(res), name, input.role, input.tenants));
    } catch (e) {
      fail(res, e);
    }
  });

  router.put('/users/:name/password', onlyAdmins, async (req, res) => {
    const name = nameOf(req);
    audit(res, 'resetConsoleUserPassword', name, req.body);
    const input = parse(resetConsoleUserPasswordBody, req, res);
    if (!input) return;
    try {
      const user = await admin.resetPassword(name, input.password);
      await ctx.sessions.destroyAllOf(name);
      res.json(user);
    } catch (e) {
      fail(res, e);
    }
  });

  router.post('/users/:name/tenants', onlyAdmins, async (req, res) => {
    const name = nameOf(req);
    const body = req.body as { instance_id?: unknown; pdb_id?: unknown } | undefined;
    audit(res, 'grantConsoleUserTenant', name, req.body, {
      instance_id: String(body?.instance_id ?? '').slice(0, 64),
      pdb_id: String(body?.pdb_id ?? '').slice(0, 64),
    });
    const input = parse(grantConsoleUserTenantBody, req, res);
    if (!input) return;
    try {
      res.json(await admin.grant(name, input));
    } catch (e) {
      fail(res, e);
    }
  });

  router.delete('/users/:name/tenants/:instance_id/:pdb_id', onlyAdmins, async (req, res) => {
    const name = nameOf(req);
    const grant = {
      instance_id: String(req.params.instance_id).slice(0, 64),
      pdb_id: String(req.params.pdb_id).slice(0, 64),
    };
    audit(res, 'revokeConsoleUserTenant', name, undefined, grant);
    try {
      res.json(await admin.revoke(name, grant));
    } catch (e) {
      fail(res, e);
    }
  });

  router.delete('/users/:name/sessions', onlyAdmins, async (req, res) => {
    const name = nameOf(req);
    audit(res, 'endConsoleUserSessions', name);
    try {
      const user = admin.get(name);
      const ended = await ctx.sessions.destroyAllOf(user.name);
      req.log?.info({ user: user.name, ended }, 'sessions ended by an administrator');
      res.json({ user: user.name, ended });
    } catch (e) {
      fail(res, e);
    }
  });

  router.post('/users/:name/unlock', onlyAdmins, async (req, res) => {
    const name = nameOf(req);
    audit(res, 'unlockUser', name);
    try {
      const user = admin.get(name);
      await ctx.loginLimiter.unlock(user.name);
      req.log?.info({ unlocked: user.name }, 'sign-in lock lifted by an administrator');
      res.json({ user: user.name, unlocked_at: new Date(ctx.clock.now()).toISOString() });
    } catch (e) {
      fail(res, e);
    }
  });

  return router;
}
