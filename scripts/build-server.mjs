// Bundles the server side to plain JavaScript for `node`: the console (apps/bff: main, users CLI) and the
// emulator's own CLI. Workspace packages (api-client, emulator) are bundled in; every npm dependency stays
// an import resolved from node_modules at run time (native better-sqlite3, pg, ioredis ...), so
// `npm ci --omit=dev` keeps all the output needs. The console reaches the emulator only through a dynamic
// import (embedded mode), which esbuild splits into a chunk of its own: upstream mode never loads it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where each bundle goes and what it starts from; `npm start` and friends look for `outfile`s here. */
export const SERVER_BUNDLES = [
  {
    name: 'console',
    outdir: path.join(root, 'apps/bff/dist/server'),
    entryPoints: { main: 'apps/bff/src/main.ts', 'users-cli': 'apps/bff/src/auth/users-cli.ts' },
  },
  {
    name: 'emulator',
    outdir: path.join(root, 'apps/emulator/dist/server'),
    entryPoints: { cli: 'apps/emulator/src/cli.ts' },
  },
];

/** Bare imports other than our workspaces stay imports (resolved from node_modules when the bundle runs). */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@gaussdb-console/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Builds the bundles (`only`: some of them by name). `write: false` builds in memory (tests read the metafile).
 * Returns each bundle's esbuild metafile by name.
 */
export async function buildServer({ log = console.log, only, write = true } = {}) {
  const metafiles = {};
  for (const bundle of SERVER_BUNDLES.filter((b) => !only || only.includes(b.name))) {
    const started = performance.now();
    if (write) fs.rmSync(bundle.outdir, { recursive: true, force: true });
    const entryPoints = Object.fromEntries(
      Object.entries(bundle.entryPoints).map(([out, src]) => [out, path.join(root, src)]),
    );
    const result = await esbuild.build({
      entryPoints,
      outdir: bundle.outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.19',
      sourcemap: true,
      // Keep class and function names: logs, errors (`err.name`) and `instanceof` checks read them.
      keepNames: true,
      chunkNames: 'chunks/[name]-[hash]',
      plugins: [externalPackages],
      logLevel: 'warning',
      metafile: true,
      write,
    });
    metafiles[bundle.name] = result.metafile;
    if (!write) continue;
    // package.json beside the output: "type": "module" for node, and a marker that this is build output.
    fs.writeFileSync(
      path.join(bundle.outdir, 'package.json'),
      `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`,
    );
    const bytes = Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .reduce((sum, [, o]) => sum + o.bytes, 0);
    log(
      `built ${bundle.name}: ${path.relative(root, bundle.outdir)} (${(bytes / 1024).toFixed(0)} KB of JS) in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
  return metafiles;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer();
}
