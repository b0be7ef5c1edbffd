// `npm run build`: the server bundles (console + emulator CLI, scripts/build-server.mjs) and the web (vite build,
// then brotli + gzip copies). `--if-stale` rebuilds only a part whose output is missing or older than its sources;
// `npm start`, `npm run users` and `npm run emulator` call that through scripts/run.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = (p) => path.join(root, p);

const SERVER_SOURCES = [
  'packages/api-client/src',
  'packages/api-client/package.json',
  'apps/emulator/src',
  'apps/emulator/package.json',
  'scripts/build-server.mjs',
  'package-lock.json',
];

/** What each part is built from and the file whose presence (and age) says it is built. */
export const PARTS = {
  console: {
    output: 'apps/bff/dist/server/main.js',
    sources: [...SERVER_SOURCES, 'apps/bff/src', 'apps/bff/package.json'],
    tool: 'esbuild',
    build: async () => (await import('./build-server.mjs')).buildServer({ only: ['console'] }),
  },
  emulator: {
    output: 'apps/emulator/dist/server/cli.js',
    sources: SERVER_SOURCES,
    tool: 'esbuild',
    build: async () => (await import('./build-server.mjs')).buildServer({ only: ['emulator'] }),
  },
  web: {
    output: 'apps/web/dist/index.html',
    sources: [
      'apps/web/src',
      'apps/web/public',
      'apps/web/index.html',
      'apps/web/vite.config.ts',
      'apps/web/package.json',
      'apps/web/scripts/precompress.mjs',
      'packages/api-client/src',
      'package-lock.json',
    ],
    tool: 'vite',
    build: async () => {
      // Its report to stderr: callers such as `npm run soak` keep stdout for their own results.
      const res = spawnSync('npm', ['run', '-s', 'build', '-w', 'apps/web'], {
        cwd: root,
        stdio: ['ignore', 2, 2],
      });
      if (res.status !== 0) throw new Error('the web build failed');
    },
  },
};

const isTestFile = (p) => /\.test\.tsx?$/.test(p) || p.includes(`${path.sep}test${path.sep}`);

/** Newest modification time under the given files and folders (tests excluded: they are not shipped). */
function newestSource(sources) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    } else if (!isTestFile(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of sources) visit(r(s));
  return newest;
}

/** `missing`, `stale` (a source is newer than the output) or `fresh`. */
export function stateOf(name) {
  const part = PARTS[name];
  let built;
  try {
    built = fs.statSync(r(part.output)).mtimeMs;
  } catch {
    return 'missing';
  }
  return newestSource(part.sources) > built ? 'stale' : 'fresh';
}

function toolInstalled(tool) {
  try {
    createRequire(r('package.json')).resolve(`${tool}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the parts that are missing or stale. Without the build tools (`npm ci --omit=dev`) a stale part is
 * used as it is, with a warning; a missing one is an error that says what to run.
 */
export async function ensureBuilt(names, { log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  for (const name of names) {
    const state = stateOf(name);
    if (state === 'fresh') continue;
    const part = PARTS[name];
    if (!toolInstalled(part.tool)) {
      if (state === 'missing') {
        throw new Error(
          `${part.output} is not built, and the build tools are not installed (npm ci --omit=dev leaves them out).\n` +
            'Build first with the development dependencies: npm ci && npm run build; then npm ci --omit=dev.',
        );
      }
      log(
        `note: the sources changed since ${part.output} was built; using it as it is (run npm run build to refresh it)`,
      );
      continue;
    }
    log(state === 'missing' ? `building ${name} (not built yet)` : `rebuilding ${name} (sources changed)`);
    await part.build();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  const names = Object.keys(PARTS);
  try {
    if (ifStale) await ensureBuilt(names);
    else {
      await (await import('./build-server.mjs')).buildServer();
      await PARTS.web.build();
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
