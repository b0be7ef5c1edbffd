import { describe, expect, it } from 'vitest';
import { GaussDbApiError, GaussDbTimeoutError, GaussDbTransportError } from '../../src/transport/errors';
import { backoffDelay, parseRetryAfter, retryStep } from '../../src/transport/retry';
import type { Handler } from '../../src/transport/types';
import { createThing, getThing, request, response } from './fixtures';

const apiError = (status: number, retryAfter?: string) =>
  new GaussDbApiError({
    status,
    errorCode: undefined,
    errorMsg: 'x',
    requestId: undefined,
    operationId: 'op',
    retryAfter,
  });

/** A next handler that fails with the given errors in turn, then answers 200. */
function failing(...errors: Error[]): { handler: Handler; calls: () => number } {
  let calls = 0;
  return {
    handler: async () => {
      const e = errors[calls++];
      if (e) throw e;
      return response(200);
    },
    calls: () => calls,
  };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('retry step', () => {
  it.each([429, 500, 502, 503, 504])('repeats a GET answered %i', async (status) => {
    const next = failing(apiError(status));
    const { sleep } = recordingSleep();
    await expect(retryStep({}, { sleep })(next.handler)(request(getThing))).resolves.toMatchObject({
      status: 200,
    });
    expect(next.calls()).toBe(2);
  });

  it('repeats a GET after a network error', async () => {
    const next = failing(new GaussDbTransportError('getThing', 'ECONNRESET'));
    await retryStep({}, { sleep: async () => {} })(next.handler)(request(getThing));
    expect(next.calls()).toBe(2);
  });

  it('repeats a GET whose attempt timed out, but never a POST', async () => {
    const read = failing(new GaussDbTimeoutError('getThing', 2000));
    await expect(
      retryStep({}, { sleep: async () => {} })(read.handler)(request(getThing)),
    ).resolves.toMatchObject({ status: 200 });
    expect(read.calls()).toBe(2);
    const change = failing(new GaussDbTimeoutError('createThing', 2000));
    await expect(
      retryStep({}, { sleep: async () => {} })(change.handler)(request(createThing)),
    ).rejects.toBeInstanceOf(GaussDbTimeoutError);
    expect(change.calls()).toBe(1);
  });

  it.each([500, 502, 503, 504])('never repeats a POST answered %i', async (status) => {
    const next = failing(apiError(status));
    await expect(
      retryStep({}, { sleep: async () => {} })(next.handler)(request(createThing)),
    ).rejects.toMatchObject({ status });
    expect(next.calls()).toBe(1);
  });

  it('never repeats an idempotent DELETE answered 500 (only GETs are repeated)', async () => {
    const deleteThing = { ...getThing, id: 'deleteThing', method: 'DELETE' as const, idempotent: true };
    const next = failing(apiError(500));
    await expect(
      retryStep({}, { sleep: async () => {} })(next.handler)(request(deleteThing)),
    ).rejects.toMatchObject({ status: 500 });
    expect(next.calls()).toBe(1);
  });

  it('repeats 500s within the same budget as the other statuses, with jittered waits', async () => {
    const next = failing(apiError(500), apiError(500), apiError(500), apiError(500));
    const { waits, sleep } = recordingSleep();
    let draw = 0;
    const random = () => [0.9, 0.1, 0.5][draw++ % 3] as number;
    await expect(
      retryStep({ retries: 3, baseMs: 100, maxMs: 1000 }, { sleep, random })(next.handler)(request(getThing)),
    ).rejects.toMatchObject({ status: 500 });
    expect(next.calls()).toBe(4);
    expect(waits).toEqual([90, 20, 200]);
  });

  it('does not repeat a GET answered 400, 404 or 501', async () => {
    for (const status of [400, 404, 501]) {
      const next = failing(apiError(status));
      await expect(
        retryStep({}, { sleep: async () => {} })(next.handler)(request(getThing)),
      ).rejects.toMatchObject({ status });
      expect(next.calls()).toBe(1);
    }
  });

  it('gives up after the configured number of retries and returns the last error', async () => {
    const next = failing(apiError(503), apiError(503), apiError(503));
    await expect(
      retryStep({ retries: 2 }, { sleep: async () => {} })(next.handler)(request(getThing)),
    ).rejects.toMatchObject({ status: 503 });
    expect(next.calls()).toBe(3);
  });

  it('backs off with full jitter below a doubling ceiling capped at maxMs', async () => {
    const next = failing(apiError(503), apiError(503), apiError(503));
    const { waits, sleep } = recordingSleep();
    await retryStep({ retries: 3, baseMs: 100, maxMs: 300 }, { sleep, random: () => 0.5 })(next.handler)(
      request(getThing),
    );
    expect(waits).toEqual([50, 100, 150]);
  });

  it('waits exactly Retry-After seconds when the service says so', async () => {
    const next = failing(apiError(429, '2'));
    const { waits, sleep } = recordingSleep();
    await retryStep({}, { sleep })(next.handler)(request(getThing));
    expect(waits).toEqual([2000]);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0);
    const next = failing(apiError(503, new Date(now + 5000).toUTCString()));
    const { waits, sleep } = recordingSleep();
    await retryStep({}, { sleep, now: () => now })(next.handler)(request(getThing));
    expect(waits).toEqual([5000]);
  });

  it('returns the error instead of waiting for a Retry-After beyond maxRetryAfterMs', async () => {
    const next = failing(apiError(503, '3600'));
    await expect(
      retryStep({}, { sleep: async () => {} })(next.handler)(request(getThing)),
    ).rejects.toMatchObject({ status: 503 });
    expect(next.calls()).toBe(1);
  });

  it('parses Retry-After forms and backoff bounds', () => {
    expect(parseRetryAfter('0', 0)).toBe(0);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(backoffDelay(10, 100, 1000, () => 0.999)).toBeLessThan(1000);
  });
});
