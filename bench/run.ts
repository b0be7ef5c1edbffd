/**
 * `npm run bench [-- NAME ...]`: builds, then runs the named benchmarks (all by default) one after another, printing
 * each report and writing it to bench/results/NAME.md. docs/performance.md holds the last results beside their targets.
 * The soak and the long fault run are `npm run soak` (bench/soak/soak.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

const BENCHES: Record<string, { title: string; run: () => Promise<string> }> = {
  startup: {
    title: 'Start-up time and memory, before and after the build',
    run: async () => (await import('./startup.bench')).runStartup(),
  },
  proxy: {
    title: 'The console against its peers',
    run: async () => (await import('./proxy.bench')).runProxyBench(),
  },
  profile: {
    title: 'CPU profile of the console under load',
    run: async () => (await import('./profile.bench')).runProfile(),
  },
  live: {
    title: 'Live stream: upstream cost of listeners, job → browser latency',
    run: async () => (await import('./live.bench')).runLive(),
  },
  iam: {
    title: 'IAM requests when 100 calls meet an expired token',
    run: async () => (await import('./iam.bench')).runIam(),
  },
  'emulator-list': {
    title: 'Emulator list latency, 100 vs 10,000 instances',
    run: async () => (await import('./emulator-list.bench')).runEmulatorList(),
  },
  lighthouse: {
    title: 'Lighthouse on the instance list with 1,000 instances',
    run: async () => (await import('./lighthouse.bench')).runLighthouse(),
  },
};

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !BENCHES[a]);
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const resultsDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
for (const name of asked.length ? asked : Object.keys(BENCHES)) {
  const bench = BENCHES[name] as (typeof BENCHES)[string];
  process.stderr.write(`\n== ${name}: ${bench.title}\n`);
  const report = `## ${bench.title}\n\n${await bench.run()}\n`;
  fs.writeFileSync(path.join(resultsDir, `${name}.md`), report);
  console.log(report);
}
