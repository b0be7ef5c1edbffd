/**
 * The console against its peers: the same list request (a page of 20 instances) direct, through a raw keep-alive
 * passthrough, http-proxy-middleware with defaults, a naive Express + fetch handler, the floor of any Express 5
 * application (no middleware, the body held in memory), and the console; at 32 and at 1 connection; with a zero-cost static upstream and with the emulator as the upstream.
 * Run: `npm run bench -- proxy` (from the repo root; builds first). Prints markdown for docs/performance.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sequentialLatency, throughput, type Latency, type Throughput } from './lib/load';
import {
  emulatorToken,
  freePort,
  requireBuild,
  signIn,
  startConsole,
  startEmulator,
  startServer,
  tempDir,
  type EmulatorState,
  type Proc,
} from './lib/stack';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LATENCY_COUNT = Number(process.env.BENCH_LATENCY_COUNT ?? 1000);
const LIST = 'instances?limit=20';

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** The process that serves it (none for direct) and the upstream's, for CPU per request. */
  pid?: number;
  upstreamPid: number;
}

/** CPU time (user + system) a process has used, in ms (/proc/PID/stat, clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Row {
  upstream: string;
  name: string;
  c32: Throughput;
  c1: Throughput;
  latency: Latency;
  /** At 32 connections: CPU ms per request in the serving process and in the upstream. */
  cpuPerRequest: number;
  upstreamCpuPerRequest: number;
}

const peers = (file: string) => path.join(import.meta.dirname, 'peers', file);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Rounds interleave the contenders (all of them once, then again ...) and each figure is the median of its rounds:
 * on a shared machine the load drifts, and a contender measured only at a bad moment would carry all of it.
 */
