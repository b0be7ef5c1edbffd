import { Router } from 'express';
import { auditQuery } from '@gaussdb-console/api-client';
import type { AppContext } from '../http/context';
import { sendError } from '../http/errors';
import { requireRole } from '../auth/require-session';

/** GET /api/v1/audit: the trail for admins, newest first, filtered and paged. */
export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/audit', requireRole('admin'), async (req, res) => {
    const parsed = auditQuery.safeParse(req.query);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({
        path: ['query', ...i.path].join('.'),
        message: i.message,
      }));
      sendError(
        res,
        400,
        'VALIDATION_FAILED',
        `Invalid audit query: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
        fields,
      );
      return;
    }
    res.json(await ctx.audit.query(parsed.data));
  });
  return router;
}
