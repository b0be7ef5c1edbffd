// Resource exhaustion: one session must not hold unbounded event streams, nor turn a burst of composite
// reads into a burst of upstream calls. Refusals are 429 with Retry-After and counted in /metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/http/clock';
import { startHarness, type ConsoleClient, type ConsoleHarness } from './console-harness';

let h: ConsoleHarness;
const clock = new ManualClock(Date.now());
beforeAll(async () => {
  h = await startHarness({
    clock,
    env: { EVENTS_MAX_STREAMS_PER_SESSION: '3', EVENTS_MAX_STREAMS: '5', COMPOSITE_READS_PER_MINUTE: '5' },
  });
});
afterAll(async () => {
  await h?.close();
});

const metrics = async () => (await fetch(`${h.url}/metrics`)).text();

interface OpenStream {
  status: number;
  headers: Headers;
  body: string;
  close(): void;
}

/** Opens the project's event stream; a refused one is read to its end. */
async function openStream(client: ConsoleClient): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await fetch(`${h.url}${h.p('/events')}`, {
    headers: { Cookie: client.cookie },
    signal: abort.signal,
  });
  const body = res.status === 200 ? '' : await res.text();
  return { status: res.status, headers: res.headers, body, close: () => abort.abort() };
}

async function openStreams(): Promise<number> {
  const m = /^bff_sse_clients (\d+)$/m.exec(await metrics());
  return Number(m?.[1] ?? -1);
}

describe('event streams', () => {
  it('are capped per session and per server, with Retry-After, and a closed stream frees its slot', async () => {
    const vera = await h.as('vera');
    const oscar = await h.as('oscar');
    const alice = await h.as('alice');
    const opened: OpenStream[] = [];
    for (let i = 0; i < 3; i++) opened.push(await openStream(vera));
    expect(opened.map((s) => s.status)).toEqual([200, 200, 200]);

    const fourth = await openStream(vera);
    expect(fourth.status).toBe(429);
    expect(JSON.parse(fourth.body)).toMatchObject({ error: { code: 'TOO_MANY_STREAMS' } });
    expect(JSON.parse(fourth.body).error.message).toMatch(/This session already has 3 open event streams/);
    expect(fourth.headers.get('retry-after')).toBe('10');

    // Other sessions have their own budget, up to the server's.
    opened.push(await openStream(oscar), await openStream(oscar));
    expect(opened.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const full = await openStream(alice);
    expect(full.status).toBe(429);
    expect(JSON.parse(full.body).error.message).toMatch(/console server already has 5 open event streams/);
    expect(full.headers.get('retry-after')).toBe('30');
    expect(await openStreams()).toBe(5);

    opened[0]?.close();
    for (let i = 0; i < 200 && (await openStreams()) !== 4; i++) await new Promise((r) => setTimeout(r, 10));
    const again = await openStream(vera);
    expect(again.status).toBe(200);
    opened.push(again);

    const text = await metrics();
    expect(text).toMatch(/bff_sse_refused_total\{scope="session"\} 1/);
    expect(text).toMatch(/bff_sse_refused_total\{scope="server"\} 1/);
    for (const s of opened) s.close();
  });
});

describe('composite reads', () => {
  it('are rate-limited per session across the dashboard and the tag route, without calling the upstream', async () => {
    const vera = await h.as('vera');
    const oscar = await h.as('oscar');
    await h.admin.clearRequests();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await vera.get(h.p('/dashboard'))).status);
    statuses.push((await vera.get(h.p('/tags/env/prod/instances'))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const upstreamCalls = (await h.admin.requests()).length;

    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => vera.get(h.p(i % 2 ? '/dashboard' : '/tags/env/prod/instances'))),
    );
    expect(new Set(burst.map((r) => r.status))).toEqual(new Set([429]));
    expect(burst[0]?.body.error?.code).toBe('RATE_LIMITED');
    expect(burst[0]?.headers.get('retry-after')).toBe('60');
    expect(burst[0]?.headers.get('ratelimit-policy')).toMatch(/^5;w=60/);
    // The refused reads cost the upstream nothing.
    expect((await h.admin.requests()).length).toBe(upstreamCalls);

    // Another session is not affected; the window passes and vera reads again.
    expect((await oscar.get(h.p('/dashboard'))).status).toBe(200);
    clock.advance(60_000);
    expect((await vera.get(h.p('/dashboard'))).status).toBe(200);

    const text = await metrics();
    expect(text).toMatch(/bff_rate_limited_total\{route="dashboard"\} 25/);
    expect(text).toMatch(/bff_rate_limited_total\{route="tag_instances"\} 25/);
  });
});
