// The soak: SESSIONS simulated console users for a bounded time against the compiled console (upstream mode, the
// compiled emulator behind it), each browsing, listening to the live stream and making changes through the console.
// Pass: no error of any kind, resident memory at the end within 10 % of what it was after the warm-up.
import { percentile, signIn, sleep, startConsole, startEmulator, metric, type ConsoleProc } from '../lib/stack';
import { openStream, type SseStream } from '../lib/sse';

export interface SoakOptions {
  durationMs: number;
  sessions: number;
  dir: string;
  log: (line: string) => void;
}

export interface SoakResult {
  durationMs: number;
  sessions: number;
  requests: number;
  reads: number;
  mutations: number;
  jobsFollowed: number;
  events: number;
  errors: string[];
  rssAfterWarmupMb: number;
  rssEndMb: number;
  rssPeakMb: number;
  rssGrowthPct: number;
  loopDelayP99Ms: { median: number; max: number };
  latencyMs: { p50: number; p99: number };
  passed: boolean;
}

const MB = 1024 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json', 'x-console-request': '1' };

interface Stats {
  requests: number;
  reads: number;
  mutations: number;
  jobsFollowed: number;
  events: number;
  errors: string[];
  latencies: number[];
}

function error(stats: Stats, what: string): void {
  if (stats.errors.length < 200) stats.errors.push(what);
  else stats.errors.length++;
}

async function call(c: ConsoleProc, cookie: string, stats: Stats, method: string, rel: string, body?: unknown): Promise<Record<string, unknown> | undefined> {
  const t0 = performance.now();
  stats.requests++;
  if (method === 'GET') stats.reads++;
  else stats.mutations++;
  try {
    const res = await fetch(`${c.url}/api/v1/projects/prod${rel}`, {
      method,
      headers: { cookie, ...(method === 'GET' ? {} : JSON_HEADERS) },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body ?? {}) }),
    });
    const text = await res.text();
    stats.latencies.push(performance.now() - t0);
    if (res.status >= 300) {
      error(stats, `${method} ${rel}: ${res.status} ${text.slice(0, 200)}`);
      return undefined;
    }
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch (e) {
    error(stats, `${method} ${rel}: ${(e as Error).message}`);
    return undefined;
  }
}

