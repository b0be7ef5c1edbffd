import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerJobEffect } from '../src/jobs/effects';
import { createBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

const DAY = 24 * 60 * MIN;
type Task = {
  job_id: string;
  name: string;
  status: string;
  process: string | null;
  instance_info: { instance_name: string; instance_status: string };
};
const tasks = async (q = '') =>
  (await t.call('GET', `/v3/${t.pid}/tasks${q}`)).body as { tasks: Task[]; total_count: number };

async function activeInstance(name: string): Promise<string> {
  const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { body: createBody({ name }) });
  t.emu.clock.advance(16 * MIN);
  return (res.body.instance as { id: string }).id;
}

describe('jobs and tasks (4.12)', () => {
  it("lists tasks newest first with filters, paging and the running task's process", async () => {
    await activeInstance('task-a');
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { body: createBody({ name: 'task-b' }) });
    t.emu.clock.advance(3 * MIN);
    const all = await tasks();
    expect(all.total_count).toBe(2);
    expect(all.tasks[0]).toMatchObject({
      job_id: res.body.job_id,
      status: 'Running',
      process: '20%',
      instance_info: { instance_name: 'task-b', instance_status: 'creating' },
    });
    expect((await tasks('?status=Completed')).tasks.map((x) => x.instance_info.instance_name)).toEqual([
      'task-a',
    ]);
    expect((await tasks('?name=DeleteGaussDBV5Instance')).total_count).toBe(0);
    expect((await tasks('?offset=1&limit=1')).tasks).toHaveLength(1);
    t.emu.clock.advance(15 * MIN);
  });

  it('refuses to delete a running job with DBS.200086 and deletes a finished one', async () => {
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { body: createBody({ name: 'task-c' }) });
    const jobId = res.body.job_id as string;
    const refused = await t.call('DELETE', `/v3/${t.pid}/jobs/${jobId}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error_code).toBe('DBS.200086');
    t.emu.clock.advance(16 * MIN);
    expect((await t.call('DELETE', `/v3/${t.pid}/jobs/${jobId}`)).status).toBe(200);
    const gone = await t.call('GET', `/v3/${t.pid}/jobs?id=${jobId}`);
    expect(gone.status).toBe(400);
    expect(gone.body.error_code).toBe('DBS.200543');
  });

  it('fails a job planned to fail and leaves its instance FAILED', async () => {
    await t.call('POST', '/__emulator/faults', {
      body: { failJob: 'CreateGaussDBV5Instance', error_msg: 'ECS capacity exhausted.' },
    });
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { body: createBody({ name: 'doomed-01' }) });
    t.emu.clock.advance(16 * MIN);
    const job = (await t.call('GET', `/v3/${t.pid}/jobs?id=${res.body.job_id}`)).body.job as {
      status: string;
      fail_reason: string;
    };
    expect(job).toMatchObject({ status: 'Failed', fail_reason: 'ECS capacity exhausted.' });
    const list = await t.call('GET', `/v3.1/${t.pid}/instances?name=doomed-01`);
    expect((list.body.instances as { status: string }[])[0]!.status).toBe('FAILED');
    await t.call('DELETE', '/__emulator/faults');
  });

  it('runs effects registered by kind when the clock passes the due time', async () => {
    const seen: string[] = [];
    registerJobEffect('test.record', (_rt, args) => seen.push(String(args.note)));
    t.emu.runtime.store.transaction(() =>
      t.emu.runtime.jobs.createJob({
        projectId: t.pid,
        name: 'TestJob',
        instanceId: 'x',
        instanceName: 'x',
        durationMs: 5 * MIN,
        onComplete: { kind: 'test.record', args: { note: 'done' } },
      }),
    );
    t.emu.clock.advance(4 * MIN);
    expect(seen).toEqual([]);
    t.emu.clock.advance(MIN);
    expect(seen).toEqual(['done']);
  });
});

describe('delete and the recycle bin (4.4.3, 4.13)', () => {
  it('moves a deleted instance to the recycle bin with a recycle_backup_id once the delete job ends', async () => {
    const id = await activeInstance('bin-01');
    const del = await t.call('DELETE', `/v3/${t.pid}/instances/${id}`);
    expect(del.status).toBe(202);
    const job = (await t.call('GET', `/v3/${t.pid}/jobs?id=${del.body.job_id}`)).body.job as { name: string };
    expect(job.name).toBe('DeleteGaussDBV5Instance');
    t.emu.clock.advance(2 * MIN);
    expect((await t.call('GET', `/v3.1/${t.pid}/instances?id=${id}`)).body.total_count).toBe(0);
    const bin = await t.call('GET', `/v3/${t.pid}/recycle-instances`);
    const entry = (bin.body.instances as Record<string, string>[]).find((i) => i.id === id)!;
    expect(entry).toMatchObject({ name: 'bin-01', ha_mode: 'Ha', recycle_status: 'Active' });
    expect(entry.recycle_backup_id).toMatch(/^[0-9a-f]{32}br14$/);
    const doneTask = (await tasks('?name=DeleteGaussDBV5Instance')).tasks[0]!;
    expect(doneTask.instance_info.instance_status).toBe('deleted');
  });

  it('keeps the policy (integer in, string out) and purges when it elapses on the clock', async () => {
    expect((await t.call('GET', `/v3/${t.pid}/recycle-policy`)).body).toEqual({
      retention_period_in_days: '7',
    });
    expect(
      (
        await t.call('PUT', `/v3/${t.pid}/recycle-policy`, {
          body: { recycle_policy: { retention_period_in_days: 2 } },
        })
      ).status,
    ).toBe(200);
    expect((await t.call('GET', `/v3/${t.pid}/recycle-policy`)).body).toEqual({
      retention_period_in_days: '2',
    });
    t.emu.clock.advance(DAY);
    expect(
      (await t.call('GET', `/v3/${t.pid}/recycle-instances?instance_name=bin-01`)).body.total_count,
    ).toBe(1);
    t.emu.clock.advance(DAY);
    expect(
      (await t.call('GET', `/v3/${t.pid}/recycle-instances?instance_name=bin-01`)).body.total_count,
    ).toBe(0);
  });

  it('rejects a retention outside 1–7 days', async () => {
    const res = await t.call('PUT', `/v3/${t.pid}/recycle-policy`, {
      body: { recycle_policy: { retention_period_in_days: 9 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toMatch(/^DBS\./);
  });
});
