/**
 * Lighthouse (the npm package, Debian's Chromium, desktop preset) on the instance list with 1,000 instances: the
 * compiled console in embedded mode seeded with scale:1000, signed in (the session cookie as an extra header).
 * Targets: performance ≥ 95 and accessibility ≥ 95. Median of RUNS. Run: `npm run bench -- lighthouse`.
 * Each run's whole report is kept as bench/results/lighthouse-N.json (open it in the Lighthouse viewer).
 *
 * BENCH_WEB_BEFORE=path/to/web/dist: an earlier build of the web, served by a second console (WEB_DIST_DIR) and
 * measured in the same run, runs interleaved (before, after, after, before, ...), so that the machine's load,
 * which moves the score by ten points from one minute to the next, weighs on both alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CONSOLE_MAIN, freePort, requireBuild, signIn, startServer, tempDir, type Proc } from './lib/stack';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RESULTS = path.join(import.meta.dirname, 'results');

interface Run {
  performance: number;
  accessibility: number;
  bestPractices: number;
  metrics: Record<string, string>;
  /** Milliseconds (CLS: unitless) of the same metrics, for medians. */
  values: Record<string, number>;
  failing: string[];
  /** The main thread's long tasks (start and duration, ms) and what the scripts cost, for reading a low score. */
  longTasks: string;
  scriptTime: string;
}

const METRICS = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
} as const;

/** The rows of an audit's table (`details.items`), or none. */
function tableItems(audit: { details?: unknown } | undefined): Record<string, unknown>[] {
  const details = audit?.details as { items?: Record<string, unknown>[] } | undefined;
  return details?.items ?? [];
}

interface Target {
  label: string;
  base: string;
  cookie: string;
  server: Proc;
  runs: Run[];
}

async function startTarget(label: string, dir: string, webDist?: string): Promise<Target> {
  const port = await freePort();
  const server = await startServer(`console (${label})`, process.execPath, [CONSOLE_MAIN], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, label, 'data'),
    EMULATOR_SEED: 'scale:1000',
    LOG_LEVEL: 'warn',
    ...(webDist ? { WEB_DIST_DIR: path.resolve(webDist) } : {}),
  });
  const base = `http://127.0.0.1:${port}`;
  const cookie = await signIn(base, { username: 'viewer', password: 'viewer-demo-pass' });
  return { label, base, cookie, server, runs: [] };
}

async function measure(t: Target, chromePort: number, file: string): Promise<Run> {
  let result;
  for (let attempt = 0; attempt < 3; attempt++) {
    result = await lighthouse(
      `${t.base}/p/prod/instances`,
      {
        port: chromePort,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
        extraHeaders: { Cookie: t.cookie },
      },
      desktopConfig,
    );
    // Lighthouse sometimes loses the navigation start (NO_NAVSTART): try the run again.
    if (result && !result.lhr.runtimeError) break;
  }
  const lhr = result?.lhr;
  if (!lhr || lhr.runtimeError)
    throw new Error(`lighthouse failed: ${lhr?.runtimeError?.message ?? 'no result'}`);
  fs.writeFileSync(path.join(RESULTS, file), JSON.stringify(lhr));
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    metrics: Object.fromEntries(
      Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.displayValue ?? '']),
    ),
    values: Object.fromEntries(
      Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? Number.NaN]),
    ),
    failing: Object.values(lhr.audits)
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 0.9 &&
          a.scoreDisplayMode !== 'informative' &&
          a.scoreDisplayMode !== 'manual' &&
          a.scoreDisplayMode !== 'notApplicable',
      )
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`),
    longTasks: tableItems(lhr.audits['long-tasks'])
      .map((x) => `${Math.round(Number(x.startTime))}+${Math.round(Number(x.duration))}`)
      .join(', '),
    scriptTime: tableItems(lhr.audits['bootup-time'])
      .map(
        (x) =>
          `${String(x.url).replace(t.base, '')} ${Math.round(Number(x.scripting))} ms scripting, ${Math.round(Number(x.scriptParseCompile))} ms parse`,
      )
      .join('; '),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

function report(t: Target): string[] {
  const runs = t.runs;
  const byPerf = [...runs].sort((a, b) => a.performance - b.performance);
  const mid = byPerf[Math.floor(byPerf.length / 2)] as Run;
  return [
    `**${t.label}**: ${runs.length} runs (the run of median performance shown; all runs: performance ${runs.map((r) => r.performance).join(', ')}; accessibility ${runs.map((r) => r.accessibility).join(', ')}).`,
    '',
    '| figure | median run | median of each figure | target |',
    '|---|---|---|---|',
    `| performance | ${mid.performance} | ${median(runs.map((r) => r.performance))} | ≥ 95 |`,
    `| accessibility | ${mid.accessibility} | ${median(runs.map((r) => r.accessibility))} | ≥ 95 |`,
    `| best practices | ${mid.bestPractices} | ${median(runs.map((r) => r.bestPractices))} | |`,
    ...Object.keys(METRICS).map((k) => {
      const m = median(runs.map((r) => r.values[k] as number));
      return `| ${k} | ${mid.metrics[k]} | ${k === 'CLS' ? m.toFixed(3) : `${Math.round(m)} ms`} | |`;
    }),
    '',
    `Audits below 90: ${mid.failing.join(', ') || 'none'}.`,
    '',
    `Long tasks (start+duration, ms): ${mid.longTasks || 'none'}.`,
    '',
    `Script time: ${mid.scriptTime || 'none'}.`,
  ];
}

export async function runLighthouse(): Promise<string> {
  requireBuild();
  const dir = tempDir('gaussdb-bench-lh-');
  fs.mkdirSync(RESULTS, { recursive: true });
  const before = process.env.BENCH_WEB_BEFORE;
  const targets: Target[] = [];
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
    ],
  });
  try {
    targets.push(await startTarget('this build', dir));
    if (before) targets.push(await startTarget('before (BENCH_WEB_BEFORE)', dir, before));
    for (let i = 0; i < RUNS; i++) {
      // ABBA order: neither build always goes first.
      const order = i % 2 ? [...targets].reverse() : targets;
      for (const t of order) {
        const k = targets.indexOf(t);
        t.runs.push(await measure(t, chrome.port, `lighthouse-${i + 1}${k ? '-before' : ''}.json`));
        process.stderr.write(
          `lighthouse run ${i + 1} (${t.label}): performance ${t.runs.at(-1)?.performance}, accessibility ${t.runs.at(-1)?.accessibility}\n`,
        );
      }
    }
  } finally {
    await chrome.kill();
    for (const t of targets) await t.server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    `Instance list (/p/prod/instances), 1,000 instances, desktop preset.`,
    '',
    ...targets.flatMap((t) => [...report(t), '']),
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(await runLighthouse());