async function measure(upstreamName: string, targets: Target[]): Promise<Row[]> {
  // Warm-up: JIT, connection pools, the console's token and caches.
  for (const t of targets) await throughput(t.url, { connections: 32, seconds: 2, headers: t.headers });
  const c32: Throughput[][] = targets.map(() => []);
  const c1: Throughput[][] = targets.map(() => []);
  const lat: Latency[][] = targets.map(() => []);
  const cpu = targets.map(() => ({ own: 0, upstream: 0, requests: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      const own0 = cpuMs(t.pid);
      const up0 = cpuMs(t.upstreamPid);
      const r32 = await throughput(t.url, { connections: 32, seconds: SECONDS, headers: t.headers });
      const acc = cpu[i] as { own: number; upstream: number; requests: number };
      acc.own += cpuMs(t.pid) - own0;
      acc.upstream += cpuMs(t.upstreamPid) - up0;
      acc.requests += r32.rps * SECONDS;
      c32[i]?.push(r32);
      c1[i]?.push(
        await throughput(t.url, { connections: 1, seconds: Math.max(2, SECONDS / 2), headers: t.headers }),
      );
      lat[i]?.push(await sequentialLatency(t.url, { count: LATENCY_COUNT, headers: t.headers }));
    }
  }
  return targets.map((t, i) => {
    const pick = (xs: Throughput[]): Throughput => {
      const m = median(xs.map((x) => x.rps));
      return {
        ...(xs.find((x) => x.rps === m) as Throughput),
        errors: xs.reduce((s, x) => s + x.errors, 0),
        non2xx: xs.reduce((s, x) => s + x.non2xx, 0),
      };
    };
    const l = lat[i] as Latency[];
    const acc = cpu[i] as { own: number; upstream: number; requests: number };
    const row: Row = {
      upstream: upstreamName,
      name: t.name,
      c32: pick(c32[i] as Throughput[]),
      c1: pick(c1[i] as Throughput[]),
      latency: {
        p50: median(l.map((x) => x.p50)),
        p99: median(l.map((x) => x.p99)),
        mean: median(l.map((x) => x.mean)),
        count: l.reduce((s, x) => s + x.count, 0),
      },
      cpuPerRequest: acc.own / Math.max(1, acc.requests),
      upstreamCpuPerRequest: acc.upstream / Math.max(1, acc.requests),
    };
    process.stderr.write(
      `${upstreamName} ${t.name}: CPU ${(row.cpuPerRequest * 1000).toFixed(0)} µs/req (+ upstream ${(row.upstreamCpuPerRequest * 1000).toFixed(0)}), ${row.c32.rps.toFixed(0)} req/s at 32 (rounds ${(c32[i] as Throughput[]).map((x) => x.rps.toFixed(0)).join(', ')}), ${row.c1.rps.toFixed(0)} at 1, p50 ${row.latency.p50.toFixed(2)} ms p99 ${row.latency.p99.toFixed(2)} ms\n`,
    );
    return row;
  });
}

async function contenders(
  dir: string,
  upstream: EmulatorState,
  upstreamPid: number,
  token: string,
  directPath: string,
  before?: string,
): Promise<{ procs: Proc[]; targets: Target[] }> {
  const procs: Proc[] = [];
  const targets: Target[] = [
    {
      name: 'direct',
      url: `${upstream.endpoint}${directPath}`,
      headers: { 'x-auth-token': token },
      upstreamPid,
    },
  ];
  for (const [name, file] of [
    ['raw keep-alive passthrough', 'raw-passthrough.mjs'],
    ['http-proxy-middleware (defaults)', 'http-proxy-middleware.mjs'],
    ['naive Express + fetch (parse, re-serialise)', 'naive-express.mjs'],
    ['Express 5 floor (no middleware, body held in memory)', 'express-floor.mjs'],
  ] as const) {
    const port = await freePort();
    const proc = await startServer(name, process.execPath, [peers(file), String(port), upstream.endpoint]);
    procs.push(proc);
    targets.push({
      name,
      url: `http://127.0.0.1:${port}${directPath}`,
      headers: { 'x-auth-token': token },
      upstreamPid,
      ...(proc.child.pid ? { pid: proc.child.pid } : {}),
    });
  }
  const console = await startConsole({ dir, upstream });
  procs.push(console);
  const cookie = await signIn(console.url);
  targets.push({
    name: 'the console',
    url: `${console.url}/api/v1/projects/prod/${LIST}`,
    headers: { cookie },
    upstreamPid,
    ...(console.child.pid ? { pid: console.child.pid } : {}),
  });
  // BENCH_CONSOLE_BEFORE=path/to/main.js: an earlier build of the console, measured in the same run (before/after).
  if (before) {
    const old = await startConsole({ dir, upstream, main: before, name: 'console (before)' });
    procs.push(old);
    const oldCookie = await signIn(old.url);
    targets.push({
      name: 'the console, before the profile-guided changes',
      url: `${old.url}/api/v1/projects/prod/${LIST}`,
      headers: { cookie: oldCookie },
      upstreamPid,
      ...(old.child.pid ? { pid: old.child.pid } : {}),
    });
  }
  return { procs, targets };
}

function table(rows: Row[]): string {
  const out = [
    '| upstream | contender | req/s at 32 conn. | × raw passthrough | CPU per request: contender + upstream (µs) | × raw passthrough (CPU) | p50 / p99 at 32 (ms) | req/s at 1 conn. | p50 / p99 at 1, sequential (ms) | added p50 / p99 vs direct (ms) | bytes/response | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const upstream of [...new Set(rows.map((r) => r.upstream))]) {
    const group = rows.filter((r) => r.upstream === upstream);
    const raw = group.find((r) => r.name.startsWith('raw'));
    const direct = group.find((r) => r.name === 'direct');
    for (const r of group) {
      const ratio = raw ? (r.c32.rps / raw.c32.rps).toFixed(2) : '';
      const total = (x: Row) => x.cpuPerRequest + x.upstreamCpuPerRequest;
      // Requests a second the same CPU would serve, against the raw passthrough's: the load-independent ratio.
      const cpuRatio = raw && total(r) > 0 ? (total(raw) / total(r)).toFixed(2) : '';
      const cpuCell = `${(r.cpuPerRequest * 1000).toFixed(0)} + ${(r.upstreamCpuPerRequest * 1000).toFixed(0)}`;
      const added =
        direct && r !== direct
          ? `${(r.latency.p50 - direct.latency.p50).toFixed(2)} / ${(r.latency.p99 - direct.latency.p99).toFixed(2)}`
          : '';
      out.push(
        `| ${upstream} | ${r.name} | ${r.c32.rps.toFixed(0)} | ${ratio} | ${cpuCell} | ${cpuRatio} | ${r.c32.p50} / ${r.c32.p99} | ${r.c1.rps.toFixed(0)} | ${r.latency.p50.toFixed(2)} / ${r.latency.p99.toFixed(2)} | ${added} | ${r.c32.bytesPerResponse.toFixed(0)} | ${r.c32.errors + r.c1.errors + r.c32.non2xx + r.c1.non2xx} |`,
      );
    }
  }
  return out.join('\n');
}

export async function runProxyBench(): Promise<string> {
  requireBuild();
  const dir = tempDir('gaussdb-bench-proxy-');
  const rows: Row[] = [];
  // The emulator: 100 instances, a page of 20 (the body the static upstream answers with, too).
  const emu = await startEmulator({ seed: 'scale:100', dir });
  const token = await emulatorToken(emu.state);
  const directPath = `/v3.1/${emu.state.projectId}/${LIST}`;
  const body = Buffer.from(
    await (
      await fetch(`${emu.state.endpoint}${directPath}`, { headers: { 'x-auth-token': token } })
    ).arrayBuffer(),
  );
  const bodyFile = path.join(dir, 'list-body.json');
  fs.writeFileSync(bodyFile, body);
  try {
    // 1. Zero-cost upstream.
    const staticPort = await freePort();
    const staticUpstream = await startServer('static upstream', process.execPath, [
      peers('static-upstream.mjs'),
      String(staticPort),
      bodyFile,
    ]);
    const staticUrl = `http://127.0.0.1:${staticPort}`;
    const asStatic: EmulatorState = {
      ...emu.state,
      endpoint: staticUrl,
      iam: { ...emu.state.iam, endpoint: staticUrl },
    };
    // The before/after comparison (BENCH_CONSOLE_BEFORE) is made against the zero-cost upstream only.
    const s = await contenders(
      dir,
      asStatic,
      staticUpstream.child.pid as number,
      'static-upstream-token',
      directPath,
      process.env.BENCH_CONSOLE_BEFORE,
    );
    rows.push(...(await measure('static (zero-cost)', s.targets)));
    for (const p of [...s.procs, staticUpstream]) await p.stop();
    // 2. The emulator.
    const e = await contenders(dir, emu.state, emu.proc.child.pid as number, token, directPath);
    rows.push(...(await measure('emulator', e.targets)));
    for (const p of e.procs) await p.stop();
  } finally {
    await emu.proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    `Response body: ${body.length} bytes (${LIST}). Each figure: the median of ${ROUNDS} interleaved rounds; a round is ${SECONDS} s at 32 connections and ${Math.max(2, SECONDS / 2)} s at 1 (autocannon), then ${LATENCY_COUNT} sequential requests on one kept-alive connection for the latency; node ${process.version}.`,
    '',
    table(rows),
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(await runProxyBench());
