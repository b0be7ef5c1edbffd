import {
  createGaussDbClient,
  GaussDbApiError,
  InMemoryTokenStore,
  validateRequest,
  type AuthConfig,
  type GaussDbClient,
  type Language,
  type OperationDescriptor,
  type TokenStore,
} from '@gaussdb-console/api-client';
import type { ProjectConfig, UpstreamAuth } from '../config';
import {
  CredentialBackoff,
  isCredentialRefusal,
  type BackoffOptions,
  type BackoffState,
} from './credential-backoff';

/** Where the BFF's calls go and how they authenticate; built from the config or the embedded emulator. */
export interface UpstreamSettings {
  endpoint: string;
  auth: UpstreamAuth;
  projects: readonly ProjectConfig[];
  timeoutMs?: number;
  /** Shared by every project's client; Redis-backed when replicas share one token. */
  tokenStore?: TokenStore;
  fetch?: typeof fetch;
}

export interface CallContext {
  requestId?: string;
  language?: Language;
  signal?: AbortSignal;
}

export interface UpstreamHooks {
  /** Counted in /metrics. */
  onUpstreamError?: (operationId: string, status: number) => void;
  onCoalesced?: (operationId: string) => void;
  /** A new IAM token was obtained (first use, expiry, or a refused token). */
  onTokenRefresh?: () => void;
  /** The upstream refused the console's credential: no call goes out until `state.retryAt`. */
  onCredentialRefused?: (state: BackoffState) => void;
  /** A call succeeded after a refusal: the backoff is over. */
  onCredentialAccepted?: () => void;
}

export interface UpstreamOptions {
  /** Clock for the credential backoff (tests pass a manual one). */
  now?: () => number;
  backoff?: BackoffOptions;
}

/** Counts token refreshes: the client stores a token exactly when it obtained a new one. */
function countingStore(inner: TokenStore, onSet: (() => void) | undefined): TokenStore {
  return {
    get: (key) => inner.get(key),
    set: (key, token, expiresAt) => {
      onSet?.();
      return inner.set(key, token, expiresAt);
    },
    delete: (key) => inner.delete?.(key),
  };
}

function authFor(auth: UpstreamAuth, project: ProjectConfig, tokenStore: TokenStore): AuthConfig {
  if (auth.kind === 'aksk') return { type: 'aksk', accessKey: auth.ak.reveal(), secretKey: auth.sk.reveal() };
  return {
    type: 'iam',
    iamEndpoint: auth.endpoint,
    user: auth.user,
    password: auth.password.reveal(),
    domain: auth.domain,
    project: { id: project.projectId },
    tokenStore,
  };
}

/**
 * The BFF's single way to the GaussDB API: one typed client per project (each with its own token),
 * identical concurrent reads coalesced into one upstream call, and a per-project epoch so that a read
 * issued after a mutation never joins a read that started before it.
 */
export class Upstream {
  private readonly clients = new Map<string, GaussDbClient>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly epochs = new Map<string, number>();
  /** One per process and credential: shared by every project, route, readiness probe and the event watcher. */
  readonly credentialBackoff: CredentialBackoff;

  constructor(
    readonly settings: UpstreamSettings,
    private readonly hooks: UpstreamHooks = {},
    options: UpstreamOptions = {},
  ) {
    this.credentialBackoff = new CredentialBackoff(options.now ?? Date.now, options.backoff);
    const tokenStore = countingStore(settings.tokenStore ?? new InMemoryTokenStore(), hooks.onTokenRefresh);
    for (const p of settings.projects) {
      this.clients.set(
        p.name,
        createGaussDbClient({
          endpoint: settings.endpoint,
          projectId: p.projectId,
          auth: authFor(settings.auth, p, tokenStore),
          timeoutMs: settings.timeoutMs ?? 30_000,
          ...(settings.fetch ? { fetch: settings.fetch } : {}),
        }),
      );
    }
  }

  project(name: string): ProjectConfig | undefined {
    return this.settings.projects.find((p) => p.name === name);
  }

  /**
   * Calls one operation for a project. Reads are coalesced; mutations are sent once and bump the epoch.
   * While the credential backoff lasts, throws UpstreamCredentialBackoffError without calling anything.
   */
  async call(
    projectName: string,
    op: OperationDescriptor,
    input: Record<string, unknown>,
    ctx: CallContext = {},
  ): Promise<unknown> {
    const client = this.clients.get(projectName);
    if (!client) throw new Error(`unknown project ${projectName}`);
    // Invalid input is the caller's 400 whatever the credential's state; only then may the backoff refuse.
    validateRequest(op, input);
    this.credentialBackoff.check();
    const options = { requestId: ctx.requestId, language: ctx.language, signal: ctx.signal };
    if (!op.idempotent || op.method !== 'GET') {
      this.bump(projectName);
      try {
        return await this.observe(op, client.call(op, input, options));
      } finally {
        // Reads started while the mutation ran may have seen the old state; later ones must not join them.
        this.bump(projectName);
      }
    }
    const key = `${projectName}\n${this.epochs.get(projectName) ?? 0}\n${op.id}\n${stableJson(input)}\n${ctx.language ?? ''}`;
    const existing = this.inflight.get(key);
    if (existing) {
      this.hooks.onCoalesced?.(op.id);
      return existing;
    }
    // The first caller's abort must not cancel a call others share: coalesced reads run unsignalled.
    const p = this.observe(
      op,
      client.call(op, input, { requestId: ctx.requestId, language: ctx.language }),
    ).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private bump(projectName: string): void {
    this.epochs.set(projectName, (this.epochs.get(projectName) ?? 0) + 1);
  }

  private async observe(op: OperationDescriptor, p: Promise<unknown>): Promise<unknown> {
    try {
      const result = await p;
      if (this.credentialBackoff.accepted()) this.hooks.onCredentialAccepted?.();
      return result;
    } catch (e) {
      const status =
        typeof (e as { status?: unknown }).status === 'number' ? (e as { status: number }).status : 0;
      this.hooks.onUpstreamError?.(op.id, status);
      if (isCredentialRefusal(e)) {
        const state = this.credentialBackoff.refused(e);
        if (state) this.hooks.onCredentialRefused?.(state);
      } else if (
        e instanceof GaussDbApiError &&
        e.operationId !== 'createIamToken' &&
        this.credentialBackoff.accepted()
      ) {
        // The GaussDB API answered (even with an error of its own): the credential works again.
        this.hooks.onCredentialAccepted?.();
      }
      throw e;
    }
  }
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` coalesce. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
