import {
  getOperation,
  tagKey,
  tagValue,
  type Dashboard,
  type Instance,
  type Language,
  type OperationDescriptor,
  type TagInstances,
} from '@gaussdb-console/api-client';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { canPerform, type PolicySubject } from '../auth/policy';
import { authorize } from '../auth/require-session';
import type { AppContext } from '../http/context';
import { sendError, type FieldProblem } from '../http/errors';
import { retryAfterSecondsOf, toConsoleError } from '../upstream/error-response';
import type { CallContext, Upstream } from '../upstream/upstream';
import { compositeReadLimit } from './composite-read-limit';
import { allPages } from './upstream-pages';
import type { StorageDeps } from '../storage/storage-routes';
import { projectOutlook } from '../storage/storage-outlook';

/**
 * Routes the pages need that no single operation answers, composed from several upstream reads:
 *
 * - `GET /projects/:project/dashboard`: instances by status, mode and version, the resources they hold,
 *   running tasks, failures in the last 24 h, quota use, the storage forecast's fills-first list (from the
 *   console's own readings) and, for administrators, the newest audit entries;
 * - `GET /projects/:project/tags/:key/:value/instances`: every instance carrying the tag, read through the
 *   upstream list's `tags` filter page by page.
 *
 * Authorised by the same policy as the operations: a read (viewers and up), not a tenant operation, and
 * the caller must be allowed every operation the answer is made of. Both share one rate limit per
 * session (COMPOSITE_READS_PER_MINUTE): 429 RATE_LIMITED with Retry-After beyond it.
 */

const DAY_MS = 24 * 3600_000;
/** Instances not ACTIVE listed by name (the rest are counted). */
const NOT_ACTIVE = 50;
/** In-progress states sort after the broken ones: what needs a person comes first. */
const attentionRank = (status: string) =>
  ['FAILED', 'ABNORMAL', 'STORAGE FULL'].includes(status.toUpperCase())
    ? 0
    : status.toUpperCase() === 'UPGRADE TO BE OBSERVED'
      ? 1
      : 2;
const RECENT_FAILURES = 10;

const op = (id: string): OperationDescriptor => {
  const d = getOperation(id);
  if (!d) throw new Error(`contract has no ${id}`);
  return d;
};

const subject = (id: string): PolicySubject => ({ id, method: 'GET', destructive: false });

/** The composite's own policy entry, then every operation it reads (403 FORBIDDEN naming the one refused). */
export function authorizeComposite(id: string, parts: readonly OperationDescriptor[]): RequestHandler[] {
  const all: RequestHandler = (_req, res, next) => {
    const role = res.locals.session?.user.role;
    const refused = parts.find((p) => !role || !canPerform(role, p));
    if (role && refused)
      return sendError(
        res,
        403,
        'FORBIDDEN',
        `The ${role} role may not run ${refused.id}, which ${id} reads.`,
      );
    next();
  };
  return [authorize(subject(id)), all];
}

const LANGUAGES: readonly Language[] = ['en-us', 'zh-cn'];
export function callContext(req: Request, res: Response): CallContext {
  const v = String(req.get('x-language') ?? '').toLowerCase();
  return {
    requestId: res.locals.requestId,
    ...((LANGUAGES as readonly string[]).includes(v) ? { language: v as Language } : {}),
  };
}

export function knownProject(upstream: Upstream, req: Request, res: Response): string | undefined {
  const project = String(req.params.project ?? '');
  if (upstream.project(project)) return project;
  sendError(res, 404, 'PROJECT_NOT_FOUND', `No project named "${project}" is configured.`);
  return undefined;
}

export function sendUpstreamError(ctx: AppContext, res: Response, e: unknown, route: string): void {
  const err = toConsoleError(e, res.locals.requestId);
  if (err.status >= 500 && err.code === 'INTERNAL')
    ctx.logger.error({ err: e, route }, 'composite route failed');
  res.locals.errorCode = err.code;
  const retryAfter = retryAfterSecondsOf(e);
  if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
  res.status(err.status).json({ error: err });
}

interface InstanceRow {
  id: string;
  name?: string;
  status?: string;
  type?: string;
  flavor_info?: { vcpu?: unknown; mem?: unknown } | null;
  volume?: { size?: unknown } | null;
}

const num = (v: unknown): number => {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
};

/** vCPUs, memory (GB) and disk (GB) the instances hold, from their flavors and volumes (4.4.4). */
const resourcesOf = (rows: readonly InstanceRow[]): Dashboard['resources'] => ({
  vcpus: rows.reduce((a, i) => a + num(i.flavor_info?.vcpu), 0),
  memory_gb: rows.reduce((a, i) => a + num(i.flavor_info?.mem), 0),
  storage_gb: rows.reduce((a, i) => a + num(i.volume?.size), 0),
});

/** The newest audit entries the dashboard shows an administrator. */
const RECENT_AUDIT = 8;
/** The instances nearest to full the dashboard lists. */
const FILLS_FIRST = 5;

interface TaskRow {
  job_id: string;
  name: string;
  status: string;
  progress?: string | null;
  process?: string | null;
  fail_reason?: string | null;
  created_at?: string | null;
  ended_at?: string | null;
  instance_info?: { instance_id?: string | null; instance_name?: string | null } | null;
}

