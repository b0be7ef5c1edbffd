import type { z } from 'zod';
import type { CallOutput, OperationDescriptor } from './operations/define';
import type { Operations } from './operations/index';
import { operations as registry } from './operations/index';
import type { AuthConfig } from './transport/auth/auth-step';
import { GaussDbConfigError } from './transport/errors';
import type { FetchLike } from './transport/fetch-handler';
import { buildPath, joinUrl, serializeQuery, templateQuery } from './transport/request-builder';
import type { RetryOptions } from './transport/retry';
import { createTransport } from './transport/transport';
import type { Sleep } from './transport/types';
import type { RawCallInput } from './transport/validate-request';
import { validateRequest } from './transport/validate-request';

export type Language = 'en-us' | 'zh-cn';

export type OperationRegistry = Readonly<Record<string, OperationDescriptor>>;

export interface GaussDbClientConfig<TOps extends OperationRegistry = Operations> {
  /** GaussDB endpoint, e.g. `https://gaussdb.cn-north-4.myhuaweicloud.com` (a path prefix is kept). */
  endpoint: string;
  /** Project id for `{project_id}`; defaults to `auth.project.id` with IAM auth scoped by id. */
  projectId?: string;
  auth: AuthConfig;
  /** IAM endpoint for `service: 'iam'` operations; defaults to `auth.iamEndpoint`. */
  iamEndpoint?: string;
  /** Per attempt (default 30 000 ms). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Sent as `X-Language`. */
  language?: Language;
  fetch?: FetchLike;
  /** The operations the client knows (default: the whole registry). Tests pass their own. */
  operations?: TOps;
  /** Clock in epoch ms (token expiry, AK/SK date). */
  now?: () => number;
  /** Wait used between retries. */
  sleep?: Sleep;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Timer signal factory for the per-request timeout (default `AbortSignal.timeout`). */
  timerSignal?: (ms: number) => AbortSignal;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Forwarded as `X-Request-Id` so the upstream log line can be matched to ours. */
  requestId?: string;
  /** Overrides the client's language for this call. */
  language?: Language;
}

/** True when a part has nothing to pass: `undefined`, `{}`, or `Record<string, never>` (`z.strictObject({})`). */
type NothingToPass<T> = [T] extends [undefined]
  ? true
  : [keyof NonNullable<T>] extends [never]
    ? true
    : string extends keyof NonNullable<T>
      ? [NonNullable<T>[string]] extends [never]
        ? true
        : false
      : false;
type AllOptional<T> = [undefined] extends [T] ? true : Partial<T> extends T ? true : false;
type Part<K extends string, T> =
  NothingToPass<T> extends true
    ? { [P in K]?: never }
    : AllOptional<T> extends true
      ? { [P in K]?: T }
      : { [P in K]: T };

/**
 * What a typed call takes: `{ path, query, body }`, each present only when the operation has it and required
 * only when something in it is. The shape of define.ts's `CallInput`, except that an empty strict object
 * (whose input type is `Record<string, never>`) counts as "nothing to pass" here, so `getThing({ path })`
 * needs no `query: {}`.
 */
export type ClientInput<D extends OperationDescriptor> = Part<'path', z.input<D['pathParams']>> &
  Part<'query', z.input<D['query']>> &
  Part<'body', z.input<D['body']>>;

/** Arguments of a typed call: the input may be left out when nothing in it is required. */
export type CallArgs<D extends OperationDescriptor> =
  object extends ClientInput<D>
    ? [input?: ClientInput<D>, options?: CallOptions]
    : [input: ClientInput<D>, options?: CallOptions];

/** One method per operation id, typed from its descriptor. */
export type OperationMethods<TOps extends OperationRegistry> = {
  readonly [K in keyof TOps]: (...args: CallArgs<TOps[K]>) => Promise<CallOutput<TOps[K]>>;
};

export interface GaussDbClientCore<TOps extends OperationRegistry> {
  /** Calls an operation by id or by descriptor (one that is not in the registry works too). */
  call<K extends keyof TOps & string>(id: K, ...args: CallArgs<TOps[K]>): Promise<CallOutput<TOps[K]>>;
  call<D extends OperationDescriptor>(descriptor: D, ...args: CallArgs<D>): Promise<CallOutput<D>>;
  /** Looks an operation up at call time (helpers use it for `getJob`). */
  operation(id: string): OperationDescriptor | undefined;
  /** The operations this client knows, keyed by id. */
  readonly operations: TOps;
  /** Non-secret settings, for logs and diagnostics. */
  readonly settings: {
    readonly endpoint: string;
    readonly projectId: string | undefined;
    readonly language: Language | undefined;
  };
}

