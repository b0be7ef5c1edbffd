// Runs a compiled entry point with `node`, building it first when it is missing or older than its sources
// (scripts/build.mjs). `npm start` → console, `npm run users -- ...` → users, `npm run emulator -- ...` → emulator.
// The bundle runs in this process (no second node), with source maps on so stack traces name the .ts lines.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TARGETS = {
  console: { needs: ['console', 'web'], entry: 'apps/bff/dist/server/main.js' },
  users: { needs: ['console'], entry: 'apps/bff/dist/server/users-cli.js' },
  emulator: { needs: ['emulator'], entry: 'apps/emulator/dist/server/cli.js' },
};

const [name, ...args] = process.argv.slice(2);
const target = TARGETS[name ?? ''];
if (!target) {
  process.stderr.write(`usage: node scripts/run.mjs ${Object.keys(TARGETS).join('|')} [args...]\n`);
  process.exit(2);
}
try {
  await ensureBuilt(target.needs);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
const entry = path.join(root, target.entry);
// The entry sees the command line it would see as `node <entry> args...`.
process.argv = [process.argv[0] ?? 'node', entry, ...args];
process.setSourceMapsEnabled(true);
await import(pathToFileURL(entry).href);
