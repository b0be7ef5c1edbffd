// The fault run: a scripted DBA session (the reads a page makes, in parallel, with the SPA's own retry rule, and
// changes: renames and restarts) through the compiled console while the emulator fails 20 % of upstream requests
// (500/503, timeouts, dropped connections, 429 with Retry-After). A counting proxy between the console and the
// emulator sees every request the console sends upstream, with the console's request id.
// Pass: ≥ 99.9 % of reads succeed; no change reaches the upstream twice; every failure the user sees names its code
// (the upstream's own code when the upstream answered one, OUTCOME_UNKNOWN when a change's answer was lost).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signIn, sleep, startConsole, startEmulator, type EmulatorState } from '../lib/stack';

export interface FaultOptions {
  /** Stop after this many reads (and the changes made on the way), or at the deadline. */
  reads: number;
  maxMs: number;
  dir: string;
  log: (line: string) => void;
}

export interface FaultResult {
  reads: number;
  readsSucceeded: number;
  readSuccessPct: number;
  readRetriesBySpa: number;
  mutations: number;
  mutationsSucceeded: number;
  mutationsSentTwice: string[];
  failuresByCode: Record<string, number>;
  failuresWithoutTheirCode: string[];
  upstreamRequests: number;
  upstreamFaults: number;
  passed: boolean;
}

interface UpstreamAttempt {
  method: string;
  path: string;
  /** The upstream's status; 0 while unanswered or when it dropped the connection; -1 when the console gave up first. */
  status: number;
  errorCode?: string;
}

/** Pipes the console's upstream traffic to the emulator, noting each request by the console's X-Request-Id. */
async function countingProxy(target: string): Promise<{
  url: string;
  attempts: Map<string, UpstreamAttempt[]>;
  total: () => number;
  close: () => Promise<void>;
}> {
  const attempts = new Map<string, UpstreamAttempt[]>();
  let total = 0;
  const to = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    total++;
    const id = String(req.headers['x-request-id'] ?? '');
    const attempt: UpstreamAttempt = {
      method: req.method ?? '',
      path: (req.url ?? '').split('?')[0] as string,
      status: 0,
    };
    if (id) attempts.set(id, [...(attempts.get(id) ?? []), attempt]);
    // The console stopped waiting (its timeout) before the upstream answered: whatever comes later, it never saw it.
    res.on('close', () => {
      if (!res.writableEnded) attempt.status = -1;
    });
    const out = http.request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers, agent },
      (up) => {
        if (attempt.status === -1) {
          up.resume();
          return;
        }
        attempt.status = up.statusCode ?? 0;
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          if (attempt.status >= 400 && !res.destroyed) {
            try {
              attempt.errorCode = (JSON.parse(body.toString('utf8')) as { error_code?: string }).error_code;
            } catch {
              // not JSON
            }
          }
          res.writeHead(attempt.status, up.headers);
          res.end(body);
        });
        up.on('error', () => res.destroy());
      },
    );
    // The emulator dropped the connection: drop the console's too, as a real network would.
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    attempts,
    total: () => total,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

/**
 * Four kinds of fault drawn independently for each upstream request: 1 − 0.92 × 0.945 × 0.945 × 0.97 ≈ 20 % fail.
 */
const FAULTS = [
  { status: 503, error_code: 'DBS.200005', error_msg: 'Injected: service unavailable.', probability: 0.08 },
  { reset: true, probability: 0.055 },
  // Longer than the console's UPSTREAM_TIMEOUT_MS below: the attempt times out.
  { latencyMs: 3_000, probability: 0.055 },
  {
    status: 429,
    error_code: 'APIGW.0308',
    error_msg: 'Injected: the request throttling threshold has been reached.',
    retryAfterSeconds: 1,
    probability: 0.03,
  },
];
export const FAULT_RATE = 1 - FAULTS.reduce((p, f) => p * (1 - f.probability), 1);
/** Short (the default is 30 s) so that a timed-out attempt costs seconds, long enough for a loaded machine. */
const UPSTREAM_TIMEOUT_MS = 2_000;
/** Page views in flight at once: a DBA's tabs and the SPA's parallel queries. */
const PARALLEL_PAGES = 16;