export type GaussDbClient<TOps extends OperationRegistry = Operations> = GaussDbClientCore<TOps> &
  Omit<OperationMethods<TOps>, keyof GaussDbClientCore<TOps>>;

function defaultProjectId(config: GaussDbClientConfig<OperationRegistry>): string | undefined {
  if (config.projectId) return config.projectId;
  if (config.auth.type === 'iam' && 'id' in config.auth.project) return config.auth.project.id;
  return undefined;
}

/**
 * A typed GaussDB client: `client.listInstances({ query: { limit: 10 } })`, or `client.call(id, input)`.
 * Each call is validated against its descriptor before anything is sent, then goes through the transport
 * pipeline (auth, retry for idempotent GETs, timeout, error mapping, response parsing).
 */
export function createGaussDbClient<TOps extends OperationRegistry = Operations>(
  config: GaussDbClientConfig<TOps>,
): GaussDbClient<TOps> {
  if (!config.endpoint) throw new GaussDbConfigError('endpoint is required');
  const ops: OperationRegistry = config.operations ?? (registry as OperationRegistry);
  const projectId = defaultProjectId(config);
  const iamEndpoint =
    config.iamEndpoint ?? (config.auth.type === 'iam' ? config.auth.iamEndpoint : undefined);
  const send = createTransport({
    auth: config.auth,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    retry: config.retry,
    now: config.now,
    sleep: config.sleep,
    random: config.random,
    timerSignal: config.timerSignal,
  });

  const operation = (id: string): OperationDescriptor | undefined =>
    Object.hasOwn(ops, id) ? ops[id] : undefined;

  async function callDescriptor(
    descriptor: OperationDescriptor,
    input: RawCallInput | undefined,
    options: CallOptions = {},
  ): Promise<unknown> {
    const valid = validateRequest(descriptor, input);
    const isIam = descriptor.service === 'iam';
    const scoped = !descriptor.projectless && !isIam;
    const endpoint = isIam ? iamEndpoint : config.endpoint;
    if (!endpoint)
      throw new GaussDbConfigError(`${descriptor.id}: an IAM endpoint is required (config.iamEndpoint)`);
    const path = buildPath(descriptor, valid.path, scoped ? projectId : undefined);
    const query = serializeQuery({ ...templateQuery(descriptor.path), ...valid.query });
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': 'application/json',
    };
    const language = options.language ?? config.language;
    if (language) headers['X-Language'] = language;
    if (options.requestId) headers['X-Request-Id'] = options.requestId;
    const res = await send({
      operationId: descriptor.id,
      descriptor,
      method: descriptor.method,
      url: joinUrl(endpoint, path, query),
      headers,
      body: valid.body === undefined ? undefined : JSON.stringify(valid.body),
      signal: options.signal,
      projectId: scoped ? projectId : undefined,
    });
    return res.data;
  }

  function call(
    idOrDescriptor: string | OperationDescriptor,
    input?: RawCallInput,
    options?: CallOptions,
  ): Promise<unknown> {
    if (typeof idOrDescriptor !== 'string') return callDescriptor(idOrDescriptor, input, options);
    const descriptor = operation(idOrDescriptor);
    if (!descriptor) return Promise.reject(new GaussDbConfigError(`unknown operation "${idOrDescriptor}"`));
    return callDescriptor(descriptor, input, options);
  }

  const core = {
    call,
    operation,
    operations: ops,
    settings: Object.freeze({ endpoint: config.endpoint, projectId, language: config.language }),
  };
  const methods: Record<string, (input?: RawCallInput, options?: CallOptions) => Promise<unknown>> = {};
  for (const [id, descriptor] of Object.entries(ops)) {
    if (id in core) continue;
    methods[id] = (input, options) => callDescriptor(descriptor, input, options);
  }
  return Object.freeze({ ...methods, ...core }) as unknown as GaussDbClient<TOps>;
}
