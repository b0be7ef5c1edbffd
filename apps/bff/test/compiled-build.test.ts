import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildServer, type Metafile } from '../../../scripts/build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EMULATOR_SRC = 'apps/emulator/src/';

/** The output files `from` loads before running: itself and its static imports, transitively. */
function staticClosure(meta: Metafile, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? [])
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(from);
  return seen;
}

const packageOf = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
const dependenciesOf = (dir: string) =>
  Object.keys(
    (JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { dependencies?: object })
      .dependencies ?? {},
  );

describe('compiled server build (scripts/build-server.mjs)', () => {
  it('loads the emulator only through a dynamic import: the console started against a real GaussDB never loads it', async () => {
    const { console: meta } = await buildServer({ write: false, only: ['console'], log: () => undefined });
    if (!meta) throw new Error('no console bundle');
    const main = Object.keys(meta.outputs).find((f) => f.endsWith('/main.js'));
    if (!main) throw new Error('no main.js in the console bundle');
    const loadedAtStart = [...staticClosure(meta, main)].flatMap((f) =>
      Object.keys(meta.outputs[f]?.inputs ?? {}),
    );
    expect(loadedAtStart.some((input) => input.startsWith('apps/bff/src/'))).toBe(true);
    expect(loadedAtStart.filter((input) => input.startsWith(EMULATOR_SRC))).toEqual([]);
    // ... and it is in the bundle, one dynamic import away, for embedded mode.
    const dynamic = Object.values(meta.outputs).flatMap((o) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    );
    expect(
      dynamic.some((chunk) =>
        Object.keys(meta.outputs[chunk]?.inputs ?? {}).includes(`${EMULATOR_SRC}index.ts`),
      ),
    ).toBe(true);
  });

  it('imports at run time only Node built-ins and production dependencies, which npm ci --omit=dev keeps', async () => {
    const metas = await buildServer({ write: false, log: () => undefined });
    const allowed = new Set([
      ...dependenciesOf('apps/bff'),
      ...dependenciesOf('apps/emulator'),
      ...dependenciesOf('packages/api-client'),
    ]);
    const builtins = new Set(builtinModules);
    const external = new Set(
      Object.values(metas).flatMap((meta) =>
        Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
      ),
    );
    expect(external.size).toBeGreaterThan(0);
    const notShipped = [...external].filter(
      (spec) => !spec.startsWith('node:') && !builtins.has(spec) && !allowed.has(packageOf(spec)),
    );
    expect(notShipped).toEqual([]);
  });
});
