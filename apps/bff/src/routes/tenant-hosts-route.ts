import {
  GaussDbApiError,
  getOperation,
  type OperationDescriptor,
  type Tenant,
  type TenantHosts,
} from '@gaussdb-console/api-client';
import { Router } from 'express';
import type { AppContext } from '../http/context';
import type { CallContext, Upstream } from '../upstream/upstream';
import { authorizeComposite, callContext, knownProject, sendUpstreamError } from './composite-routes';
import { compositeReadLimit } from './composite-read-limit';
import { allPages } from './upstream-pages';

/**
 * `GET /projects/:project/tenants`: every multi-tenant instance of the project with its tenants and the disk it
 * has left for tenants (4.10.9), for the DBA's tenants page and the users page's grant picker.
 *
 * The API has no flag that says which instances host tenants: 4.10.5 on an instance that is not a container
 * answers DBS.06014011 ("the current edition type does not support multitenancy"). So the route lists the
 * project's instances, asks each one that could be a container (not distributed) for its tenants, a few at a
 * time, and remembers the refusals for ten minutes (an edition rarely changes), so a second look costs one
 * tenant list per container instead of one per instance. The memory is per process: each replica learns on
 * its own. Reads only; authorised and rate-limited like the other composite reads (admin, operator, viewer).
 */

const NOT_MULTI_TENANT = 'DBS.06014011';
const NOT_CONTAINER_TTL_MS = 10 * 60_000;
/** Tenant lists in flight at once. */
const PARALLEL = 8;
/** Pages of 100 tenants read per instance at most. */
const MAX_TENANT_PAGES = 10;

interface InstanceRow {
  id: string;
  name?: string;
  status?: string;
  type?: string;
}

const op = (id: string): OperationDescriptor => {
  const d = getOperation(id);
  if (!d) throw new Error(`contract has no ${id}`);
  return d;
};

/** Distributed instances never host tenants; everything else may. */
const mayHostTenants = (i: InstanceRow) =>
  !String(i.type ?? '')
    .toLowerCase()
    .startsWith('enterprise');

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function tenantHostsRoute(ctx: AppContext, upstream: Upstream): Router {
  const router = Router();
  const listInstances = op('listInstances');
  const listTenants = op('listTenants');
  const listTenantFlavors = op('listTenantFlavors');
  const limited = compositeReadLimit(ctx);
  /** `project/instance id` → until when the instance is known not to host tenants. */
  const notContainers = new Map<string, number>();

  async function tenantsOf(project: string, inst: InstanceRow, call: CallContext) {
    const tenants: Tenant[] = [];
    let total = 0;
    for (let page = 0; page < MAX_TENANT_PAGES; page++) {
      const res = (await upstream.call(
        project,
        listTenants,
        { path: { instance_id: inst.id }, body: { offset: page, limit: 100 } },
        call,
      )) as {
        pdb_infos?: Tenant[];
        total_count?: number;
      };
      const rows = res.pdb_infos ?? [];
      tenants.push(...rows);
      total = res.total_count ?? tenants.length;
      if (rows.length < 100 || tenants.length >= total) break;
    }
    // What is left for tenant disks: the pages' gauges and the create/enlarge limits. Optional: a refusal here
    // leaves the tenants readable.
    const flavors = (await upstream
      .call(project, listTenantFlavors, { path: { instance_id: inst.id } }, call)
      .catch(() => undefined)) as { remaining_disk?: number } | undefined;
    return {
      tenants,
      total,
      remaining: typeof flavors?.remaining_disk === 'number' ? flavors.remaining_disk : null,
    };
  }

  router.get(
    '/projects/:project/tenants',
    ...authorizeComposite('listTenantHosts', [listInstances, listTenants, listTenantFlavors]),
    limited('tenant_hosts'),
    async (req, res) => {
      const project = knownProject(upstream, req, res);
      if (!project) return;
      const call = callContext(req, res);
      const now = ctx.clock.now();
      try {
        const instances = await allPages<InstanceRow>(upstream, project, listInstances, {}, call);
        const candidates = instances.items.filter(
          (i) => mayHostTenants(i) && (notContainers.get(`${project}/${i.id}`) ?? 0) <= now,
        );
        const answer: TenantHosts = {
          project,
          generated_at: new Date(now).toISOString(),
          hosts: [],
          scanned: candidates.length,
          unreadable: [],
          truncated: instances.truncated,
        };
        const results = await mapLimit(candidates, PARALLEL, async (inst) => {
          try {
            return { inst, ...(await tenantsOf(project, inst, call)) };
          } catch (e) {
            return { inst, error: e };
          }
        });
        for (const r of results) {
          const name = r.inst.name ?? r.inst.id;
          if (!('error' in r)) {
            answer.hosts.push({
              instance: { id: r.inst.id, name, status: r.inst.status ?? null },
              tenants: r.tenants,
              total_count: r.total,
              remaining_disk: r.remaining,
            });
          } else if (r.error instanceof GaussDbApiError && r.error.errorCode === NOT_MULTI_TENANT) {
            notContainers.set(`${project}/${r.inst.id}`, now + NOT_CONTAINER_TTL_MS);
          } else if (r.error instanceof GaussDbApiError && r.error.status < 500) {
            // One instance refusing (e.g. abnormal) does not hide the others; the page names it.
            answer.unreadable.push({
              instance_id: r.inst.id,
              name,
              code: r.error.errorCode ?? `HTTP_${r.error.status}`,
              message: r.error.errorMsg,
            });
          } else {
            // The upstream itself is failing (timeouts, 5xx, a refused credential): say so as the other reads do.
            throw r.error;
          }
        }
        answer.hosts.sort((a, b) => a.instance.name.localeCompare(b.instance.name));
        res.json(answer);
      } catch (e) {
        sendUpstreamError(ctx, res, e, 'listTenantHosts');
      }
    },
  );
  return router;
}
