import { GaussDbApiError, GaussDbConfigError, scrubSecrets } from '../errors';
import type { FetchLike } from '../fetch-handler';
import type { Step, TransportRequest } from '../types';
import type { IamPasswordAuth, TokenProvider } from './iam-token';
import { iamTokenProvider, staticTokenProvider } from './iam-token';
import { signSdkRequest } from './sdk-signature';

export interface StaticTokenAuth {
  type: 'token';
  token: string;
}

export interface AkSkAuth {
  type: 'aksk';
  accessKey: string;
  secretKey: string;
  /** For temporary credentials: sent (and signed) as `X-Security-Token`. */
  securityToken?: string;
}

export type AuthConfig = IamPasswordAuth | StaticTokenAuth | AkSkAuth;

/** The service refused the credential: 401 from the gateway, or 403 `DBS.280056` "Invalid token." */
export function isTokenRefused(error: unknown): error is GaussDbApiError {
  return (
    error instanceof GaussDbApiError &&
    (error.status === 401 || (error.status === 403 && error.errorCode === 'DBS.280056'))
  );
}

/** The one call that carries no credential: obtaining a token. */
export function needsNoAuth(req: TransportRequest): boolean {
  return (
    req.descriptor.service === 'iam' && req.method === 'POST' && req.descriptor.path === '/v3/auth/tokens'
  );
}

/**
 * How one scheme puts its credential on a request, and whether a refused credential is worth one renewal.
 */
export interface AuthStrategy {
  apply(req: TransportRequest): Promise<{ req: TransportRequest; credential?: string }>;
  /** Renews after a refusal; false when renewing cannot help (static token, signature). */
  renew(credential: string | undefined): Promise<boolean>;
  readonly secrets: readonly string[];
}

export function tokenStrategy(provider: TokenProvider, refreshable: boolean): AuthStrategy {
  return {
    get secrets() {
      return provider.secrets;
    },
    async apply(req) {
      const token = await provider.getToken(req.signal);
      return { req: { ...req, headers: { ...req.headers, 'X-Auth-Token': token } }, credential: token };
    },
    async renew(credential) {
      if (!refreshable || credential === undefined) return false;
      await provider.invalidate(credential);
      return true;
    },
  };
}

export function akskStrategy(auth: AkSkAuth, now: () => number): AuthStrategy {
  if (!auth.accessKey || !auth.secretKey)
    throw new GaussDbConfigError('auth.accessKey and auth.secretKey are required');
  return {
    secrets: [auth.secretKey, ...(auth.securityToken ? [auth.securityToken] : [])],
    apply(req) {
      const headers: Record<string, string> = { ...req.headers };
      if (req.projectId) headers['X-Project-Id'] = req.projectId;
      if (auth.securityToken) headers['X-Security-Token'] = auth.securityToken;
      const signed = signSdkRequest({
        method: req.method,
        url: req.url,
        headers,
        body: req.body,
        accessKey: auth.accessKey,
        secretKey: auth.secretKey,
        date: new Date(now()),
      });
      return Promise.resolve({ req: { ...req, headers: signed.headers } });
    },
    renew: () => Promise.resolve(false),
  };
}

export function strategyFor(
  auth: AuthConfig,
  deps: { fetch: FetchLike; now: () => number; timeoutMs: number },
): AuthStrategy {
  switch (auth.type) {
    case 'iam':
      return tokenStrategy(iamTokenProvider(auth, deps), true);
    case 'token':
      return tokenStrategy(staticTokenProvider(auth.token), false);
    case 'aksk':
      return akskStrategy(auth, deps.now);
  }
}

/**
 * Adds the credential to each attempt (so a retried AK/SK request gets a fresh date). When the service refuses
 * a token, renews it and sends once more: safe even for a POST, since a refused request was never executed.
 */
export function authStep(strategy: AuthStrategy): Step {
  return (next) => async (req) => {
    if (needsNoAuth(req)) return next(req);
    try {
      const first = await strategy.apply(req);
      try {
        return await next(first.req);
      } catch (error) {
        if (!isTokenRefused(error) || !(await strategy.renew(first.credential))) throw error;
      }
      const second = await strategy.apply(req);
      return await next(second.req);
    } catch (error) {
      throw scrubSecrets(error, strategy.secrets);
    }
  };
}
