import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGaussDbClient } from '../../src/client';
import type { GaussDbClientConfig } from '../../src/client';
import { GaussDbApiError, GaussDbTimeoutError, GaussDbTransportError } from '../../src/transport/errors';
import type { TestServer } from '../transport/test-server';
import { startTestServer } from '../transport/test-server';
import { thingOperations } from './things';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function clientWith(extra: Partial<GaussDbClientConfig<typeof thingOperations>> = {}) {
  const waits: number[] = [];
  const client = createGaussDbClient({
    endpoint: server.url,
    projectId: 'p',
    auth: { type: 'token', token: 'tok' },
    operations: thingOperations,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...extra,
  });
  return { client, waits };
}

/** Answers `statuses` in turn, then 200 with `ok`. */
function answers(statuses: { status: number; headers?: Record<string, string> }[], ok: unknown) {
  let n = 0;
  server.handle(() => {
    const next = statuses[n++];
    return next
      ? { ...next, body: { error_code: 'DBS.000001', error_msg: 'busy' } }
      : { status: 200, body: ok };
  });
}

describe('retries', () => {
  it('repeats a GET after 503 and 429 and returns the eventual answer', async () => {
    answers([{ status: 503 }, { status: 429 }], { things: [] });
    const { client } = clientWith();
    await expect(client.listThings()).resolves.toEqual({ things: [] });
    expect(server.requests).toHaveLength(3);
  });

  it('sends a POST once even when it is answered 503', async () => {
    answers([{ status: 503 }], { job_id: 'j' });
    const { client } = clientWith();
    await expect(client.createThing({ body: { name: 'abcd' } })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('sends a DELETE once even when it is answered 502', async () => {
    answers([{ status: 502 }], { job_id: 'j' });
    const { client } = clientWith();
    await expect(
      client.deleteTenantLike({ path: { instance_id: 'i' }, body: { pdb_name: 't' } }),
    ).rejects.toBeInstanceOf(GaussDbApiError);
    expect(server.requests).toHaveLength(1);
  });

  it('stops after the configured retries (default 3: four requests in all)', async () => {
    answers([{ status: 504 }, { status: 504 }, { status: 504 }, { status: 504 }, { status: 504 }], {});
    const { client, waits } = clientWith();
    await expect(client.listThings()).rejects.toMatchObject({ status: 504 });
    expect(server.requests).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('honours retry: { retries, baseMs, maxMs }', async () => {
    answers([{ status: 503 }, { status: 503 }, { status: 503 }], {});
    const { client, waits } = clientWith({ retry: { retries: 1, baseMs: 1000, maxMs: 1500 } });
    await expect(client.listThings()).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([500]);
  });

  it('waits for Retry-After in seconds before repeating', async () => {
    answers([{ status: 429, headers: { 'Retry-After': '3' } }], { things: [] });
    const { client, waits } = clientWith();
    await client.listThings();
    expect(waits).toEqual([3000]);
    expect(server.requests).toHaveLength(2);
  });

  it('waits for Retry-After given as an HTTP date', async () => {
    const now = Date.UTC(2025, 4, 1, 0, 0, 0);
    answers([{ status: 503, headers: { 'Retry-After': new Date(now + 7000).toUTCString() } }], {
      things: [],
    });
    const { client, waits } = clientWith({ now: () => now });
    await client.listThings();
    expect(waits).toEqual([7000]);
  });

  it('repeats a GET after a network failure, then reports GaussDbTransportError', async () => {
    const dead = await startTestServer();
    await dead.close();
    const { client, waits } = clientWith({ endpoint: dead.url });
    await expect(client.listThings()).rejects.toBeInstanceOf(GaussDbTransportError);
    expect(waits).toHaveLength(3);
  });
});

describe('timeout', () => {
  it('gives up on a silent server with GaussDbTimeoutError', async () => {
    const timer = new AbortController();
    let arrived: () => void = () => {};
    const received = new Promise<void>((resolve) => (arrived = resolve));
    server.handle(() => {
      arrived();
      return { hang: true };
    });
    const { client } = clientWith({
      timeoutMs: 2500,
      timerSignal: () => timer.signal,
      retry: { retries: 0 },
    });
    const pending = client.getThing({ path: { thing_id: 'x' } });
    await received;
    timer.abort(new DOMException('timer', 'TimeoutError'));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaussDbTimeoutError);
    expect(error).toMatchObject({ operationId: 'getThing', timeoutMs: 2500 });
  });

  it('uses AbortSignal.timeout with timeoutMs by default', async () => {
    const timer = new AbortController();
    const spy = vi.spyOn(AbortSignal, 'timeout').mockReturnValue(timer.signal);
    try {
      let arrived: () => void = () => {};
      const received = new Promise<void>((resolve) => (arrived = resolve));
      server.handle(() => {
        arrived();
        return { hang: true };
      });
      const { client } = clientWith({ timeoutMs: 4000, retry: { retries: 0 } });
      const pending = client.getThing({ path: { thing_id: 'x' } });
      await received;
      expect(spy).toHaveBeenCalledWith(4000);
      timer.abort(new DOMException('timer', 'TimeoutError'));
      await expect(pending).rejects.toBeInstanceOf(GaussDbTimeoutError);
    } finally {
      spy.mockRestore();
    }
  });

  it("stops at once when the caller's signal aborts, with the caller's reason", async () => {
    server.handle(() => ({ hang: true }));
    const { client } = clientWith();
    const caller = new AbortController();
    const pending = client.listThings(undefined, { signal: caller.signal });
    const reason = new Error('navigated away');
    caller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
