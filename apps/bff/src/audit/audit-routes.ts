import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../http/context';
import { sendError } from '../http/errors';
import { requireRole } from '../auth/require-session';
import { AUDIT_RESULTS } from './audit-store';

const isoTime = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date-time' })
  .transform((s) => new Date(s).toISOString());

const querySchema = z.strictObject({
  user: z.string().max(128).optional(),
  operation: z.string().max(128).optional(),
  target: z.string().max(128).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** GET /api/v1/audit: the trail for admins, newest first, filtered and paged. */
export function auditRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/audit', requireRole('admin'), async (req, res) => {
    const parsed = querySchema.safeParse(req.query);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: ['query', ...i.path].join('.'), message: i.message }));
      sendError(res, 400, 'VALIDATION_FAILED', `Invalid audit query: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`, fields);
      return;
    }
    res.json(await ctx.audit.query(parsed.data));
  });
  return router;
}
