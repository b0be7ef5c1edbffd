import { describe, expect, it } from 'vitest';
import { GaussDbTimeoutError } from '../../src/transport/errors';
import { timeoutStep } from '../../src/transport/timeout';
import type { Handler } from '../../src/transport/types';
import { getThing, request } from './fixtures';

/** A next handler that only ends when its signal aborts, like fetch on a silent server. */
const hangs: Handler = (req) =>
  new Promise((_resolve, reject) => {
    req.signal?.addEventListener('abort', () => reject(req.signal?.reason));
  });

describe('timeout step', () => {
  it('turns the timer firing into GaussDbTimeoutError', async () => {
    const timer = new AbortController();
    const step = timeoutStep({ timeoutMs: 1500, timerSignal: () => timer.signal })(hangs);
    const pending = step(request(getThing));
    timer.abort(new DOMException('timed out', 'TimeoutError'));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaussDbTimeoutError);
    expect(error).toMatchObject({ operationId: 'getThing', timeoutMs: 1500 });
  });

  it("leaves the caller's own abort as the caller's reason", async () => {
    const caller = new AbortController();
    const step = timeoutStep({ timeoutMs: 1500, timerSignal: () => new AbortController().signal })(hangs);
    const pending = step(request(getThing, { signal: caller.signal }));
    const reason = new Error('user left the page');
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('passes a signal to the next step that combines timer and caller', async () => {
    let seen: AbortSignal | undefined;
    const caller = new AbortController();
    await timeoutStep({ timeoutMs: 10, timerSignal: () => new AbortController().signal })(async (req) => {
      seen = req.signal;
      return { status: 200, headers: new Headers(), bodyText: '' };
    })(request(getThing, { signal: caller.signal }));
    caller.abort();
    expect(seen?.aborted).toBe(true);
  });
});