export async function runFaults(o: FaultOptions): Promise<FaultResult> {
  const emu = await startEmulator({ seed: 'scale:60', speed: 60, dir: o.dir });
  const proxy = await countingProxy(emu.state.endpoint);
  const upstream: EmulatorState = {
    ...emu.state,
    endpoint: proxy.url,
    iam: { ...emu.state.iam, endpoint: proxy.url },
  };
  const c = await startConsole({
    dir: o.dir,
    upstream,
    env: {
      UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
      LOG_LEVEL: 'warn',
      COMPOSITE_READS_PER_MINUTE: '600',
    },
  });
  const admin = async (method: string, rel: string, body?: unknown) =>
    fetch(`${emu.state.endpoint}/__emulator${rel}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const r: FaultResult = {
    reads: 0,
    readsSucceeded: 0,
    readSuccessPct: 0,
    readRetriesBySpa: 0,
    mutations: 0,
    mutationsSucceeded: 0,
    mutationsSentTwice: [],
    failuresByCode: {},
    failuresWithoutTheirCode: [],
    upstreamRequests: 0,
    upstreamFaults: 0,
    passed: false,
  };
  try {
    const cookie = await signIn(c.url);
    const list = (await (
      await fetch(`${c.url}/api/v1/projects/prod/instances?limit=60`, { headers: { cookie } })
    ).json()) as { instances: { id: string }[] };
    const instances = list.instances.map((i) => i.id);
    for (const f of FAULTS) await admin('POST', '/faults', f);

    const failure = (status: number, body: string, requestId: string, mutation: boolean) => {
      let code = '';
      try {
        code = String((JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '');
      } catch {
        // no JSON body: no code
      }
      const key = `${mutation ? 'change' : 'read'} ${code || '(none)'}`;
      r.failuresByCode[key] = (r.failuresByCode[key] ?? 0) + 1;
      const seen = proxy.attempts.get(requestId) ?? [];
      const last = seen.filter((a) => a.method !== 'GET' || !mutation).at(-1);
      // What the user must see: the upstream's own code when its answer reached the console, else "outcome unknown"
      // for a change that was sent (it may have been applied), else (a read) a code of the console's own.
      const answered = last !== undefined && last.status > 0;
      const expected = answered ? last.errorCode : mutation && last ? 'OUTCOME_UNKNOWN' : undefined;
      if (!code || (expected && code !== expected))
        r.failuresWithoutTheirCode.push(
          `${status} ${code || '(no code)'} for ${requestId}; upstream said ${JSON.stringify(seen)}`,
        );
    };

    /** A read as the SPA makes it: a 5xx or a network error is tried twice more (TanStack Query, shared/lib/query-client.ts). */
    const read = async (rel: string) => {
      r.reads++;
      for (let attempt = 0; attempt < 3; attempt++) {
        if (attempt > 0) {
          r.readRetriesBySpa++;
          await sleep(1000 * 2 ** (attempt - 1));
        }
        try {
          const res = await fetch(`${c.url}/api/v1/projects/prod${rel}`, { headers: { cookie } });
          const body = await res.text();
          if (res.status < 300) {
            r.readsSucceeded++;
            return;
          }
          if (res.status < 500 || attempt === 2)
            return failure(res.status, body, res.headers.get('x-request-id') ?? '', false);
        } catch (e) {
          if (attempt === 2) return failure(0, String(e), '', false);
        }
      }
    };
    const mutate = async (method: string, rel: string, body: unknown) => {
      r.mutations++;
      const res = await fetch(`${c.url}/api/v1/projects/prod${rel}`, {
        method,
        headers: { cookie, 'content-type': 'application/json', 'x-console-request': '1' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      const requestId = res.headers.get('x-request-id') ?? '';
      const sent = (proxy.attempts.get(requestId) ?? []).filter((a) => a.method === method);
      if (sent.length > 1)
        r.mutationsSentTwice.push(
          `${method} ${rel} (${requestId}) reached the upstream ${sent.length} times`,
        );
      if (res.status < 300) r.mutationsSucceeded++;
      else failure(res.status, text, requestId, true);
    };

    const start = Date.now();
    let step = 0;
    let lastLog = start;
    /** One page view: the reads a page fires together; every fourth page also makes a change. */
    const page = async (n: number) => {
      const inst = instances[n % instances.length] as string;
      await Promise.all([
        read(`/instances?limit=20&offset=${(n % 3) * 20}`),
        read(`/instances?id=${inst}&limit=1`),
        read('/tasks?limit=20'),
        read('/flavors'),
        read(`/instances/${inst}/configurations`),
      ]);
      if (n % 4 === 0) {
        if (n % 8 === 0) await mutate('PUT', `/instances/${inst}/name`, { name: `dba-${n}` });
        else await mutate('POST', `/instances/${instances[(n * 7) % instances.length]}/restart`, {});
      }
    };
    await Promise.all(
      Array.from({ length: PARALLEL_PAGES }, async () => {
        while (r.reads < o.reads && Date.now() - start < o.maxMs) {
          await page(step++);
          if (Date.now() - lastLog > 15_000) {
            lastLog = Date.now();
            o.log(
              `faults: ${r.reads} reads (${r.reads - r.readsSucceeded} failed), ${r.mutations} changes, ${proxy.total()} upstream requests`,
            );
          }
        }
      }),
    );
    await admin('DELETE', '/faults');
    r.readSuccessPct = (100 * r.readsSucceeded) / Math.max(1, r.reads);
    r.upstreamRequests = proxy.total();
    // Dropped (0), given up on by the console (-1: the injected delays), or answered with an injected code.
    r.upstreamFaults = [...proxy.attempts.values()]
      .flat()
      .filter((a) => a.status <= 0 || a.errorCode === 'DBS.200005' || a.errorCode === 'APIGW.0308').length;
    r.passed =
      r.readSuccessPct >= 99.9 &&
      r.mutationsSentTwice.length === 0 &&
      r.failuresWithoutTheirCode.length === 0 &&
      r.mutations > 0;
    return r;
  } finally {
    await c.stop();
    await proxy.close();
    await emu.proc.stop();
  }
}
