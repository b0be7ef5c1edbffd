/**
 * The live stream: (1) upstream requests per minute with 1 and with 100 listeners (target ratio ≤ 1.1: listeners cost
 * the upstream nothing); (2) a job's status change in the emulator → its appearance at 100 listening clients and in a
 * listening browser (the wall screen in Chromium): a new job started through the console, and a job's end, which only
 * the watcher's polling can see (target ≤ 2 s). Console defaults (EVENTS_POLL_MS 2000). Run: `npm run bench -- live`.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { openStream, type SseStream } from './lib/sse';
import { percentile, requireBuild, signIn, sleep, startConsole, startEmulator, tempDir } from './lib/stack';

const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 60_000);
const TRIALS = Number(process.env.BENCH_TRIALS ?? 5);
const LISTENERS = 100;

export async function runLive(): Promise<string> {
  requireBuild();
  const dir = tempDir('gaussdb-bench-live-');
  // 50 idle instances: every restart below is accepted, and nothing else moves while the listeners are counted.
  const emu = await startEmulator({ seed: 'scale:50', dir });
  const admin = (method: string, rel: string, body?: unknown) =>
    fetch(`${emu.state.endpoint}/__emulator${rel}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const c = await startConsole({ dir, upstream: emu.state, env: { LOG_LEVEL: 'warn' } });
  const streams: SseStream[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--headless'],
  });
  try {
    // 25 sessions with 4 streams each (a session may hold 8), signed in one after another.
    const cookies: string[] = [];
    for (let i = 0; i < 25; i++) cookies.push(await signIn(c.url));
    const listen = () => {
      const s = openStream(
        `${c.url}/api/v1/projects/prod/events`,
        cookies[streams.length % cookies.length] as string,
      );
      streams.push(s);
      return s;
    };
    const perMinute = async (): Promise<number> => {
      await sleep(5_000);
      await admin('DELETE', '/requests');
      await sleep(WINDOW_MS);
      const { requests } = (await admin('GET', '/requests?limit=500')) as { requests: unknown[] };
      return (requests.length * 60_000) / WINDOW_MS;
    };
    // (1) Upstream requests per minute: 1 listener, then 100.
    await listen().opened;
    const one = await perMinute();
    await Promise.all(Array.from({ length: LISTENERS - 1 }, () => listen().opened));
    const hundred = await perMinute();

    // (2) A browser on the wall screen besides the 100 clients.
    const context = await browser.newContext();
    const [name, value] = (cookies[0] as string).split('=') as [string, string];
    await context.addCookies([{ name, value, url: c.url }]);
    const page = await context.newPage();
    await page.goto(`${c.url}/wall/prod`);
    await page.getByText(/Running jobs \(\d+\)/).waitFor();
    const operator = cookies[1] as string;
    const list = (await (
      await fetch(`${c.url}/api/v1/projects/prod/instances?limit=100`, { headers: { cookie: operator } })
    ).json()) as { instances: { id: string; name: string; status: string }[] };
    const targets = list.instances.filter((i) => i.status === 'ACTIVE');
    const seen = new Map<string, number[]>();
    for (const s of streams) {
      s.onEvent((e) => {
        if (e.event !== 'job') return;
        const key = `${String(e.data.id)}:${e.data.status === 'Running' ? 'Running' : 'ended'}`;
        seen.set(key, [...(seen.get(key) ?? []), e.at]);
      });
    }
    /** When the wall shows (or stops showing) a running job on `instanceName`: the page's own clock. */
    const wallShows = (instanceName: string, shown: boolean) =>
      page
        .waitForFunction(
          ({ n, shown }) => {
            const section = [...document.querySelectorAll('section')].find((s) =>
              /Running jobs/.test(s.textContent ?? ''),
            );
            const has = [...(section?.querySelectorAll('li') ?? [])].some((li) =>
              (li.textContent ?? '').includes(n),
            );
            return has === shown ? Date.now() : false;
          },
          { n: instanceName, shown },
          { polling: 'raf', timeout: 30_000 },
        )
        .then((h) => h.jsonValue() as Promise<number>);
    const started: number[] = [];
    const ended: number[] = [];
    const browserStarted: number[] = [];
    const browserEnded: number[] = [];
    for (let t = 0; t < TRIALS; t++) {
      const inst = targets[t % targets.length] as { id: string; name: string };
      const browserSeesStart = wallShows(inst.name, true);
      // Settled either way here: if the restart below is refused, the browser is closed under it.
      browserSeesStart.catch(() => undefined);
      const t0 = Date.now();
      const res = await fetch(`${c.url}/api/v1/projects/prod/instances/${inst.id}/restart`, {
        method: 'POST',
        headers: { cookie: operator, 'content-type': 'application/json', 'x-console-request': '1' },
        body: '{}',
      });
      const body = (await res.json()) as { job_id?: string };
      const jobId = body.job_id;
      if (!jobId) throw new Error(`restart refused: ${res.status} ${JSON.stringify(body)}`);
      browserStarted.push((await browserSeesStart) - t0);
      while ((seen.get(`${jobId}:Running`)?.length ?? 0) < LISTENERS) await sleep(20);
      started.push(...(seen.get(`${jobId}:Running`) ?? []).map((at) => at - t0));
      // The job's end: nothing tells the console but its own polling. Wait a random part of a poll interval first.
      await sleep(500 + Math.random() * 2_000);
      const browserSeesEnd = wallShows(inst.name, false);
      browserSeesEnd.catch(() => undefined);
      const t1 = Date.now();
      await admin('POST', '/clock/advance', { ms: 5 * 60_000 });
      browserEnded.push((await browserSeesEnd) - t1);
      while ((seen.get(`${jobId}:ended`)?.length ?? 0) < LISTENERS) await sleep(20);
      ended.push(...(seen.get(`${jobId}:ended`) ?? []).map((at) => at - t1));
      await sleep(1_000);
    }
    const stat = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `${percentile(s, 50).toFixed(0)} / ${percentile(s, 99).toFixed(0)} / ${(s.at(-1) ?? Number.NaN).toFixed(0)} ms`;
    };
    return [
      '| figure | value | target |',
      '|---|---|---|',
      `| upstream requests per minute, 1 listener | ${one.toFixed(0)} | |`,
      `| upstream requests per minute, ${LISTENERS} listeners | ${hundred.toFixed(0)} | |`,
      `| ratio ${LISTENERS} : 1 | ${(hundred / one).toFixed(2)} | ≤ 1.1 |`,
      `| new job (restart through the console) → ${LISTENERS} clients, p50 / p99 / max | ${stat(started)} | ≤ 2 s |`,
      `| new job → the wall screen in Chromium, p50 / max | ${stat(browserStarted).replace(/ \/ [^/]+ \/ /, ' / ')} | ≤ 2 s |`,
      `| job's end (seen only by polling) → ${LISTENERS} clients, p50 / p99 / max | ${stat(ended)} | ≤ 2 s |`,
      `| job's end → the wall screen in Chromium, p50 / max | ${stat(browserEnded).replace(/ \/ [^/]+ \/ /, ' / ')} | ≤ 2 s |`,
      '',
      `${TRIALS} jobs; upstream requests counted by the emulator over ${WINDOW_MS / 1000} s windows; times from the moment the change exists upstream (the restart call sent; the clock moved past the job's end).`,
    ].join('\n');
  } finally {
    for (const s of streams) s.close();
    await browser.close();
    await c.stop();
    await emu.proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) console.log(await runLive());
