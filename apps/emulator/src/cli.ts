import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseCliArgs } from './config';
import { startEmulator } from './index';

/** `npm run emulator -- ...`: starts the emulator, prints how to reach it, stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const emu = await startEmulator({
    port: options.port,
    host: options.host,
    data: options.data,
    memory: options.memory,
    speed: options.speed,
    seed: options.seed,
    admin: options.admin === true ? true : undefined,
    activity: options.activity,
    log: { info: (m) => console.log(m) },
  });
  const c = emu.credentials;
  console.log(`GaussDB emulator listening on ${emu.url}`);
  console.log(
    `  store:     ${options.memory ? 'in memory' : options.data}   seed: ${emu.seed}   speed: ×${options.speed}   activity: ${emu.activity ? 'on' : 'off'}   admin: ${emu.admin ? `${emu.url}/__emulator` : 'off'}`,
  );
  for (const p of emu.projects) console.log(`  project:   ${p.id}  (${p.name}, ${p.role})`);
  console.log(
    `  IAM:       POST ${c.iam.endpoint}/v3/auth/tokens  user=${c.iam.user} password=${c.iam.password} domain=${c.iam.domain}`,
  );
  console.log(`  AK/SK:     ${c.aksk.ak} / ${c.aksk.sk}`);

  if (options.stateFile) {
    const state = {
      endpoint: emu.url,
      projectId: emu.projectId,
      projectName: emu.projectName,
      region: emu.region,
      iam: c.iam,
      aksk: c.aksk,
    };
    mkdirSync(path.dirname(options.stateFile), { recursive: true });
    // Write-then-rename: a reader polling for the file never sees it half-written.
    const tmp = `${options.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(tmp, options.stateFile);
  }

  const stop = (signal: string) => {
    console.log(`received ${signal}, stopping`);
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main().catch((e: unknown) => {
  console.error(`emulator failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
