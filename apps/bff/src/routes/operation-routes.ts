import {
  bffRouteOf,
  isExposedByBff,
  operationList,
  validateRequest,
  type Language,
  type OperationDescriptor,
} from '@gaussdb-console/api-client';
import { Router, type Request, type Response } from 'express';
import { resultOf } from '../audit/audit-store';
import { AuditUnavailableError, beginWriteAhead, settleWriteAhead } from '../audit/write-ahead';
import { READS_BY_POST } from '../auth/policy';
import { authorize } from '../auth/require-session';
import type { TenantGrant } from '../auth/roles';
import type { AppContext } from '../http/context';
import { retryAfterSecondsOf, toConsoleError, unknownOutcomeError } from '../upstream/error-response';
import { findStartedJob, type JobLookupOptions } from '../upstream/job-lookup';
import { jsonOnce } from '../upstream/json-once';
import { isOutcomeUnknown } from '../upstream/outcome';
import type { Upstream } from '../upstream/upstream';

const LANGUAGES: readonly Language[] = ['en-us', 'zh-cn'];

function languageOf(req: Request): Language | undefined {
  const v = String(req.get('x-language') ?? '').toLowerCase();
  return (LANGUAGES as readonly string[]).includes(v) ? (v as Language) : undefined;
}

/** Query strings arrive as text (repeated keys as arrays); the contract coerces, so pass text through. */
function queryOf(req: Request): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req.query as Record<string, unknown>)) {
    out[k] = Array.isArray(v) ? v.map(String).join(',') : v;
  }
  return out;
}

/**
 * What to forward as the body: nothing for operations without one (the SPA sends `{}` on every mutation
 * for the CSRF check), nothing for an empty `{}` where the body is optional, else the request's body.
 */
function bodyFor(op: OperationDescriptor, raw: unknown): unknown {
  const type = (op.body as unknown as { _zod: { def: { type: string } } })._zod.def.type;
  if (type === 'undefined') return undefined;
  const empty =
    raw === undefined ||
    (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 0);
  if (empty && op.body.safeParse(undefined).success) return undefined;
  return raw;
}

/** Ids the audit trail records as the target: path ids plus the ids a body names (tenant ops). */
function targetOf(pathParams: Record<string, string>, body: unknown): Record<string, string> {
  const target: Record<string, string> = { ...pathParams };
  if (body && typeof body === 'object') {
    for (const k of ['instance_id', 'pdb_id', 'backup_id', 'config_id', 'node_id']) {
      const v = (body as Record<string, unknown>)[k];
      if (typeof v === 'string') target[k] = v;
    }
  }
  return target;
}

/**
 * A tenant user sees only their own tenants, of their instances only the name and status, and of 4.10.9 only
 * the disk the instance has left for tenants. Fails closed: a list in a shape we cannot filter is answered
 * empty rather than passed through.
 */
function scopeForTenant(op: OperationDescriptor, data: unknown, grants: readonly TenantGrant[]): unknown {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const rows = (key: string) => (Array.isArray(d[key]) ? (d[key] as Record<string, unknown>[]) : []);
  if (op.id === 'listTenants') {
    // The tenants travel under the contract's items key (`pdb_infos`).
    const key = op.paging?.itemsKey ?? 'pdb_infos';
    const tenants = rows(key).filter((t) => grants.some((g) => g.pdb_id === t.id));
    return { [key]: tenants, total_count: tenants.length };
  }
  if (op.id === 'listInstances' || op.id === 'listInstancesV3') {
    const instances = rows('instances')
      .filter((i) => grants.some((g) => g.instance_id === i.id))
      .map((i) => ({ id: i.id, name: i.name, status: i.status }));
    return { instances, total_count: instances.length };
  }
  if (op.id === 'listTenantFlavors') {
    // The owner's disk gauge needs one number; the flavors offered to new tenants are the DBA's. The contract
    // requires the list, so it travels empty.
    const remaining = d.remaining_disk;
    return { pdb_flavors: [], ...(typeof remaining === 'number' ? { remaining_disk: remaining } : {}) };
  }
  return data;
}

/** Per path segment, 0 for a literal and 1 for a parameter: `/a/b/:c` → "0001". */
const segmentKinds = (op: OperationDescriptor) =>
  bffRouteOf(op)
    .expressPath.split('/')
    .map((seg) => (seg.startsWith(':') ? '1' : '0'))
    .join('');

/**
 * Express takes the first matching route, so a literal segment must be mounted before a parameter in the
 * same place: else `GET /configurations/name-validation` runs getParameterTemplate (and its policy) with
 * config_id "name-validation".
 */
