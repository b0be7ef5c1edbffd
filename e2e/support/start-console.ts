// The console under test: BFF + embedded emulator on a fresh data folder, seeded with 1,000 instances,
// jobs 60× faster than real, no background activity. Playwright's webServer starts it and stops it after the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@gaussdb-console/bff/config';
import { startConsole } from '@gaussdb-console/bff/console';
import { emulatorInfoFile } from './emulator';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaussdb-console-e2e-'));
const config = loadConfig(
  {
    PORT: process.env.E2E_PORT ?? '18766',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EMULATOR_SEED: process.env.E2E_SEED ?? 'scale:1000',
    EMULATOR_SPEED: process.env.E2E_SPEED ?? '60',
    // No background activity: nothing may happen in the console that a test did not do.
    EMULATOR_ACTIVITY: 'off',
    EVENTS_POLL_MS: '500',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: path.resolve(import.meta.dirname, '../../apps/web/dist'),
  },
  { baseDir: process.cwd() },
);
const running = await startConsole(config);
// The in-process emulator's admin API (fault injection, clock), for specs that need it (support/emulator.ts).
fs.writeFileSync(emulatorInfoFile(config.port), JSON.stringify({ url: running.emulator?.url }));
process.stdout.write(`console for e2e at ${running.bff.url}\n`);
const stop = () => {
  void running.close().finally(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(emulatorInfoFile(config.port), { force: true });
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
