/**
 * Start-up time and resident memory of the console: before (TypeScript through the tsx loader, as `npm start` ran it
 * until the build existed) and after (`node` on the compiled bundle), in embedded demo mode and in upstream mode
 * (against an emulator of its own). Time: spawn → "listening" printed. Memory: VmRSS 3 s after that, idle.
 * Run: `npm run bench -- startup`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CONSOLE_MAIN,
  requireBuild,
  ROOT,
  sleep,
  startEmulator,
  startProc,
  tempDir,
  until,
  usersFile,
} from './lib/stack';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

async function once(args: string[], env: Record<string, string>): Promise<{ ms: number; rss: number }> {
  const t0 = performance.now();
  const p = startProc('console', process.execPath, args, env);
  await until(
    () =>
      /listening on/.test(p.output()) ||
      (p.child.exitCode !== null ? Promise.reject(new Error(p.output())) : false),
    `the console (${p.output()})`,
    60_000,
  );
  const ms = performance.now() - t0;
  await sleep(3_000);
  const rss = rssMb(p.child.pid as number);
  await p.stop();
  return { ms, rss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function runStartup(): Promise<string> {
  requireBuild();
  const dir = tempDir('gaussdb-bench-startup-');
  const emu = await startEmulator({ seed: 'demo', dir });
  const rows: string[] = [];
  try {
    const upstreamEnv = {
      GAUSSDB_ENDPOINT: emu.state.endpoint,
      IAM_ENDPOINT: emu.state.iam.endpoint,
      IAM_USER: emu.state.iam.user,
      IAM_PASSWORD: emu.state.iam.password,
      IAM_DOMAIN: emu.state.iam.domain,
      GAUSSDB_PROJECTS: `prod:${emu.state.region}:${emu.state.projectId}`,
      USERS_FILE: usersFile(dir),
    };
    const variants = [
      {
        how: 'before: tsx loader (node --import tsx src/main.ts)',
        args: ['--import', 'tsx', path.join(ROOT, 'apps/bff/src/main.ts')],
      },
      { how: 'after: node apps/bff/dist/server/main.js', args: [CONSOLE_MAIN] },
    ];
    for (const mode of ['embedded demo', 'upstream'] as const) {
      for (const v of variants) {
        const samples: { ms: number; rss: number }[] = [];
        for (let i = 0; i < RUNS; i++) {
          const dataDir = path.join(dir, `data-${mode.length}-${i}-${v.args.length}`);
          samples.push(
            await once(v.args, {
              PORT: '0',
              HOST: '127.0.0.1',
              DATA_DIR: dataDir,
              LOG_LEVEL: 'warn',
              ...(mode === 'upstream' ? upstreamEnv : {}),
            }),
          );
        }
        const row = `| ${mode} | ${v.how} | ${median(samples.map((s) => s.ms)).toFixed(0)} ms | ${median(samples.map((s) => s.rss)).toFixed(0)} MB |`;
        process.stderr.write(`${row}\n`);
        rows.push(row);
      }
    }
  } finally {
    await emu.proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    `Median of ${RUNS} starts each (node ${process.version}); time from spawn to "listening", resident memory 3 s later.`,
    '',
    '| mode | how | start-up | resident memory |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(await runStartup());
