/**
 * IAM requests when 100 concurrent calls meet an expired token: the console (upstream mode) has a token; the emulator's
 * clock moves 25 hours so the token is expired; 100 different reads arrive at once (different, so none coalesce).
 * Target: one IAM token request. Run: `npm run bench -- iam`.
 */
import fs from 'node:fs';
import { requireBuild, signIn, startConsole, startEmulator, tempDir } from './lib/stack';

const CALLS = 100;

export async function runIam(): Promise<string> {
  requireBuild();
  const dir = tempDir('gaussdb-bench-iam-');
  const emu = await startEmulator({ seed: 'scale:120', dir });
  const admin = (method: string, rel: string, body?: unknown) =>
    fetch(`${emu.state.endpoint}/__emulator${rel}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const c = await startConsole({ dir, upstream: emu.state, env: { LOG_LEVEL: 'warn' } });
  try {
    const cookie = await signIn(c.url);
    const get = (rel: string) =>
      fetch(`${c.url}/api/v1/projects/prod${rel}`, { headers: { cookie } }).then((r) => r.status);
    if ((await get('/instances?limit=1')) !== 200) throw new Error('the console cannot read');
    const iamBefore = ((await admin('GET', '/tokens')) as { tokens: unknown[] }).tokens.length;
    await admin('POST', '/clock/advance', { ms: 25 * 3_600_000 });
    await admin('DELETE', '/requests');
    const statuses = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => get(`/instances?limit=1&offset=${i}`)),
    );
    const { requests } = (await admin('GET', '/requests?limit=500')) as {
      requests: { path: string; status: number }[];
    };
    const iam = requests.filter((r) => r.path === '/v3/auth/tokens');
    const refused = requests.filter((r) => r.status === 403).length;
    const ok = statuses.filter((s) => s === 200).length;
    return [
      '| figure | value | target |',
      '|---|---|---|',
      `| IAM token requests for ${CALLS} concurrent calls on an expired token | ${iam.length} | 1 |`,
      `| calls answered 200 | ${ok} of ${CALLS} | ${CALLS} |`,
      `| upstream answers "token expired" (403) before the new token | ${refused} | |`,
      `| tokens the emulator had issued before | ${iamBefore} | |`,
    ].join('\n');
  } finally {
    await c.stop();
    await emu.proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) console.log(await runIam());
