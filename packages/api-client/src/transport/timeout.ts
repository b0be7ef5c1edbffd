import { GaussDbTimeoutError } from './errors';
import type { Step } from './types';

export interface TimeoutOptions {
  timeoutMs: number;
  /** Makes the timer signal; `AbortSignal.timeout` by default, replaceable so tests control time. */
  timerSignal?: (ms: number) => AbortSignal;
}

/**
 * Bounds one attempt: the caller's signal and a timer are combined, and when the timer fired the failure
 * becomes `GaussDbTimeoutError` (a caller's own abort stays the caller's reason).
 */
export function timeoutStep(options: TimeoutOptions): Step {
  const makeTimer = options.timerSignal ?? ((ms: number) => AbortSignal.timeout(ms));
  return (next) => async (req) => {
    if (!(options.timeoutMs > 0) || !Number.isFinite(options.timeoutMs)) return next(req);
    const timer = makeTimer(options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timer]) : timer;
    try {
      return await next({ ...req, signal });
    } catch (error) {
      if (timer.aborted && !req.signal?.aborted)
        throw new GaussDbTimeoutError(req.operationId, options.timeoutMs);
      throw error;
    }
  };
}
