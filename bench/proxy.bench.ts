/**
 * The console against its peers: the same list request (a page of 20 instances) direct, through a raw keep-alive
 * passthrough, http-proxy-middleware with defaults, a naive Express + fetch handler, and the console; at 32 and at 1
 * connection; with a zero-cost static upstream and with the emulator as the upstream.
 * Run: `npm run bench -- proxy` (from the repo root; builds first). Prints markdown for docs/performance.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sequentialLatency, throughput, type Latency, type Throughput } from './lib/load';
import { emulatorToken, freePort, requireBuild, signIn, startConsole, startEmulator, startServer, tempDir, type EmulatorState, type Proc } from './lib/stack';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LATENCY_COUNT = Number(process.env.BENCH_LATENCY_COUNT ?? 2000);
const LIST = 'instances?limit=20';

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

interface Row {
  upstream: string;
  name: string;
  c32: Throughput;
  c1: Throughput;
  latency: Latency;
}

const peers = (file: string) => path.join(import.meta.dirname, 'peers', file);

async function measure(upstreamName: string, targets: Target[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const t of targets) {
    // Warm-up: JIT, connection pools, the console's token and caches.
    await throughput(t.url, { connections: 32, seconds: 2, headers: t.headers });
    const c32 = await throughput(t.url, { connections: 32, seconds: SECONDS, headers: t.headers });
    const c1 = await throughput(t.url, { connections: 1, seconds: Math.max(3, SECONDS / 2), headers: t.headers });
    const latency = await sequentialLatency(t.url, { count: LATENCY_COUNT, headers: t.headers });
    process.stderr.write(`${upstreamName} ${t.name}: ${c32.rps.toFixed(0)} req/s at 32, ${c1.rps.toFixed(0)} at 1, p50 ${latency.p50.toFixed(2)} ms p99 ${latency.p99.toFixed(2)} ms (errors ${c32.errors + c1.errors}, non-2xx ${c32.non2xx + c1.non2xx})\n`);
    rows.push({ upstream: upstreamName, name: t.name, c32, c1, latency });
  }
  return rows;
}

async function contenders(dir: string, upstream: EmulatorState, token: string, directPath: string): Promise<{ procs: Proc[]; targets: Target[] }> {
  const procs: Proc[] = [];
  const targets: Target[] = [{ name: 'direct', url: `${upstream.endpoint}${directPath}`, headers: { 'x-auth-token': token } }];
  for (const [name, file] of [
    ['raw keep-alive passthrough', 'raw-passthrough.mjs'],
    ['http-proxy-middleware (defaults)', 'http-proxy-middleware.mjs'],
    ['naive Express + fetch (parse, re-serialise)', 'naive-express.mjs'],
  ] as const) {
    const port = await freePort();
    procs.push(await startServer(name, process.execPath, [peers(file), String(port), upstream.endpoint]));
    targets.push({ name, url: `http://127.0.0.1:${port}${directPath}`, headers: { 'x-auth-token': token } });
  }
  const console = await startConsole({ dir, upstream });
  procs.push(console);
  const cookie = await signIn(console.url);
  targets.push({ name: 'the console', url: `${console.url}/api/v1/projects/prod/${LIST}`, headers: { cookie } });
  return { procs, targets };
}

function table(rows: Row[]): string {
  const out = ['| upstream | contender | req/s at 32 conn. | × raw passthrough | p50 / p99 at 32 (ms) | req/s at 1 conn. | p50 / p99 at 1, sequential (ms) | added p50 / p99 vs direct (ms) | bytes/response | errors |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const upstream of [...new Set(rows.map((r) => r.upstream))]) {
    const group = rows.filter((r) => r.upstream === upstream);
    const raw = group.find((r) => r.name.startsWith('raw'));
    const direct = group.find((r) => r.name === 'direct');
    for (const r of group) {
      const ratio = raw ? (r.c32.rps / raw.c32.rps).toFixed(2) : '';
      const added = direct && r !== direct ? `${(r.latency.p50 - direct.latency.p50).toFixed(2)} / ${(r.latency.p99 - direct.latency.p99).toFixed(2)}` : '';
      out.push(
        `| ${upstream} | ${r.name} | ${r.c32.rps.toFixed(0)} | ${ratio} | ${r.c32.p50} / ${r.c32.p99} | ${r.c1.rps.toFixed(0)} | ${r.latency.p50.toFixed(2)} / ${r.latency.p99.toFixed(2)} | ${added} | ${r.c32.bytesPerResponse.toFixed(0)} | ${r.c32.errors + r.c1.errors + r.c32.non2xx + r.c1.non2xx} |`,
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
  const body = Buffer.from(await (await fetch(`${emu.state.endpoint}${directPath}`, { headers: { 'x-auth-token': token } })).arrayBuffer());
  const bodyFile = path.join(dir, 'list-body.json');
  fs.writeFileSync(bodyFile, body);
  try {
    // 1. Zero-cost upstream.
    const staticPort = await freePort();
    const staticUpstream = await startServer('static upstream', process.execPath, [peers('static-upstream.mjs'), String(staticPort), bodyFile]);
    const staticUrl = `http://127.0.0.1:${staticPort}`;
    const asStatic: EmulatorState = { ...emu.state, endpoint: staticUrl, iam: { ...emu.state.iam, endpoint: staticUrl } };
    const s = await contenders(dir, asStatic, 'static-upstream-token', directPath);
    rows.push(...(await measure('static (zero-cost)', s.targets)));
    for (const p of [...s.procs, staticUpstream]) await p.stop();
    // 2. The emulator.
    const e = await contenders(dir, emu.state, token, directPath);
    rows.push(...(await measure('emulator', e.targets)));
    for (const p of e.procs) await p.stop();
  } finally {
    await emu.proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [`Response body: ${body.length} bytes (${LIST}); ${SECONDS} s per run at 32 connections (autocannon), ${LATENCY_COUNT} sequential requests for the latency at 1 connection; node ${process.version}.`, '', table(rows)].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(await runProxyBench());
