import {
  auditPage,
  bffRouteOf,
  consoleErrorBody,
  consoleInfo,
  consolePolicy,
  consoleRoutes,
  consoleSession,
  getOperation,
  operationList,
  type ConsolePolicy,
  type ConsoleRole,
  type ConsoleSession,
  type OperationId,
} from '@gaussdb-console/api-client/browser';
import { safeParse, type $ZodType } from 'zod/v4/core';

/**
 * The web's one stand-in for the BFF in component tests. It answers the console's own routes (session,
 * info, policy) and operations by the same route table the BFF mounts, records every call, and checks
 * every answer it gives against the contract (the operation's response schema, the console schemas,
 * the error body), so a test can never pass on an answer the real BFF could not give.
 */

export interface FakeCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The operation the route belongs to, or the console route's name. */
  op: string;
}

export interface FakeReply {
  status: number;
  body: unknown;
}

/** An operation's answer: a status with a body, a 2xx body, or a function of the call giving either. */
export type Answer =
  | FakeReply
  | Record<string, unknown>
  | readonly unknown[]
  | ((call: FakeCall) => FakeReply | Record<string, unknown> | readonly unknown[]);

export interface FakeBffOptions {
  role?: ConsoleRole;
  user?: string;
  projects?: { name: string; region: string }[];
  tenants?: ConsoleSession['tenants'];
  demo?: boolean;
  /** Who may run what; by default every operation is allowed to admin, operator and viewer. */
  policy?: Partial<Record<OperationId, ConsoleRole[]>>;
  /** The policy is exactly `policy`: every other operation is allowed to no one. */
  onlyPolicy?: boolean;
  /** Answers by operation id; an operation without one answers 404 (and the test sees it). */
  answers?: Partial<Record<OperationId, Answer>>;
  /** Answers of the console's composite routes, by path relative to the project (`/dashboard`). */
  console?: Record<string, Answer>;
  /** Answers of the console's other own routes, by method and path (`'GET /api/v1/users'`). */
  routes?: Record<string, Answer>;
  /** The audit trail's answer (GET /api/v1/audit), checked against the console contract. */
  audit?: Answer;
}

/** A refusal as the BFF sends it (`{ error: { status, code, message, requestId, fields } }`). */
export const refusal = (
  status: number,
  code: string,
  message: string,
  fields?: { path: string; message: string }[],
  extra: Record<string, unknown> = {},
): FakeReply => ({
  status,
  body: {
    error: { status, code, message, requestId: 'req-test-7', ...(fields ? { fields } : {}), ...extra },
  },
});

const isReply = (a: unknown): a is FakeReply =>
  typeof a === 'object' &&
  a !== null &&
  'status' in a &&
  typeof (a as FakeReply).status === 'number' &&
  'body' in a &&
  Object.keys(a).length === 2;

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-1' },
  });

function mustMatch(schema: $ZodType, body: unknown, what: string): void {
  const r = safeParse(schema, body);
  if (!r.success)
    throw new Error(
      `fake BFF: the answer for ${what} does not match the contract: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
}

const routes = operationList
  .filter((op) => op.service !== 'iam' && op.area !== 'versions')
  .map((op) => ({
    op,
    re: new RegExp(
      `^${bffRouteOf(op)
        .template.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`,
    ),
    params: (bffRouteOf(op).template.match(/\{/g) ?? []).length,
  }))
  // As the BFF mounts them: a literal segment (`/configurations/name-validation`) before a parameter in its place.
  .sort((a, b) => a.params - b.params);

export function defaultPolicy(overrides: FakeBffOptions['policy'] = {}, only = false): ConsolePolicy {
  const operations: Record<string, ConsoleRole[]> = {};
  for (const { op } of routes) operations[op.id] = only ? [] : ['admin', 'operator', 'viewer'];
  return {
    roles: ['admin', 'operator', 'viewer', 'tenant'],
    operations: { ...operations, ...(overrides as Record<string, ConsoleRole[]>) },
    tenant_scopes: {},
  };
}

export function fakeBff(options: FakeBffOptions = {}) {
  const calls: FakeCall[] = [];
  const session: ConsoleSession = {
    user: options.user ?? 'ann',
    role: options.role ?? 'admin',
    projects: options.projects ?? [{ name: 'demo', region: 'cn-north-4' }],
    ...(options.role === 'tenant' ? { tenants: options.tenants ?? [] } : {}),
    demo: options.demo ?? false,
    expires_at: '2099-01-01T00:00:00.000Z',
    idle_timeout_seconds: 1800,
  };
  const policy = defaultPolicy(options.policy, options.onlyPolicy);

  const reply = (call: FakeCall, answer: Answer, schema: $ZodType | undefined): Response => {
    const a: unknown = typeof answer === 'function' ? answer(call) : answer;
    const r = isReply(a) ? a : { status: 200, body: a };
    if (r.status >= 400) mustMatch(consoleErrorBody, r.body, `${call.op} (refusal)`);
    else if (schema && r.status !== 204) mustMatch(schema, r.body, call.op);
    return json(r.status, r.body);
  };

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://console.test',
    );
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = (op: string): FakeCall => {
      const c = { method, path: url.pathname, query: url.searchParams, body, op };
      calls.push(c);
      return c;
    };
    if (url.pathname === consoleRoutes.session && method === 'GET')
      return reply(call('session'), session, consoleSession);
    if (url.pathname === consoleRoutes.info)
      return reply(call('info'), { mode: 'upstream', demo: session.demo }, consoleInfo);
    if (url.pathname === consoleRoutes.policy) return reply(call('policy'), policy, consolePolicy);
    const own = options.routes?.[`${method} ${url.pathname}`];
    if (own !== undefined) return reply(call(`${method} ${url.pathname}`), own, undefined);
    if (url.pathname === consoleRoutes.audit)
      return reply(call('audit'), options.audit ?? refusal(404, 'NOT_FOUND', 'no fake audit'), auditPage);
    for (const [rel, answer] of Object.entries(options.console ?? {})) {
      if (
        url.pathname === `/api/v1/projects/${encodeURIComponent(session.projects[0]?.name ?? 'demo')}${rel}`
      )
        return reply(call(rel), answer, undefined);
    }
    const hit = routes.find(
      (r) =>
        r.op.method === method && r.re.test(url.pathname) && (!r.op.matchesBody || r.op.matchesBody(body)),
    );
    const c = call(hit?.op.id ?? 'unknown');
    const answer = hit ? options.answers?.[hit.op.id as OperationId] : undefined;
    if (!hit || answer === undefined)
      return reply(c, refusal(404, 'NOT_FOUND', `no fake answer for ${method} ${url.pathname}`), undefined);
    return reply(c, answer, hit.op.response);
  };

  return {
    fetch,
    calls,
    session,
    /** The calls made to one operation. */
    callsTo: (id: OperationId) => calls.filter((c) => c.op === id),
    /** The operations called so far, in order (console routes excluded). */
    operationsCalled: () => calls.filter((c) => getOperation(c.op)).map((c) => c.op),
  };
}

export type FakeBff = ReturnType<typeof fakeBff>;
