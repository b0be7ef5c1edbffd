import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGaussDbClient } from '../../src/client';
import { parsePercent, waitForJob } from '../../src/helpers/wait-for-job';
import type { JobSnapshot } from '../../src/helpers/wait-for-job';
import { GaussDbConfigError, GaussDbJobFailedError } from '../../src/transport/errors';
import type { TestServer } from '../transport/test-server';
import { startTestServer } from '../transport/test-server';
import { getThing, thingOperations } from './things';

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

/** The job moves one state per poll. */
function scriptJob(states: { status: string; progress?: string; fail_reason?: string | null }[]) {
  let n = 0;
  server.handle((req) => {
    const state = states[Math.min(n++, states.length - 1)];
    const id = new URLSearchParams(req.query).get('id') ?? '';
    return { body: { job: { id, name: 'CreateGaussDBV5Instance', ...state } } };
  });
}

const client = () =>
  createGaussDbClient({
    endpoint: server.url,
    projectId: 'p',
    auth: { type: 'token', token: 't' },
    operations: thingOperations,
  });

describe('waitForJob', () => {
  it('polls getJob until Completed, reporting progress and waiting intervalMs between polls', async () => {
    scriptJob([
      { status: 'Running', progress: '20%' },
      { status: 'Running', progress: '60%' },
      { status: 'Completed', progress: '' },
    ]);
    const waits: number[] = [];
    const seen: JobSnapshot[] = [];
    const done = await waitForJob(client(), 'job-1', {
      intervalMs: 1500,
      sleep: async (ms) => void waits.push(ms),
      onProgress: (s) => seen.push(s),
    });
    expect(done).toMatchObject({ id: 'job-1', status: 'Completed' });
    expect(seen.map((s) => s.percent)).toEqual([20, 60, undefined]);
    expect(waits).toEqual([1500, 1500]);
    expect(server.requests.map((r) => `${r.path}?${r.query}`)).toEqual(Array(3).fill('/v3/p/jobs?id=job-1'));
  });

  it('rejects with GaussDbJobFailedError carrying fail_reason', async () => {
    scriptJob([
      { status: 'Running', progress: '10%' },
      { status: 'Failed', fail_reason: 'ECS云服务器处理异常。' },
    ]);
    const error = await waitForJob(client(), 'job-2', { sleep: async () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaussDbJobFailedError);
    expect(error).toMatchObject({ jobId: 'job-2', failReason: 'ECS云服务器处理异常。' });
  });

  it('stops when the signal aborts while waiting', async () => {
    scriptJob([{ status: 'Running', progress: '10%' }]);
    const controller = new AbortController();
    const reason = new Error('closed');
    const pending = waitForJob(client(), 'job-3', {
      signal: controller.signal,
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          controller.abort(reason);
        }),
    });
    await expect(pending).rejects.toBe(reason);
  });

  it('fails clearly when the client has no getJob operation', async () => {
    const bare = createGaussDbClient({
      endpoint: server.url,
      projectId: 'p',
      auth: { type: 'token', token: 't' },
      operations: { getThing },
    });
    await expect(waitForJob(bare, 'job-4')).rejects.toThrow(GaussDbConfigError);
    await expect(waitForJob(bare, 'job-4')).rejects.toThrow(/getJob/);
  });

  it('reads percentages', () => {
    expect(parsePercent('60%')).toBe(60);
    expect(parsePercent('')).toBeUndefined();
    expect(parsePercent(null)).toBeUndefined();
  });
});

describe('waitForJob with the default sleep under fake timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls again only after intervalMs has passed', async () => {
    let polls = 0;
    const fakeFetch = async () => {
      polls += 1;
      const status = polls < 3 ? 'Running' : 'Completed';
      return new Response(JSON.stringify({ job: { id: 'job-5', status, progress: `${polls * 30}%` } }), {
        status: 200,
      });
    };
    const c = createGaussDbClient({
      endpoint: 'http://gaussdb.invalid',
      projectId: 'p',
      auth: { type: 'token', token: 't' },
      operations: thingOperations,
      fetch: fakeFetch,
    });
    const pending = waitForJob(c, 'job-5', { intervalMs: 10_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(1);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(polls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(polls).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(pending).resolves.toMatchObject({ status: 'Completed', percent: 90 });
  });
});
