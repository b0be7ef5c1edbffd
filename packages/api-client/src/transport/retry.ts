import { GaussDbApiError, GaussDbTimeoutError, GaussDbTransportError } from './errors';
import type { Sleep, Step, TransportRequest } from './types';
import { defaultSleep } from './types';

export interface RetryOptions {
  /** Extra attempts after the first (default 3). */
  retries?: number;
  /** First backoff ceiling in ms (default 200); doubles each attempt. */
  baseMs?: number;
  /** Largest backoff ceiling in ms (default 5000). */
  maxMs?: number;
  /** A `Retry-After` longer than this (default 60 s) is not waited for: the error is returned instead. */
  maxRetryAfterMs?: number;
}

export interface RetryDeps {
  sleep?: Sleep;
  /** [0, 1) source for the jitter; injectable for deterministic tests. */
  random?: () => number;
  /** Epoch ms, for `Retry-After` given as an HTTP date. */
  now?: () => number;
}

/**
 * Statuses worth another try of a read. 500 is among them: the service answers a transient internal fault
 * (`DBS.200005` "Server failure.") with 500 as often as a gateway answers 502/503, and a GET changes nothing.
 * 501 (not implemented) and the 4xx stay final.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Only a GET marked idempotent is ever repeated: a POST/PUT/DELETE that timed out or got a 503 may have been
 * executed, and repeating it could create a second instance or delete twice.
 */
export function isRetryable(req: TransportRequest): boolean {
  return req.descriptor.idempotent && req.method === 'GET';
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Full jitter (AWS architecture blog): uniform in [0, min(max, base·2^attempt)). */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

function retryableFailure(error: unknown): boolean {
  // An attempt that timed out is as worth repeating for a read as a dropped connection (the fault run under 20 %
  // injected faults found timed-out reads reaching users on the first timeout).
  if (error instanceof GaussDbTransportError || error instanceof GaussDbTimeoutError) return true;
  return error instanceof GaussDbApiError && RETRYABLE_STATUSES.has(error.status);
}

/** Repeats idempotent GETs on 429/500/502/503/504, network errors and timed-out attempts, with jittered backoff and `Retry-After`. */
export function retryStep(options: RetryOptions = {}, deps: RetryDeps = {}): Step {
  const retries = Math.max(0, options.retries ?? 3);
  const baseMs = options.baseMs ?? 200;
  const maxMs = options.maxMs ?? 5000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;

  return (next) => async (req) => {
    if (!isRetryable(req)) return next(req);
    for (let attempt = 0; ; attempt++) {
      try {
        return await next(req);
      } catch (error) {
        if (attempt >= retries || !retryableFailure(error) || req.signal?.aborted) throw error;
        const retryAfter =
          error instanceof GaussDbApiError ? parseRetryAfter(error.retryAfter, now()) : undefined;
        if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) throw error;
        const delay = retryAfter ?? backoffDelay(attempt, baseMs, maxMs, random);
        await sleep(delay, req.signal);
      }
    }
  };
}
