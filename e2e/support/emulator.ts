import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where start-console.ts writes the in-process emulator's address for the console on `port`. */
export const emulatorInfoFile = (port: number | string) =>
  path.join(os.tmpdir(), `gaussdb-console-e2e-${port}.emulator.json`);

/**
 * Calls the e2e console's emulator admin API (docs/emulator.md "Admin API"): `/__emulator` + `rel`. Only for
 * what a journey cannot do through the console, such as making the next job of a kind fail.
 */
export async function emulatorAdmin(method: string, rel: string, body?: unknown): Promise<unknown> {
  const port = process.env.E2E_PORT ?? '18766';
  const { url } = JSON.parse(fs.readFileSync(emulatorInfoFile(port), 'utf8')) as { url?: string };
  if (!url) throw new Error('the e2e console runs no emulator (upstream mode)');
  const res = await fetch(`${url}/__emulator${rel}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`emulator admin ${method} ${rel}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
