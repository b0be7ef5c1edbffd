import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './helpers';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

describe('fault injection (/__emulator/faults)', () => {
  it('fails matching requests with the injected status and code, count times', async () => {
    const added = await t.call('POST', '/__emulator/faults', {
      body: { route: 'listInstances', status: 503, error_code: 'DBS.200005', count: 1 },
    });
    expect(added.status).toBe(201);
    const failed = await t.call('GET', `/v3.1/${t.pid}/instances`);
    expect(failed.status).toBe(503);
    expect(failed.body.error_code).toBe('DBS.200005');
    expect((await t.call('GET', `/v3.1/${t.pid}/instances`)).status).toBe(200);
  });

  it('matches path patterns and methods', async () => {
    await t.call('POST', '/__emulator/faults', {
      body: { method: 'GET', route: '/v3/*/datastores', status: 429, error_code: 'DBS.200001' },
    });
    expect((await t.call('GET', `/v3/${t.pid}/datastores`)).status).toBe(429);
    expect((await t.call('GET', `/v3/${t.pid}/datastore/versions`)).status).toBe(200);
    expect((await t.call('GET', '/__emulator/faults')).body.faults).toHaveLength(1);
    await t.call('DELETE', '/__emulator/faults');
    expect((await t.call('GET', `/v3/${t.pid}/datastores`)).status).toBe(200);
  });

  it('says when to come back with retryAfterSeconds (a gateway 429 with Retry-After)', async () => {
    await t.call('POST', '/__emulator/faults', {
      body: {
        route: 'listDatastores',
        status: 429,
        error_code: 'APIGW.0308',
        retryAfterSeconds: 2,
        count: 1,
      },
    });
    const limited = await t.call('GET', `/v3/${t.pid}/datastores`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body.error_code).toBe('APIGW.0308');
    expect((await t.call('GET', `/v3/${t.pid}/datastores`)).headers.get('retry-after')).toBeNull();
  });

  it('drops the connection for reset: true', async () => {
    await t.call('POST', '/__emulator/faults', { body: { route: 'listDatastores', reset: true, count: 1 } });
    await expect(t.call('GET', `/v3/${t.pid}/datastores`)).rejects.toThrow();
    expect((await t.call('GET', `/v3/${t.pid}/datastores`)).status).toBe(200);
  });

  it('delays a response by latencyMs', async () => {
    await t.call('POST', '/__emulator/faults', {
      body: { route: 'listDatastores', latencyMs: 150, count: 1 },
    });
    const started = Date.now();
    expect((await t.call('GET', `/v3/${t.pid}/datastores`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers 400 naming the id to a fault id that is not a valid percent-escape', async () => {
    const res = await t.call('DELETE', '/__emulator/faults/%zz');
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.200001');
    expect(res.body.error_msg).toMatch(/fault id/);
  });

  it('rejects a fault without an effect', async () => {
    const res = await t.call('POST', '/__emulator/faults', { body: { route: 'listInstances' } });
    expect(res.status).toBe(400);
  });
});

describe('admin API', () => {
  it('advances the clock', async () => {
    const before = t.emu.clock.now();
    const res = await t.call('POST', '/__emulator/clock/advance', { body: { ms: 60_000 } });
    expect(res.body.now).toBe(before + 60_000);
  });

  it('reports state counts and recent requests', async () => {
    const state = await t.call('GET', '/__emulator/state');
    expect(state.body).toHaveProperty('counts');
    expect((state.body.projects as unknown[]).length).toBe(2);
    const requests = await t.call('GET', '/__emulator/requests?limit=5');
    const last = (
      requests.body.requests as { method: string; path: string; status: number; time: string }[]
    ).at(-1)!;
    expect(last).toMatchObject({ method: 'GET' });
    expect(typeof last.status).toBe('number');
  });

  it('resets to a seed', async () => {
    const res = await t.call('POST', '/__emulator/reset', { body: { seed: 'demo' } });
    expect(res.status).toBe(200);
    const list = await t.call('GET', `/v3.1/${t.pid}/instances`);
    expect(list.body.total_count as number).toBeGreaterThanOrEqual(12);
  });

  it('is not served without --admin', async () => {
    const plain = await startTestEmulator({ admin: false });
    try {
      const res = await plain.call('GET', '/__emulator/state');
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
