import { createHash } from 'node:crypto';
import { GaussDbConfigError, GaussDbResponseShapeError, scrubSecrets } from '../errors';
import { errorMappingStep } from '../error-mapping';
import type { FetchLike } from '../fetch-handler';
import { fetchHandler } from '../fetch-handler';
import { composePipeline } from '../pipeline';
import { timeoutStep } from '../timeout';
import type { TokenStore } from './token-store';
import { InMemoryTokenStore } from './token-store';
import { defineOperation } from '../../operations/define';
import { z } from 'zod';

export interface IamPasswordAuth {
  type: 'iam';
  /** e.g. `https://iam.cn-north-4.myhuaweicloud.com` */
  iamEndpoint: string;
  user: string;
  password: string;
  /** Account (domain) name. */
  domain: string;
  project: { id: string } | { name: string };
  /** Shared cache; in-memory by default. */
  tokenStore?: TokenStore;
}

/** Tokens are replaced this long before they expire, so no call goes out with a token about to lapse. */
export const TOKEN_REFRESH_MARGIN_MS = 10 * 60 * 1000;

export interface TokenProvider {
  /** A valid token, fetched at most once at a time however many callers ask together. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Drops `token` if it is still the cached one (the service refused it). */
  invalidate(token: string): Promise<void>;
  /** Values that must never show up in an error message. */
  readonly secrets: readonly string[];
}

/** The IAM call, described like any other operation so it shares the transport's steps. */
const iamTokenRequest = defineOperation({
  id: 'createIamToken',
  section: 'iam.1',
  title: 'Obtain an IAM token (client internal)',
  titleZh: '获取用户Token',
  area: 'iam',
  method: 'POST',
  path: '/v3/auth/tokens',
  response: z.looseObject({ token: z.looseObject({ expires_at: z.string() }) }),
  successStatus: 201,
  service: 'iam',
  projectless: true,
});

export interface IamTokenDeps {
  fetch: FetchLike;
  now: () => number;
  timeoutMs: number;
}

/** Cache key: who and which scope, never the password (hashed so a shared store shows no user names). */
function cacheKey(auth: IamPasswordAuth): string {
  const scope = 'id' in auth.project ? `id:${auth.project.id}` : `name:${auth.project.name}`;
  const digest = createHash('sha256')
    .update([auth.iamEndpoint, auth.domain, auth.user, scope].join('\n'))
    .digest('hex');
  return `gaussdb-iam-token:${digest.slice(0, 32)}`;
}

/** IAM password-token provider: cached until 10 minutes before `expires_at`, refreshed single-flight. */
export function iamTokenProvider(auth: IamPasswordAuth, deps: IamTokenDeps): TokenProvider {
  const store = auth.tokenStore ?? new InMemoryTokenStore();
  const key = cacheKey(auth);
  const send = composePipeline(
    [timeoutStep({ timeoutMs: deps.timeoutMs }), errorMappingStep],
    fetchHandler(deps.fetch),
  );
  let inFlight: Promise<string> | undefined;
  const secrets: string[] = [auth.password];
  /** Remembers a token for scrubbing; only the last few matter (one is issued a day). */
  const remember = (token: string) => {
    if (secrets.includes(token)) return;
    secrets.push(token);
    if (secrets.length > 6) secrets.splice(1, 1);
  };

  async function fetchToken(signal: AbortSignal | undefined): Promise<string> {
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: auth.user, password: auth.password, domain: { name: auth.domain } } },
        },
        scope: { project: auth.project },
      },
    });
    const url = new URL(`${auth.iamEndpoint.replace(/\/+$/, '')}${iamTokenRequest.path}`);
    let res;
    try {
      res = await send({
        operationId: iamTokenRequest.id,
        descriptor: iamTokenRequest,
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/json;charset=utf8', Accept: 'application/json' },
        body,
        signal,
        projectId: undefined,
      });
    } catch (error) {
      throw scrubSecrets(error, secrets);
    }
    const token = res.headers.get('x-subject-token');
    if (!token)
      throw new GaussDbResponseShapeError(iamTokenRequest.id, [
        { field: 'X-Subject-Token', message: 'response header missing' },
      ]);
    let expiresAt = Number.NaN;
    try {
      const parsed = iamTokenRequest.response.safeParse(JSON.parse(res.bodyText));
      if (parsed.success) expiresAt = Date.parse(parsed.data.token.expires_at);
    } catch {
      // unreadable body: reported just below
    }
    if (Number.isNaN(expiresAt)) {
      throw new GaussDbResponseShapeError(iamTokenRequest.id, [
        { field: 'token.expires_at', message: 'expected a date-time string' },
      ]);
    }
    remember(token);
    await store.set(key, token, expiresAt);
    return token;
  }

  return {
    secrets,
    async getToken(signal) {
      const cached = await store.get(key);
      if (cached && cached.expiresAt - TOKEN_REFRESH_MARGIN_MS > deps.now()) {
        remember(cached.token);
        return cached.token;
      }
      // Single flight: the first caller fetches, everyone arriving meanwhile waits on the same promise.
      // The caller's signal is not passed on: one caller giving up must not fail the others.
      const flight = (inFlight ??= fetchToken(undefined).finally(() => {
        inFlight = undefined;
      }));
      if (!signal) return flight;
      return await new Promise<string>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        flight.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    async invalidate(token) {
      const cached = await store.get(key);
      if (cached?.token !== token) return;
      if (store.delete) await store.delete(key);
      else await store.set(key, token, 0);
    },
  };
}

/** A fixed token (`{ type: 'token', token }`): nothing to refresh. */
export function staticTokenProvider(token: string): TokenProvider {
  if (!token) throw new GaussDbConfigError('auth.token must not be empty');
  return {
    secrets: [token],
    getToken: () => Promise.resolve(token),
    invalidate: () => Promise.resolve(),
  };
}
