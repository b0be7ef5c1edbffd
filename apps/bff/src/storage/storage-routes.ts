import { getOperation, type OperationDescriptor } from '@gaussdb-console/api-client';
import { Router } from 'express';
import type { AppContext } from '../http/context';
import { sendError } from '../http/errors';
import { compositeReadLimit } from '../routes/composite-read-limit';
import { authorizeComposite, knownProject } from '../routes/composite-routes';
import type { StorageStore } from './storage-store';
import { instanceHistory, projectOutlook } from './storage-outlook';

export interface StorageDeps {
  store: StorageStore;
  /** 0 when sampling is off (the routes still answer what the store holds). */
  sampleMinutes: number;
}

const op = (id: string): OperationDescriptor => {
  const d = getOperation(id);
  if (!d) throw new Error(`contract has no ${id}`);
  return d;
};

const INSTANCE_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The storage forecast's reads, answered from the console's own store (no upstream call):
 * - `GET /projects/:project/instances/:instance_id/storage-history`: one instance's readings and trend;
 * - `GET /projects/:project/storage-forecast`: the instances that will fill first.
 * Both are made of 4.3.1 readings, so they need the role to be allowed getVolumeUsage.
 */
export function storageRoutes(
  ctx: AppContext,
  upstream: Parameters<typeof knownProject>[0],
  deps: StorageDeps,
): Router {
  const router = Router();
  const usage = op('getVolumeUsage');
  const limited = compositeReadLimit(ctx);
  const minutes = Math.max(deps.sampleMinutes, 10);

  router.get(
    '/projects/:project/instances/:instance_id/storage-history',
    ...authorizeComposite('storageHistory', [usage]),
    async (req, res) => {
      const project = knownProject(upstream, req, res);
      if (!project) return;
      const id = String(req.params.instance_id);
      if (!INSTANCE_ID.test(id)) {
        sendError(res, 400, 'VALIDATION_FAILED', 'instance_id: 1–64 letters, digits or "-"', [
          { path: 'path.instance_id', message: 'instance_id: 1–64 letters, digits or "-"' },
        ]);
        return;
      }
      res.json(await instanceHistory(deps.store, project, id, ctx.clock.now(), minutes));
    },
  );

  router.get(
    '/projects/:project/storage-forecast',
    ...authorizeComposite('storageForecast', [usage]),
    limited('storage_forecast'),
    async (req, res) => {
      const project = knownProject(upstream, req, res);
      if (!project) return;
      res.json(await projectOutlook(deps.store, project, ctx.clock.now(), minutes));
    },
  );
  return router;
}
