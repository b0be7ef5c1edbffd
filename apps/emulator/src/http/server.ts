import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdminApi } from '../admin/admin';
import type { EmulatorRuntime } from '../runtime';
import { ApiError, languageOf, type Language } from './errors';
import { getHandler, Reply, type HandlerContext } from './handlers';
import type { RequestLog } from './request-log';
import { normalisePath, type RouteCandidate, type Router } from './router';
import { validatePart } from './validate';

const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerDeps {
  rt: EmulatorRuntime;
  router: Router;
  admin?: AdminApi;
  requestLog: RequestLog;
  /** Tests: check every success body against the descriptor's response schema (a mismatch is a 500). */
  validateResponses: boolean;
}

interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  operation?: string;
  /** Drop the connection instead of answering (fault injection). */
  reset?: boolean;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, 'DBS.200001', 'The request body is larger than 1 MiB.'));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'DBS.200001', 'The request body is not valid JSON.');
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The node:http request listener: routing, faults, auth, validation, dispatch, errors, request ids. */
export function createRequestListener(deps: ServerDeps) {
  const { rt, router } = deps;

  async function handleApi(
    req: IncomingMessage,
    url: URL,
    rawBody: Buffer,
    language: Language,
    requestId: string,
  ): Promise<Outcome> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = normalisePath(url.pathname);
    const match = router.match(method, path);
    if (match.kind === 'not-found')
      throw new ApiError(404, 'APIGW.0101', `The API does not exist: ${method} ${url.pathname}`);
    if (match.kind === 'method-not-allowed') {
      return {
        status: 405,
        body: {
          error_code: 'APIGW.0101',
          error_msg: `Method ${method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}.`,
        },
        headers: { Allow: match.allowed.join(', ') },
      };
    }
    const first = match.candidates[0]!;

    const fault = rt.faults.decide(method, path, first.op.id);
    if (fault) {
      if (fault.latencyMs > 0) await sleep(fault.latencyMs);
      if (fault.reset) return { status: 0, body: undefined, reset: true, operation: first.op.id };
      if (fault.error) {
        const { status, error_code, error_msg, retryAfterSeconds } = fault.error;
        return {
          status,
          body: { error_code, error_msg },
          ...(retryAfterSeconds !== undefined
            ? { headers: { 'Retry-After': String(retryAfterSeconds) } }
            : {}),
          operation: first.op.id,
        };
      }
    }

    // Authentication first: an unauthenticated caller learns nothing about bodies or ids.
    let project: HandlerContext['project'];
    const signed = {
      method,
      rawPath: url.pathname,
      rawQuery: url.search.replace(/^\?/, ''),
      headers: req.headers,
      body: rawBody,
    };
    if (first.op.service === 'iam') {
      if (first.op.id !== 'createIamToken') {
        const token = req.headers['x-auth-token'];
        if (!token) throw new ApiError(401, 'APIGW.0301', 'Authentication required: send X-Auth-Token.');
        rt.auth.checkToken(Array.isArray(token) ? token[0]! : token);
      }
    } else if (first.op.area !== 'versions') {
      project = rt.auth.authenticate(signed, first.projectId).project;
    }

    const body = parseJson(rawBody);
    const chosen = choose(match.candidates, body);
    const op = chosen.op;

    const pathParams = validatePart(op, 'path', op.pathParams, chosen.params);
    const query = validatePart(op, 'query', op.query, Object.fromEntries(url.searchParams));
    let parsedBody: unknown = undefined;
    if (!takesNoBody(op)) {
      if (body === undefined && !op.body.safeParse(undefined).success) {
        throw new ApiError(400, 'DBS.200006', 'The request body is empty; this operation needs a JSON body.');
      }
      parsedBody = validatePart(op, 'body', op.body, body);
    }

    const handler = getHandler(op.id);
    if (!handler) {
      return {
        status: 501,
        body: {
          error_code: 'DBS.213002',
          error_msg: `The emulator does not implement ${op.id} (${op.section} ${op.title}) yet.`,
        },
        operation: op.id,
      };
    }

    const ctx: HandlerContext = {
      op,
      path: pathParams,
      query,
      body: parsedBody,
      project,
      language,
      requestId,
      rt,
      raw: { method, path, headers: req.headers, rawBody: body },
    };
    const run = () => handler(ctx);
    const result = method === 'GET' ? await run() : await rt.store.exclusive(run);
    const out = result instanceof Reply ? result : new Reply(op.successStatus, result);
    if (deps.validateResponses && out.status < 300 && out.body !== undefined) {
      const check = op.response.safeParse(out.body);
      if (!check.success) {
        const issue = check.error.issues[0]!;
        throw new Error(
          `response of ${op.id} breaks its contract at ${issue.path.join('.')}: ${issue.message}`,
        );
      }
    }
    return { status: out.status, body: out.body, headers: out.headers, operation: op.id };
  }

  return async function listener(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const header = req.headers['x-request-id'];
    const requestId = (Array.isArray(header) ? header[0] : header) || randomUUID();
    const language = languageOf(req.headers['x-language']);
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    let outcome: Outcome;
    try {
      const rawBody = await readBody(req);
      if (!rt.store.inTransaction) rt.jobs.tick();
      if (url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/')) {
        if (!deps.admin)
          throw new ApiError(
            404,
            'APIGW.0101',
            'The admin API is disabled (start the emulator with --admin).',
          );
        outcome = await deps.admin.handle((req.method ?? 'GET').toUpperCase(), url, rawBody);
      } else {
        outcome = await handleApi(req, url, rawBody, language, requestId);
      }
    } catch (e) {
      if (e instanceof ApiError) outcome = { status: e.status, body: e.body(language) };
      else {
        rt.log.error(`request ${requestId} ${req.method} ${url.pathname} failed`, e);
        outcome = {
          status: 500,
          body: {
            error_code: 'DBS.200005',
            error_msg: language === 'zh-cn' ? '服务器错误。' : 'Server failure.',
          },
        };
      }
    }
    if (!url.pathname.startsWith('/__emulator')) {
      const errorCode = (outcome.body as { error_code?: unknown } | undefined)?.error_code;
      deps.requestLog.add({
        time: new Date().toISOString(),
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        status: outcome.reset ? 0 : outcome.status,
        operation: outcome.operation,
        error_code: typeof errorCode === 'string' ? errorCode : undefined,
        duration_ms: Date.now() - started,
        request_id: requestId,
      });
    }
    if (outcome.reset) {
      req.socket.destroy();
      return;
    }
    const payload = outcome.body === undefined ? '' : JSON.stringify(outcome.body);
    res.writeHead(outcome.status, {
      'Content-Type': 'application/json;charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
      'X-Request-Id': requestId,
      ...outcome.headers,
    });
    res.end(payload);
  };
}

/** An operation that declares no body ignores one (a DELETE with a stray body must not fail). */
function takesNoBody(op: { body: { safeParse(v: unknown): { success: boolean } } }): boolean {
  return !op.body.safeParse({}).success && op.body.safeParse(undefined).success;
}

/** Among operations sharing a method+path, the one whose `matchesBody` accepts the body (else one without it). */
function choose(candidates: RouteCandidate[], body: unknown): RouteCandidate {
  if (candidates.length === 1) return candidates[0]!;
  const byBody = candidates.find((c) => c.op.matchesBody?.(body) === true);
  if (byBody) return byBody;
  return candidates.find((c) => !c.op.matchesBody) ?? candidates[0]!;
}
