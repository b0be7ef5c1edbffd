/**
 * `npm run soak [-- --duration 30m] [--sessions 200] [--ci] [--only soak|faults]`: the soak (SESSIONS simulated users
 * for DURATION, default 30 minutes) and the fault run (a scripted DBA session under 20 % upstream faults), both against
 * the compiled console. `--ci`: 60 s of soak and a short fault run (what `npm test` runs). Exits 1 when a run fails
 * its criteria; prints both reports as markdown (docs/performance.md keeps the last long ones).
 */
import fs from 'node:fs';
import { requireBuild, tempDir } from '../lib/stack';
import { FAULT_RATE, runFaults, type FaultResult } from './fault-run';
import { runSoak, type SoakResult } from './soak-run';

function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`--duration: "${text}" is not a duration such as 90s, 30m or 1h`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Number(m[1]) * unit;
}

function parseArgs(argv: string[]): {
  durationMs: number;
  sessions: number;
  only?: 'soak' | 'faults';
  faultReads: number;
  faultMaxMs: number;
} {
  const ci = argv.includes('--ci');
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value('--only');
  if (only !== undefined && only !== 'soak' && only !== 'faults') throw new Error('--only: soak or faults');
  const sessions = Number(value('--sessions') ?? 200);
  if (!Number.isInteger(sessions) || sessions < 1 || sessions > 500)
    throw new Error('--sessions: a whole number from 1 to 500');
  return {
    durationMs: parseDuration(value('--duration') ?? (ci ? '60s' : '30m')),
    sessions,
    ...(only ? { only } : {}),
    faultReads: ci ? 8_000 : 100_000,
    faultMaxMs: ci ? 150_000 : 30 * 60_000,
  };
}

const fmt = (n: number, d = 1) => n.toFixed(d);

function soakReport(s: SoakResult): string {
  return [
    `### Soak: ${s.sessions} sessions, ${fmt(s.durationMs / 60_000)} min after ${fmt(s.rampMs / 1000, 0)} s of signing in — ${s.passed ? 'PASSED' : 'FAILED'}`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| requests (reads / changes) | ${s.requests} (${s.reads} / ${s.mutations}) | |`,
    `| restart jobs followed to their end on the live stream | ${s.jobsFollowed} | |`,
    `| live events received | ${s.events} | |`,
    `| errors | ${s.errors.length} | 0 |`,
    `| resident memory, highest of the first half (after its first fifth) → of the second half | ${fmt(s.rssCeilingMb.firstHalf)} → ${fmt(s.rssCeilingMb.secondHalf)} MB | |`,
    `| resident memory growth, second half over first | ${fmt(s.rssGrowthPct)} % | ${s.memoryJudged ? '< 10 %' : '< 10 % on runs of 5 min or more (reported only)'} |`,
    `| resident memory, median of the ${fmt(s.windowS, 0)} s around mid-run → of the last ${fmt(s.windowS, 0)} s (${s.windowSamples.afterWarmup} / ${s.windowSamples.end} samples) | ${fmt(s.rssAfterWarmupMb)} → ${fmt(s.rssEndMb)} MB (${fmt(s.rssMedianGrowthPct)} %) | |`,
    `| highest sample in the same windows; in the whole run | ${fmt(s.rssWindowMaxMb.afterWarmup)} → ${fmt(s.rssWindowMaxMb.end)} MB; ${fmt(s.rssPeakMb)} MB | |`,
    `| V8 heap in use, medians of the same windows | ${fmt(s.heapUsedMb.afterWarmup)} → ${fmt(s.heapUsedMb.end)} MB | |`,
    `| trend over the second half (least-squares line through every sample): resident memory; V8 heap in use | ${fmt(s.trendPct.rss)} %; ${fmt(s.trendPct.heap)} % | |`,
    `| resident memory at each tenth of the run | ${s.rssSeriesMb.map((m) => fmt(m, 0)).join(', ')} MB | |`,
    `| event-loop delay p99 (of each 5 s window: median / worst) | ${fmt(s.loopDelayP99Ms.median)} / ${fmt(s.loopDelayP99Ms.max)} ms | recorded |`,
    `| request latency p50 / p99 | ${fmt(s.latencyMs.p50)} / ${fmt(s.latencyMs.p99)} ms | |`,
    ...(s.errors.length ? ['', 'Errors:', ...s.errors.slice(0, 20).map((e) => `- ${e}`)] : []),
  ].join('\n');
}

function faultReport(f: FaultResult): string {
  return [
    `### Faults: ${fmt(FAULT_RATE * 100)} % of upstream requests fail (503, dropped connections, timeouts, 429 with Retry-After) — ${f.passed ? 'PASSED' : 'FAILED'}`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| upstream requests (of which failed by injection) | ${f.upstreamRequests} (${f.upstreamFaults}) | |`,
    `| reads that succeeded | ${f.readsSucceeded} of ${f.reads} (${fmt(f.readSuccessPct, 3)} %; the SPA retried ${f.readRetriesBySpa}) | ≥ 99.9 % |`,
    `| changes (succeeded) | ${f.mutations} (${f.mutationsSucceeded}) | |`,
    `| changes that reached the upstream more than once | ${f.mutationsSentTwice.length} | 0 |`,
    `| failures shown without their code | ${f.failuresWithoutTheirCode.length} | 0 |`,
    `| failures by code | ${
      Object.entries(f.failuresByCode)
        .map(([k, v]) => `${k} × ${v}`)
        .join(', ') || 'none'
    } | |`,
    ...[...f.mutationsSentTwice, ...f.failuresWithoutTheirCode].slice(0, 20).map((e) => `- ${e}`),
  ].join('\n');
}

const args = parseArgs(process.argv.slice(2));
requireBuild();
const log = (line: string) => process.stderr.write(`${line}\n`);
const reports: string[] = [];
let passed = true;
for (const run of ['soak', 'faults'] as const) {
  if (args.only && args.only !== run) continue;
  const dir = tempDir(`gaussdb-${run}-`);
  try {
    if (run === 'soak') {
      log(`soak: ${args.sessions} sessions for ${args.durationMs / 1000} s`);
      const s = await runSoak({ durationMs: args.durationMs, sessions: args.sessions, dir, log });
      passed &&= s.passed;
      reports.push(soakReport(s));
    } else {
      log(`faults: a scripted DBA session, up to ${args.faultReads} reads`);
      const f = await runFaults({ reads: args.faultReads, maxMs: args.faultMaxMs, dir, log });
      passed &&= f.passed;
      reports.push(faultReport(f));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${reports.at(-1)}\n`);
}
process.exit(passed ? 0 : 1);
