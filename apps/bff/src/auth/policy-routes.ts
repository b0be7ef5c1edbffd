import type { ConsolePolicy } from '@gaussdb-console/api-client';
import { Router } from 'express';
import { policyTable, TENANT_OPERATIONS } from './policy';
import { requireSession } from './require-session';
import { ROLES } from './roles';

/** GET /api/v1/policy: which roles may run each operation, so the web hides what a user cannot do. */
export function policyRoutes(): Router {
  const router = Router();
  router.get('/policy', requireSession, (_req, res) => {
    const policy: ConsolePolicy = {
      roles: [...ROLES],
      operations: policyTable(),
      tenant_scopes: { ...TENANT_OPERATIONS },
    };
    res.json(policy);
  });
  return router;
}
