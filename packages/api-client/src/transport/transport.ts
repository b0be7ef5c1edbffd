import type { AuthConfig } from './auth/auth-step';
import { authStep, strategyFor } from './auth/auth-step';
import { errorMappingStep } from './error-mapping';
import type { FetchLike } from './fetch-handler';
import { fetchHandler } from './fetch-handler';
import { parseResponseStep } from './parse-response';
import { composePipeline } from './pipeline';
import type { RetryOptions } from './retry';
import { retryStep } from './retry';
import { timeoutStep } from './timeout';
import type { Handler, Sleep } from './types';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface TransportOptions {
  auth: AuthConfig;
  fetch?: FetchLike;
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Clock (epoch ms) for token expiry, AK/SK dates and `Retry-After` dates. */
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  timerSignal?: (ms: number) => AbortSignal;
}

/**
 * The request pipeline, outermost first: response parsing → retry → auth → timeout → error mapping → fetch.
 * Retry sits outside auth so every attempt is signed afresh; the timeout bounds each attempt alone.
 */
export function createTransport(options: TransportOptions): Handler {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const strategy = strategyFor(options.auth, { fetch: fetchImpl, now, timeoutMs });
  return composePipeline(
    [
      parseResponseStep,
      retryStep(options.retry, { sleep: options.sleep, random: options.random, now }),
      authStep(strategy),
      timeoutStep({ timeoutMs, timerSignal: options.timerSignal }),
      errorMappingStep,
    ],
    fetchHandler(fetchImpl),
  );
}
