import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createBody } from './helpers';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'emu-durable-'));
const stateFile = path.join(dir, 'state.json');
let child: ChildProcess | undefined;

interface State {
  endpoint: string;
  projectId: string;
  projectName: string;
  iam: { user: string; password: string; domain: string };
}

/** Starts the real CLI in its own process and waits for its --state-file (the process is the clock here). */
async function startChild(): Promise<State> {
  if (existsSync(stateFile)) unlinkSync(stateFile);
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli.ts',
      '--data',
      path.join(dir, 'data'),
      '--speed',
      '100',
      '--seed',
      'empty',
      '--port',
      '0',
      '--state-file',
      stateFile,
    ],
    {
      cwd: appDir,
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 300 && !existsSync(stateFile); i++) await new Promise((r) => setTimeout(r, 100));
  if (!existsSync(stateFile)) throw new Error('emulator did not write its state file');
  return JSON.parse(readFileSync(stateFile, 'utf8')) as State;
}

async function session(s: State) {
  const res = await fetch(`${s.endpoint}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: s.iam.user, password: s.iam.password, domain: { name: s.iam.domain } } },
        },
        scope: { project: { name: s.projectName } },
      },
    }),
  });
  const headers = { 'content-type': 'application/json', 'x-auth-token': res.headers.get('x-subject-token')! };
  return async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${s.endpoint}${p}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await r.json()) as Record<string, unknown>;
  };
}

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps an instance and resumes its running create job after kill -9', { timeout: 90_000 }, async () => {
    let state = await startChild();
    let call = await session(state);
    const created = await call(
      'POST',
      `/v3.1/${state.projectId}/instances`,
      createBody({ name: 'durable-01' }),
    );
    const jobId = created.job_id as string;
    expect(jobId).toBeTruthy();

    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));

    state = await startChild();
    call = await session(state);
    const listed = await call('GET', `/v3.1/${state.projectId}/instances?name=durable-01`);
    expect((listed.instances as { status: string }[])[0]!.status).toBe('BUILD');
    const resumed = (await call('GET', `/v3/${state.projectId}/jobs?id=${jobId}`)).job as { status: string };
    expect(resumed.status).toBe('Running');

    let job = resumed;
    for (let i = 0; i < 300 && job.status === 'Running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call('GET', `/v3/${state.projectId}/jobs?id=${jobId}`)).job as { status: string };
    }
    expect(job.status).toBe('Completed');
    const after = await call('GET', `/v3.1/${state.projectId}/instances?name=durable-01`);
    expect((after.instances as { status: string }[])[0]!.status).toBe('ACTIVE');
  });
});