/** One simulated user: a live stream open all along; pages, details, the task list, the dashboard; renames and restarts of its own instance, each restart followed to its end on the stream. */
async function session(c: ConsoleProc, index: number, instance: { id: string; name: string }, deadline: number, stats: Stats, startAt: number): Promise<void> {
  await sleep(Math.max(0, startAt - Date.now()));
  const cookie = await signIn(c.url);
  const jobsDone = new Map<string, (status: string) => void>();
  let stream: SseStream | undefined;
  let stopping = false;
  const connect = () => {
    stream = openStream(`${c.url}/api/v1/projects/prod/events`, cookie);
    stream.onEvent((e) => {
      stats.events++;
      const status = String(e.data.status ?? '');
      if (e.event === 'job' && (status === 'Completed' || status === 'Failed')) jobsDone.get(String(e.data.id))?.(status);
    });
    void stream.ended.then((how) => {
      if (how === 'lost' && !stopping) {
        error(stats, `session ${index}: live stream lost`);
        connect();
      }
    });
  };
  connect();
  await stream?.opened.catch((e: Error) => error(stats, `session ${index}: ${e.message}`));
  let names = 0;
  const random = (n: number) => Math.floor(Math.random() * n);
  while (Date.now() < deadline) {
    const roll = Math.random();
    if (roll < 0.5) await call(c, cookie, stats, 'GET', `/instances?limit=20&offset=${random(10) * 20}`);
    else if (roll < 0.65) await call(c, cookie, stats, 'GET', `/instances?id=${instance.id}&limit=1`);
    else if (roll < 0.8) await call(c, cookie, stats, 'GET', '/tasks?limit=20');
    else if (roll < 0.85) await call(c, cookie, stats, 'GET', '/dashboard');
    else if (roll < 0.95) await call(c, cookie, stats, 'PUT', `/instances/${instance.id}/name`, { name: `soak-${index}-${names++ % 2 ? 'a' : 'b'}` });
    else {
      const started = await call(c, cookie, stats, 'POST', `/instances/${instance.id}/restart`);
      const jobId = started?.job_id;
      if (typeof jobId === 'string') {
        const status = await new Promise<string>((resolve) => {
          const timer = setTimeout(() => resolve('no end seen on the live stream in 90 s'), 90_000);
          jobsDone.set(jobId, (s) => {
            clearTimeout(timer);
            resolve(s);
          });
        });
        jobsDone.delete(jobId);
        if (status === 'Completed') stats.jobsFollowed++;
        else error(stats, `session ${index}: restart job ${jobId}: ${status}`);
      }
    }
    await sleep(500 + random(2000));
  }
  stopping = true;
  stream?.close();
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const emu = await startEmulator({ seed: `scale:${Math.max(o.sessions, 100)}`, speed: 60, dir: o.dir });
  const c = await startConsole({
    dir: o.dir,
    upstream: emu.state,
    // Every session polls its own dashboard now and then: a limit per session, not per machine.
    env: { EVENTS_POLL_MS: '1000', COMPOSITE_READS_PER_MINUTE: '60', LOG_LEVEL: 'info' },
  });
  const stats: Stats = { requests: 0, reads: 0, mutations: 0, jobsFollowed: 0, events: 0, errors: [], latencies: [] };
  const samples: { at: number; rss: number; lagP99: number }[] = [];
  try {
    const admin = await signIn(c.url);
    const list = (await (await fetch(`${c.url}/api/v1/projects/prod/instances?limit=${o.sessions}`, { headers: { cookie: admin } })).json()) as { instances: { id: string; name: string }[] };
    const start = Date.now();
    const deadline = start + o.durationMs;
    // Warm-up: the sessions arrive over the first 15 % of the run (at most 20 s); memory is measured from its end.
    const rampMs = Math.min(20_000, o.durationMs * 0.15);
    const warmupEnd = start + Math.max(rampMs + 5_000, o.durationMs * 0.25);
    const sampler = setInterval(() => {
      void Promise.all([metric(c.url, 'bff_process_resident_memory_bytes'), metric(c.url, 'bff_nodejs_eventloop_lag_p99_seconds')]).then(([rss, lag]) => samples.push({ at: Date.now(), rss, lagP99: lag * 1000 }));
    }, 5_000);
    const progress = setInterval(() => o.log(`soak: ${Math.round((Date.now() - start) / 1000)} s, ${stats.requests} requests, ${stats.events} events, ${stats.errors.length} errors, RSS ${((samples.at(-1)?.rss ?? 0) / MB).toFixed(0)} MB`), 30_000);
    await Promise.all(list.instances.slice(0, o.sessions).map((inst, i) => session(c, i, inst, deadline, stats, start + (rampMs * i) / o.sessions)));
    clearInterval(sampler);
    clearInterval(progress);
    const end = await metric(c.url, 'bff_process_resident_memory_bytes');
    const afterWarmup = samples.find((s) => s.at >= warmupEnd)?.rss ?? samples[0]?.rss ?? end;
    const lags = samples.filter((s) => s.at >= warmupEnd).map((s) => s.lagP99).sort((a, b) => a - b);
    const latencies = stats.latencies.sort((a, b) => a - b);
    const growth = ((end - afterWarmup) / afterWarmup) * 100;
    const errors = stats.errors.filter(Boolean);
    return {
      durationMs: o.durationMs,
      sessions: o.sessions,
      requests: stats.requests,
      reads: stats.reads,
      mutations: stats.mutations,
      jobsFollowed: stats.jobsFollowed,
      events: stats.events,
      errors: stats.errors.length > errors.length ? [...errors, `... ${stats.errors.length - errors.length} more`] : errors,
      rssAfterWarmupMb: afterWarmup / MB,
      rssEndMb: end / MB,
      rssPeakMb: Math.max(end, ...samples.map((s) => s.rss)) / MB,
      rssGrowthPct: growth,
      loopDelayP99Ms: { median: percentile(lags, 50), max: lags.at(-1) ?? Number.NaN },
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      passed: stats.errors.length === 0 && growth < 10,
    };
  } finally {
    await c.stop();
    await emu.proc.stop();
  }
}
