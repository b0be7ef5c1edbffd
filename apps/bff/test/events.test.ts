// The live event stream (GET /api/v1/projects/:project/events) against the real emulator: a restart's
// progress and completion reach every listener from ONE upstream poller; Last-Event-ID resumes; heartbeats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHub } from '../src/events/event-hub';
import { eventRoutes } from '../src/events/event-routes';
import { createLogger } from '../src/http/logger';
import { startBff } from '../src/server';
import { Upstream } from '../src/upstream/upstream';
import { LogCapture, MUTATION, tempDir } from './helpers';
import { startHarness, type ConsoleClient, type ConsoleHarness } from './console-harness';

const POLL_MS = 100;

interface SseEvent {
  id?: number;
  event: string;
  data: Record<string, unknown>;
}

interface SseStream {
  status: number;
  events: SseEvent[];
  comments: string[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (e: SseEvent) => boolean, what: string): Promise<SseEvent>;
  waitForComment(match: (c: string) => boolean): Promise<string>;
  close(): void;
}

/** Opens the stream as a signed-in user and parses it as it arrives (what EventSource does in a browser). */
async function openStream(
  baseUrl: string,
  path: string,
  cookie: string,
  lastEventId?: number,
): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}${path}`, {
    headers: {
      Cookie: cookie,
      Accept: 'text/event-stream',
      ...(lastEventId === undefined ? {} : { 'Last-Event-ID': String(lastEventId) }),
    },
    signal: abort.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  if (res.body && res.status === 200) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const fields: Record<string, string> = {};
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line.slice(1).trim());
              else if (line.includes(':'))
                fields[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1).trim();
            }
            if (fields.data !== undefined) {
              events.push({
                ...(fields.id ? { id: Number(fields.id) } : {}),
                event: fields.event ?? 'message',
                data: JSON.parse(fields.data) as Record<string, unknown>,
              });
            }
            notify();
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  const until = <T>(find: () => T | undefined, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (hit !== undefined) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      // A safety net only: every wait ends as soon as the event arrives.
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `no ${what} in ${JSON.stringify(events.map((e) => [e.id, e.event, e.data.id, e.data.status, e.data.progress]))}`,
          ),
        );
      }, 10_000);
      waiters.add(check);
      check();
    });
  return {
    status: res.status,
    events,
    comments,
    waitFor: (match, what) => until(() => events.find(match), what),
    waitForComment: (match) => until(() => comments.find(match), 'comment'),
    close: () => abort.abort(),
  };
}

let h: ConsoleHarness;
let operator: ConsoleClient;
beforeAll(async () => {
  h = await startHarness({ eventIntervalMs: POLL_MS });
  operator = await h.as('oscar');
});
afterAll(async () => {
  await h?.close();
});

const isJob =
  (jobId: string, extra: (d: Record<string, unknown>) => boolean = () => true) =>
  (e: SseEvent) =>
    e.event === 'job' && e.data.id === jobId && extra(e.data);

describe('project event stream', () => {
  it('sends one restart’s progress and completion to two listeners from a single upstream poller, and resumes from Last-Event-ID', async () => {
    const wall = await openStream(h.url, h.p('/events'), (await h.as('vera')).cookie);
    const desk = await openStream(h.url, h.p('/events'), (await h.as('alice')).cookie);
    expect([wall.status, desk.status]).toEqual([200, 200]);
    await wall.waitFor((e) => e.event === 'snapshot', 'snapshot');
    await desk.waitFor((e) => e.event === 'snapshot', 'snapshot');

    const target = h.ids.instances['staging-app'] as string;
    const started = await operator.call('POST', h.p(`/instances/${target}/restart`), {});
    expect(started.status).toBe(202);
    const jobId = started.body.job_id as string;
    for (const s of [wall, desk])
      await s.waitFor(
        isJob(jobId, (d) => d.status === 'Running'),
        'running event',
      );

    // While both listen, the emulator sees one poll per interval, not one per listener.
    await h.admin.clearRequests();
    let polls: { time: string; operation?: string }[] = [];
    for (let i = 0; i < 400 && polls.length < 6; i++) {
      polls = (await h.admin.requests()).filter((r) => r.operation === 'listTasks');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS / 4));
    }
    const times = polls.map((p) => Date.parse(p.time));
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(Math.min(...gaps), `gaps ${gaps.join(',')}`).toBeGreaterThanOrEqual(POLL_MS / 2);

    // The desk drops out; the restart moves on and ends while it is away.
    const seen = desk.events.filter((e) => e.id !== undefined);
    const lastSeen = (seen.at(-1) as SseEvent).id as number;
    desk.close();
    await h.admin.advance(90_000);
    const half = await wall.waitFor(
      isJob(jobId, (d) => typeof d.progress === 'number' && d.progress > 0 && d.progress < 100),
      'progress event',
    );
    expect(half.data.status).toBe('Running');
    await h.admin.advance(120_000);
    const done = await wall.waitFor(
      isJob(jobId, (d) => d.status === 'Completed'),
      'completion event',
    );
    expect(done.data.progress).toBe(100);
    const back = await wall.waitFor((e) => e.event === 'instance' && e.data.id === target, 'instance event');
    expect(back.data).toMatchObject({ id: target, name: 'staging-app', status: 'ACTIVE' });

    // Back with Last-Event-ID: what it missed is replayed in order, no snapshot.
    const resumed = await openStream(h.url, h.p('/events'), (await h.as('alice')).cookie, lastSeen);
    await resumed.waitFor((e) => e.id === back.id, 'replayed instance event');
    const expected = wall.events.filter(
      (e) => e.id !== undefined && e.id > lastSeen && e.id <= (back.id as number),
    );
    expect(resumed.events.filter((e) => e.id !== undefined && e.id <= (back.id as number))).toEqual(expected);
    expect(resumed.events.some((e) => e.event === 'snapshot')).toBe(false);
    expect(expected.map((e) => e.id)).toEqual([...expected.keys()].map((i) => lastSeen + 1 + i));
    resumed.close();
    wall.close();
  });

  it('starts over from a snapshot for an id it never issued', async () => {
    const alice = await h.as('alice');
    const stream = await openStream(h.url, h.p('/events'), alice.cookie, 1_000_000);
    const snapshot = await stream.waitFor((e) => e.event === 'snapshot', 'snapshot');
    expect(Array.isArray(snapshot.data.jobs)).toBe(true);
    stream.close();
  });

  it('refuses tenant users, strangers and unknown projects', async () => {
    const tina = await h.as('tina');
    expect((await tina.get(h.p('/events'))).status).toBe(403);
    expect((await fetch(`${h.url}${h.p('/events')}`)).status).toBe(401);
    const alice = await h.as('alice');
    const unknown = await alice.get('/api/v1/projects/nowhere/events');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('PROJECT_NOT_FOUND');
  });

  it('sends heartbeat comment lines on an idle stream', async () => {
    // The routes mounted on a BFF of their own with a short heartbeat, against the same emulator.
    const logger = createLogger('info', new LogCapture());
    const settings = {
      endpoint: h.config.gaussdbEndpoint as string,
      auth: h.config.upstreamAuth as NonNullable<typeof h.config.upstreamAuth>,
      projects: h.config.projects,
    };
    const upstream = new Upstream(settings);
    const hub = new EventHub(upstream, logger, 60_000);
    const bff = await startBff({
      config: { ...h.config, dataDir: tempDir() },
      logger,
      extendApi: (api, ctx) => api.use(eventRoutes(ctx, upstream, hub, { heartbeatMs: 40 })),
    });
    try {
      const login = await fetch(`${bff.url}/api/v1/session`, {
        method: 'POST',
        headers: MUTATION,
        body: JSON.stringify({ username: 'vera', password: 'vera-password-12' }),
      });
      const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
      const stream = await openStream(bff.url, h.p('/events'), cookie);
      const first = await stream.waitForComment((c) => c.startsWith('heartbeat'));
      expect(Number.isNaN(Date.parse(first.replace('heartbeat', '').trim()))).toBe(false);
      await stream.waitFor((e) => e.event === 'snapshot', 'snapshot');
      stream.close();
    } finally {
      hub.close();
      await bff.close();
    }
  });
});
