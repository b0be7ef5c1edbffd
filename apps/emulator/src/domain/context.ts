import type { Project } from '../auth/projects';
import { ApiError } from '../http/errors';
import type { HandlerContext } from '../http/handlers';

/** The project of a project-scoped request (always set once authentication passed). */
export function requireProject(ctx: Pick<HandlerContext, 'project'>): Project {
  if (!ctx.project) throw new ApiError(403, 'DBS.280056', 'Invalid token.');
  return ctx.project;
}

/** offset/limit from a validated query, with the endpoint's defaults. */
export function paging(query: unknown, defaultLimit = 100): { offset: number; limit: number } {
  const q = (query ?? {}) as { offset?: unknown; limit?: unknown };
  const offset = q.offset === undefined || q.offset === '' ? 0 : Number(q.offset);
  const limit = q.limit === undefined || q.limit === '' ? defaultLimit : Number(q.limit);
  if (!Number.isInteger(offset) || offset < 0)
    throw new ApiError(400, 'DBS.280440', 'offset: must be an integer ≥ 0', 'offset');
  if (!Number.isInteger(limit) || limit < 1)
    throw new ApiError(400, 'DBS.280439', `limit: must be an integer 1–${defaultLimit}`, 'limit');
  return { offset, limit };
}
