import { GaussDbApiError, isTokenRefused } from '@gaussdb-console/api-client';

/**
 * Backoff after the upstream refused the console's own credential (issue #14, item 2). Without it every
 * request, including unauthenticated readiness probes, made a fresh IAM password attempt: 300 probes were
 * 300 `POST /v3/auth/tokens`, enough to lock the IAM user. After a refusal, every upstream call fails at
 * once (no request leaves the BFF) until the next attempt is due; the wait doubles with each refusal in a
 * row, up to a cap, and any accepted call resets it. Per process: N replicas make at most N attempts per
 * period, and each logs the reason.
 */

export interface BackoffOptions {
  /** Wait after the first refusal (default 1 s). */
  baseMs?: number;
  /** Longest wait (default 5 min). */
  maxMs?: number;
}

export interface BackoffState {
  /** Refusals in a row. */
  refusals: number;
  /** When the next attempt may go out (epoch ms). */
  retryAt: number;
  /** Short, credential-free reason: safe for /readyz, which anyone may read. */
  reason: string;
}

/** Thrown instead of calling the upstream while the backoff lasts. */
export class UpstreamCredentialBackoffError extends Error {
  override name = 'UpstreamCredentialBackoffError';
  constructor(
    readonly reason: string,
    readonly retryAfterMs: number,
  ) {
    super(`${reason}; next attempt in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`);
  }
}

/**
 * The console's credential was refused: IAM said no to the password (any 4xx of the token call), or the
 * GaussDB API refused the token even after one renewal, or refused the AK/SK signature.
 */
export function isCredentialRefusal(e: unknown): e is GaussDbApiError {
  if (isTokenRefused(e)) return true;
  return (
    e instanceof GaussDbApiError && e.operationId === 'createIamToken' && e.status >= 400 && e.status < 500
  );
}

export function refusalReason(e: GaussDbApiError): string {
  const who = e.operationId === 'createIamToken' ? 'IAM' : 'the GaussDB API';
  // The code, not the upstream's message: the reason is shown on the unauthenticated /readyz.
  return `${who} refused the console credential (HTTP ${e.status}${e.errorCode ? `, ${e.errorCode}` : ''})`;
}

export class CredentialBackoff {
  readonly #baseMs: number;
  readonly #maxMs: number;
  #refusals = 0;
  #retryAt = 0;
  #reason = '';

  constructor(
    private readonly now: () => number,
    options: BackoffOptions = {},
  ) {
    this.#baseMs = options.baseMs ?? 1_000;
    this.#maxMs = options.maxMs ?? 5 * 60_000;
  }

  /** Throws UpstreamCredentialBackoffError while no attempt is due. */
  check(): void {
    const wait = this.#retryAt - this.now();
    if (this.#refusals > 0 && wait > 0) throw new UpstreamCredentialBackoffError(this.#reason, wait);
  }

  /**
   * Records a refusal and returns the new state, or undefined when it belongs to an attempt already
   * counted (callers that shared one token fetch all see the same refusal).
   */
  refused(e: GaussDbApiError): BackoffState | undefined {
    const now = this.now();
    if (this.#refusals > 0 && now < this.#retryAt) return undefined;
    this.#refusals += 1;
    this.#reason = refusalReason(e);
    this.#retryAt = now + Math.min(this.#maxMs, this.#baseMs * 2 ** (this.#refusals - 1));
    return this.state;
  }

  /** An upstream call succeeded: true when that ended a backoff. */
  accepted(): boolean {
    if (this.#refusals === 0) return false;
    this.#refusals = 0;
    this.#retryAt = 0;
    this.#reason = '';
    return true;
  }

  get state(): BackoffState {
    return { refusals: this.#refusals, retryAt: this.#retryAt, reason: this.#reason };
  }
}
