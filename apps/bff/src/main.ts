import { ConfigError, loadConfig } from './config';
import { AuditConfigError } from './audit/create-audit-store';
import { DEMO_USERS } from './auth/demo-users';
import { UsersFileError } from './auth/users-file';
import { startConsole } from './console';
import { StartupError } from './server';

/**
 * `npm start` for the console: validate the environment, start the BFF with its upstream layer (and, in
 * embedded mode, the in-process emulator), print where it listens, stop cleanly on SIGINT/SIGTERM.
 */

const KNOWN_STARTUP_ERRORS = [ConfigError, AuditConfigError, StartupError, UsersFileError];

try {
  const config = loadConfig();
  const running = await startConsole(config);
  const { bff } = running;
  const lines = [
    `GaussDB Console listening on ${bff.url} (${config.mode === 'embedded' ? 'embedded demo' : 'upstream'} mode)`,
  ];
  if (config.mode === 'embedded') {
    lines.push('Demo users (embedded demo only):');
    for (const u of DEMO_USERS) lines.push(`  ${u.name.padEnd(9)} ${u.password.padEnd(20)} ${u.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    bff.ctx.logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  if (KNOWN_STARTUP_ERRORS.some((E) => err instanceof E)) {
    process.stderr.write(`The console server cannot start.\n${(err as Error).message}\n`);
  } else {
    process.stderr.write(
      `The console server cannot start: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
  }
  // Exit now: a half-started console may hold timers or sockets that would keep the process alive.
  process.exit(1);
}
