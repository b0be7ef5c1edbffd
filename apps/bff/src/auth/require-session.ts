import type { Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../http/context';
import { sendError } from '../http/errors';
import { clearSessionCookie, readSessionCookie } from './cookies';
import { canPerform, tenantScopeOf, type PolicySubject } from './policy';
import type { Role, TenantGrant } from './roles';

/** Attaches `res.locals.session` when the request carries a live session cookie; clears a dead one. */
export function loadSession(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const id = readSessionCookie(req);
    if (id === undefined) return next();
    const session = await ctx.sessions.resolve(id);
    if (session) res.locals.session = session;
    else clearSessionCookie(req, res, ctx.config);
    next();
  };
}

export function rejectUnauthenticated(res: Response): void {
  sendError(res, 401, 'UNAUTHENTICATED', 'Sign in first: there is no session, or it has expired.');
}

export const requireSession: RequestHandler = (_req, res, next) => {
  if (!res.locals.session) return rejectUnauthenticated(res);
  next();
};

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const session = res.locals.session;
    if (!session) return rejectUnauthenticated(res);
    if (!roles.includes(session.user.role)) {
      return sendError(
        res,
        403,
        'FORBIDDEN',
        `This needs the ${roles.join(' or ')} role; you are signed in as ${session.user.role}.`,
      );
    }
    next();
  };
}

/** Where a request names its tenant: path params first, then the body (4.10.2-4.10.4 carry pdb_id there). */
export function requestedTenant(req: Request): { instance_id?: string; pdb_id?: string } {
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  const pick = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    instance_id: pick(req.params.instance_id),
    pdb_id: pick(req.params.pdb_id) ?? pick(body.pdb_id),
  };
}

export function holdsGrant(grants: readonly TenantGrant[], instanceId?: string, pdbId?: string): boolean {
  return grants.some((g) => g.instance_id === instanceId && (pdbId === undefined || g.pdb_id === pdbId));
}

/**
 * The gate in front of every per-operation route: a live session, a role allowed by the policy, and for
 * tenant users a target inside their grants (`own-tenant`: instance + PDB; list scopes: the instance;
 * the route filters the result). Refusals are 401 UNAUTHENTICATED, 403 FORBIDDEN, 403 TENANT_SCOPE.
 */
export function authorize(op: PolicySubject): RequestHandler {
  return (req, res, next) => {
    const session = res.locals.session;
    if (!session) return rejectUnauthenticated(res);
    const { role, tenants } = session.user;
    if (!canPerform(role, op)) {
      return sendError(res, 403, 'FORBIDDEN', `The ${role} role may not run ${op.id}.`);
    }
    if (role === 'tenant') {
      const scope = tenantScopeOf(op.id);
      const target = requestedTenant(req);
      const ok =
        scope === 'own-tenant'
          ? target.pdb_id !== undefined && holdsGrant(tenants, target.instance_id, target.pdb_id)
          : scope === 'own-tenants-list' || scope === 'own-instance-remaining-disk'
            ? holdsGrant(tenants, target.instance_id)
            : scope === 'own-instance-name-status';
      if (!ok) return sendError(res, 403, 'TENANT_SCOPE', 'This tenant is not one of yours.');
    }
    next();
  };
}
