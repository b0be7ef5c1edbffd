/**
 * Lighthouse (the npm package, Debian's Chromium, desktop preset) on the instance list with 1,000 instances: the
 * compiled console in embedded mode seeded with scale:1000, signed in (the session cookie as an extra header).
 * Targets: performance ≥ 95 and accessibility ≥ 95. Median of RUNS. Run: `npm run bench -- lighthouse`.
 * Each run's whole report is kept as bench/results/lighthouse-N.json (open it in the Lighthouse viewer).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CONSOLE_MAIN, freePort, requireBuild, signIn, startServer, tempDir } from './lib/stack';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Run {
  performance: number;
  accessibility: number;
  bestPractices: number;
  metrics: Record<string, string>;
  failing: string[];
  /** The main thread's long tasks (start and duration, ms) and what the scripts cost, for reading a low score. */
  longTasks: string;
  scriptTime: string;
}

/** The rows of an audit's table (`details.items`), or none. */
function tableItems(audit: { details?: unknown } | undefined): Record<string, unknown>[] {
  const details = audit?.details as { items?: Record<string, unknown>[] } | undefined;
  return details?.items ?? [];
}

export async function runLighthouse(): Promise<string> {
  requireBuild();
  const dir = tempDir('gaussdb-bench-lh-');
  const port = await freePort();
  const server = await startServer('console', process.execPath, [CONSOLE_MAIN], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, 'data'),
    EMULATOR_SEED: 'scale:1000',
    LOG_LEVEL: 'warn',
  });
  const base = `http://127.0.0.1:${port}`;
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
  const runs: Run[] = [];
  fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
  try {
    const cookie = await signIn(base, { username: 'viewer', password: 'viewer-demo-pass' });
    for (let i = 0; i < RUNS; i++) {
      let result;
      for (let attempt = 0; attempt < 3; attempt++) {
        result = await lighthouse(
          `${base}/p/prod/instances`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices'],
            extraHeaders: { Cookie: cookie },
          },
          desktopConfig,
        );
        // Lighthouse sometimes loses the navigation start (NO_NAVSTART): try the run again.
        if (result && !result.lhr.runtimeError) break;
      }
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError)
        throw new Error(`lighthouse failed: ${lhr?.runtimeError?.message ?? 'no result'}`);
      fs.writeFileSync(
        path.join(import.meta.dirname, 'results', `lighthouse-${i + 1}.json`),
        JSON.stringify(lhr),
      );
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? '';
      runs.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        metrics: {
          FCP: metric('first-contentful-paint'),
          LCP: metric('largest-contentful-paint'),
          TBT: metric('total-blocking-time'),
          CLS: metric('cumulative-layout-shift'),
          SI: metric('speed-index'),
        },
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
          .map((t) => `${Math.round(Number(t.startTime))}+${Math.round(Number(t.duration))}`)
          .join(', '),
        scriptTime: tableItems(lhr.audits['bootup-time'])
          .map(
            (t) =>
              `${String(t.url).replace(base, '')} ${Math.round(Number(t.scripting))} ms scripting, ${Math.round(Number(t.scriptParseCompile))} ms parse`,
          )
          .join('; '),
      });
      process.stderr.write(
        `lighthouse run ${i + 1}: performance ${runs.at(-1)?.performance}, accessibility ${runs.at(-1)?.accessibility}\n`,
      );
    }
  } finally {
    await chrome.kill();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const byPerf = [...runs].sort((a, b) => a.performance - b.performance);
  const median = byPerf[Math.floor(byPerf.length / 2)] as Run;
  return [
    `Instance list (/p/prod/instances), 1,000 instances, desktop preset, ${RUNS} runs (median by performance shown; all runs: performance ${runs.map((r) => r.performance).join(', ')}; accessibility ${runs.map((r) => r.accessibility).join(', ')}).`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| performance | ${median.performance} | ≥ 95 |`,
    `| accessibility | ${median.accessibility} | ≥ 95 |`,
    `| best practices | ${median.bestPractices} | |`,
    ...Object.entries(median.metrics).map(([k, v]) => `| ${k} | ${v} | |`),
    '',
    `Audits below 90: ${median.failing.join(', ') || 'none'}.`,
    '',
    `Long tasks (start+duration, ms): ${median.longTasks || 'none'}.`,
    '',
    `Script time: ${median.scriptTime || 'none'}.`,
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(await runLighthouse());