const countBy = <T>(rows: readonly T[], key: (row: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const k = key(r);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
};

const percent = (t: TaskRow): number | null => {
  const n = Number.parseFloat(String(t.progress ?? t.process ?? ''));
  return Number.isFinite(n) ? n : null;
};

const task = (t: TaskRow) => ({
  id: t.job_id,
  name: t.name,
  status: t.status,
  progress: percent(t),
  instance: { id: t.instance_info?.instance_id ?? null, name: t.instance_info?.instance_name ?? null },
  created_at: t.created_at ?? null,
  ended_at: t.ended_at ?? null,
  fail_reason: t.fail_reason ?? null,
});

const timeOf = (s: string | null | undefined): number => (s ? Date.parse(s) : Number.NaN);

export function compositeRoutes(ctx: AppContext, upstream: Upstream, storage?: StorageDeps): Router {
  const router = Router();
  const listInstances = op('listInstances');
  const listTasks = op('listTasks');
  const getProjectQuotas = op('getProjectQuotas');
  const limited = compositeReadLimit(ctx);

  router.get(
    '/projects/:project/dashboard',
    ...authorizeComposite('dashboard', [listInstances, listTasks, getProjectQuotas]),
    limited('dashboard'),
    async (req, res) => {
      const project = knownProject(upstream, req, res);
      if (!project) return;
      const call = callContext(req, res);
      const now = ctx.clock.now();
      // Whole seconds: the task list's `from` filter is written so, and its link must count the same tasks.
      const failedSince = new Date(Math.floor((now - DAY_MS) / 1000) * 1000)
        .toISOString()
        .replace('.000Z', 'Z');
      try {
        const [instances, running, failed, quotas] = await Promise.all([
          allPages<InstanceRow>(upstream, project, listInstances, {}, call),
          allPages<TaskRow>(upstream, project, listTasks, { status: 'Running' }, call),
          allPages<TaskRow>(
            upstream,
            project,
            listTasks,
            // By creation time, as the task list filters: the dashboard's count is what its link shows.
            { status: 'Failed', start_time: failedSince },
            call,
          ),
          upstream.call(project, getProjectQuotas, { query: { type: 'instance' } }, call) as Promise<{
            quotas?: { resources?: unknown[] };
          }>,
        ]);
        const [outlook, audit] = await Promise.all([
          storage
            ? projectOutlook(storage.store, project, now, storage.sampleMinutes, FILLS_FIRST)
            : undefined,
          res.locals.session?.user.role === 'admin'
            ? ctx.audit.query({ offset: 0, limit: RECENT_AUDIT })
            : undefined,
        ]);
        const lastDay = [...failed.items].sort((a, b) => timeOf(b.created_at) - timeOf(a.created_at));
        const answer: Dashboard = {
          project,
          generated_at: new Date(now).toISOString(),
          instances: {
            total: instances.total,
            by_status: countBy(instances.items, (i) => i.status ?? 'UNKNOWN'),
            by_mode: countBy(instances.items, (i) => i.type ?? 'UNKNOWN'),
            not_active: instances.items
              .filter((i) => (i.status ?? '') !== 'ACTIVE')
              .map((i) => ({ id: i.id, name: i.name ?? i.id, status: i.status ?? 'UNKNOWN' }))
              .sort(
                (a, b) => attentionRank(a.status) - attentionRank(b.status) || a.name.localeCompare(b.name),
              )
              .slice(0, NOT_ACTIVE),
          },
          resources: resourcesOf(instances.items),
          storage: {
            sampled: outlook?.sampled ?? 0,
            used_gb: outlook?.used_gb ?? 0,
            total_gb: outlook?.total_gb ?? 0,
            fills_first: outlook?.fills_first ?? [],
          },
          // Without the inputs: the dashboard shows who did what; the audit page has the rest.
          recent_audit: audit ? audit.entries.map((e) => ({ ...e, input: null })) : null,
          tasks: {
            running: running.items.map(task),
            running_count: running.total,
            failed_last_24h: failed.total,
            failed_since: failedSince,
            recent_failures: lastDay.slice(0, RECENT_FAILURES).map(task),
          },
          quota: (quotas.quotas?.resources ?? []) as Dashboard['quota'],
          truncated: instances.truncated || running.truncated || failed.truncated,
        };
        res.json(answer);
      } catch (e) {
        sendUpstreamError(ctx, res, e, 'dashboard');
      }
    },
  );

  router.get(
    '/projects/:project/tags/:key/:value/instances',
    ...authorizeComposite('listInstancesByTag', [listInstances]),
    limited('tag_instances'),
    async (req, res) => {
      const project = knownProject(upstream, req, res);
      if (!project) return;
      // Checked one by one: a "," or "=" inside either would add a filter of its own to `key=value`.
      const fields: FieldProblem[] = [];
      const key = tagKey().safeParse(req.params.key);
      const value = tagValue().safeParse(req.params.value);
      if (!key.success)
        fields.push({ path: 'path.key', message: key.error.issues[0]?.message ?? 'invalid tag key' });
      if (!value.success)
        fields.push({ path: 'path.value', message: value.error.issues[0]?.message ?? 'invalid tag value' });
      if (!key.success || !value.success) {
        sendError(res, 400, 'VALIDATION_FAILED', fields.map((f) => f.message).join('; '), fields);
        return;
      }
      try {
        const found = await allPages<Instance>(
          upstream,
          project,
          listInstances,
          { tags: `${key.data}=${value.data}` },
          callContext(req, res),
        );
        const answer: TagInstances = {
          tag: { key: key.data, value: value.data },
          instances: found.items,
          total_count: found.total,
          truncated: found.truncated,
        };
        res.json(answer);
      } catch (e) {
        sendUpstreamError(ctx, res, e, 'listInstancesByTag');
      }
    },
  );
  return router;
}