function literalsFirst(a: OperationDescriptor, b: OperationDescriptor): number {
  const ka = segmentKinds(a);
  const kb = segmentKinds(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export interface OperationRouteOptions {
  /** How a call whose answer was lost looks for the job it may have started. */
  jobLookup?: JobLookupOptions;
}

/**
 * One route per operation of the contract (docs/bff-routes.md): authorise by the policy, validate through
 * the typed client (invalid input never leaves the BFF), call the upstream once, audit, answer with the
 * upstream's status and body, or `{ error: { status, code, message, requestId, fields } }`. Calls that may
 * change something are audited ahead and, when their answer is lost, answered OUTCOME_UNKNOWN.
 */
export function operationRoutes(
  ctx: AppContext,
  upstream: Upstream,
  onJobStarted?: (project: string) => void,
  options: OperationRouteOptions = {},
): Router {
  const router = Router();
  for (const op of operationList.filter(isExposedByBff).sort(literalsFirst)) {
    const route = bffRouteOf(op);
    // Calls that may change something upstream are audited ahead (a POST that only reads is recorded after).
    const writeAhead = op.method !== 'GET' && !READS_BY_POST.has(op.id);
    const handler = async (req: Request, res: Response) => {
      const { project, ...pathParams } = req.params as Record<string, string>;
      const requestId = res.locals.requestId;
      if (!project || !upstream.project(project)) {
        res.status(404).json({
          error: {
            status: 404,
            code: 'PROJECT_NOT_FOUND',
            message: `No project named "${project}" is configured.`,
            requestId,
          },
        });
        return;
      }
      const body = bodyFor(op, req.body);
      const query = queryOf(req);
      const input = { path: pathParams, query, body };
      const details = { operation: op.id, project, target: targetOf(pathParams, body), input: body ?? query };
      if (op.method !== 'GET') res.locals.audit = details;
      let entry: number | undefined;
      const attemptedAt = ctx.clock.now();
      try {
        // Invalid input is refused before anything is written ahead or sent (recorded after the fact).
        validateRequest(op, input);
        if (writeAhead) entry = await beginWriteAhead(ctx, req, res, details);
        const data = await upstream.call(project, op, input, { requestId, language: languageOf(req) });
        const session = res.locals.session;
        const out = session?.user.role === 'tenant' ? scopeForTenant(op, data, session.user.tenants) : data;
        const jobId = (data as { job_id?: unknown } | undefined)?.job_id;
        if (typeof jobId === 'string') {
          if (res.locals.audit) res.locals.audit.job_id = jobId;
          onJobStarted?.(project);
        }
        if (entry !== undefined) {
          await settleWriteAhead(ctx, res, entry, {
            status: op.successStatus,
            result: 'success',
            job_id: typeof jobId === 'string' ? jobId : null,
            error_code: null,
          });
        }
        if (out === undefined || out === null) res.status(op.successStatus).end();
        else if (typeof out === 'object')
          res.status(op.successStatus).type('application/json').send(jsonOnce(out));
        else res.status(op.successStatus).json(out);
      } catch (e) {
        // Sent, but no answer: it may have been applied. Look for the job it would have started.
        const unknown = entry !== undefined && isOutcomeUnknown(e);
        const job = unknown
          ? await findStartedJob(upstream, project, op, input, attemptedAt, options.jobLookup)
          : undefined;
        if (job) onJobStarted?.(project);
        const err = unknown
          ? unknownOutcomeError(e, requestId, job)
          : e instanceof AuditUnavailableError
            ? { status: 503, code: 'AUDIT_UNAVAILABLE', message: e.message, requestId }
            : toConsoleError(e, requestId);
        if (err.status >= 500 && err.code === 'INTERNAL')
          ctx.logger.error({ err: e, operation: op.id }, 'operation route failed');
        if (unknown)
          ctx.logger.warn(
            { operation: op.id, project, jobId: job?.id, cause: (e as Error).message },
            'upstream call outcome unknown',
          );
        res.locals.errorCode = err.code;
        if (res.locals.audit) res.locals.audit.error_code = err.code;
        if (entry !== undefined) {
          const result = unknown ? 'unknown' : resultOf(err.status);
          await settleWriteAhead(ctx, res, entry, {
            status: err.status,
            result,
            job_id: job?.id ?? null,
            error_code: err.code,
          });
        }
        const retryAfter = retryAfterSecondsOf(e);
        if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
        res.status(err.status).json({ error: err });
      }
    };
    const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    // Routes are mounted under /api/v1; the table's paths include that prefix.
    router[method](route.expressPath.replace(/^\/api\/v1/, ''), authorize(op), handler);
  }
  return router;
}
