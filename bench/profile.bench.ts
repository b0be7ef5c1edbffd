/**
 * Where the console spends its CPU under load: the compiled console (`node --cpu-prof`) in front of the zero-cost
 * upstream, 32 connections on the list request for BENCH_SECONDS, then the profile's top functions by self time,
 * grouped by package (or by source file for our own code).
 * Run: `npm run bench -- profile`. The raw profile stays in bench/results/ for Chrome DevTools.
 */
import fs from 'node:fs';
import path from 'node:path';
import { throughput } from './lib/load';
import {
  freePort,
  requireBuild,
  ROOT,
  signIn,
  startConsole,
  startEmulator,
  startServer,
  tempDir,
  type EmulatorState,
} from './lib/stack';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `express`, `pino`, `node:internal/...`, or `apps/bff/src/...` for our own code. */
function ownerOf(url: string): string {
  if (!url) return '(native / V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] as string);
  }
  if (url.startsWith('node:'))
    return url
      .replace(/^node:internal\//, 'node:')
      .split('/')
      .slice(0, 2)
      .join('/');
  return path.relative(ROOT, url.replace(/^file:\/\//, ''));
}

export function summarise(profile: CpuProfile, top = 25): string {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...byNode.values()].reduce((s, x) => s + x, 0);
  const fn = new Map<string, number>();
  const owner = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = byNode.get(n.id) ?? 0;
    if (!t) continue;
    const o = ownerOf(n.callFrame.url);
    const key = `${n.callFrame.functionName || '(anonymous)'} — ${o}`;
    fn.set(key, (fn.get(key) ?? 0) + t);
    owner.set(o, (owner.get(o) ?? 0) + t);
  }
  const pct = (t: number) => `${((100 * t) / total).toFixed(1)} %`;
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `| ${k} | ${pct(t)} |`);
  return [
    '| by package or file | self time |',
    '|---|---|',
    ...rows(owner),
    '',
    '| function | self time |',
    '|---|---|',
    ...rows(fn),
  ].join('\n');
}

export async function runProfile(): Promise<string> {
  requireBuild();
  const dir = tempDir('gaussdb-bench-profile-');
  const profDir = path.join(dir, 'prof');
  const emu = await startEmulator({ seed: 'scale:100', dir });
  try {
    const { emulatorToken } = await import('./lib/stack');
    const token = await emulatorToken(emu.state);
    const body = Buffer.from(
      await (
        await fetch(`${emu.state.endpoint}/v3.1/${emu.state.projectId}/instances?limit=20`, {
          headers: { 'x-auth-token': token },
        })
      ).arrayBuffer(),
    );
    fs.writeFileSync(path.join(dir, 'body.json'), body);
    const port = await freePort();
    const upstream = await startServer('static upstream', process.execPath, [
      path.join(import.meta.dirname, 'peers/static-upstream.mjs'),
      String(port),
      path.join(dir, 'body.json'),
    ]);
    const url = `http://127.0.0.1:${port}`;
    const state: EmulatorState = { ...emu.state, endpoint: url, iam: { ...emu.state.iam, endpoint: url } };
    const console = await startConsole({
      dir,
      upstream: state,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
    });
    const cookie = await signIn(console.url);
    const target = `${console.url}/api/v1/projects/prod/instances?limit=20`;
    await throughput(target, { connections: 32, seconds: 2, headers: { cookie } });
    const r = await throughput(target, { connections: 32, seconds: SECONDS, headers: { cookie } });
    await console.stop();
    await upstream.stop();
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    const resultsDir = path.join(import.meta.dirname, 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.copyFileSync(path.join(profDir, file), path.join(resultsDir, 'console.cpuprofile'));
    const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8')) as CpuProfile;
    return [
      `Console under 32 connections, zero-cost upstream, ${SECONDS} s: ${r.rps.toFixed(0)} req/s (profiling on). Profile: bench/results/console.cpuprofile.`,
      '',
      summarise(profile),
    ].join('\n');
  } finally {
    await emu.proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) console.log(await runProfile());
