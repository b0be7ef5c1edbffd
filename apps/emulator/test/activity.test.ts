import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../src/clock/clock';
import { instancesCollection } from '../src/domain/instance-model';
import { jobsCollection } from '../src/jobs/job-model';
import type { ActivityEvent } from '../src/activity/activity';
import type { EmulatorOptions } from '../src/index';
import { startDemoFleet, type DemoFleet } from './demo-fleet';
import { startTestEmulator, type TestEmulator } from './helpers';
import { futureStampsOfProject } from './timestamps';

// The demo's background life: off by default and silent then; on, it acts through the operations' own code,
// reproducibly (seeded choices, manual clock).

const started: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const e of started.splice(0)) await e.close();
});

async function fleet(options: EmulatorOptions = {}): Promise<DemoFleet> {
  const f = await startDemoFleet({ tokenTtlMs: 400 * DAY, ...options });
  started.push(f.emu);
  return f;
}

/** Moves a manual clock forward a minute at a time (each step runs the scheduler, as time passing would). */
function live(f: DemoFleet, ms: number, step = MINUTE): void {
  for (let t = 0; t < ms; t += step) f.emu.clock.advance(step);
}

const instanceNow = (f: DemoFleet, id: string) =>
  f.emu.runtime.store.collection(instancesCollection).get(undefined, id)!;
const events = (f: DemoFleet) =>
  (f.emu.runtime.activity?.state() as { recent: ActivityEvent[] } | undefined)?.recent ?? [];
const jobsSince = (f: DemoFleet, t: number) =>
  f.emu.runtime.store.collection(jobsCollection).all({ where: [{ col: 'created_at', op: '>', value: t }] });
const dbsCodes = new Set(
  (
    JSON.parse(readFileSync(new URL('../src/http/error-codes.json', import.meta.url), 'utf8')) as {
      code: string;
    }[]
  ).map((r) => r.code),
);

describe('background activity', () => {
  it('is off unless asked for: six hours pass and no job starts that nobody asked for', async () => {
    const f = await fleet();
    const t0 = f.emu.clock.now();
    live(f, 6 * HOUR, 5 * MINUTE);
    expect(jobsSince(f, t0)).toEqual([]);
    expect(f.emu.runtime.activity).toBeUndefined();
  });

  it('restarts, resizes and backs up instances now and then, as another operator would', async () => {
    const f = await fleet({ activity: true });
    const t0 = f.emu.clock.now();
    const flavorsAt0 = new Map(
      f.emu.runtime.store
        .collection(instancesCollection)
        .all()
        .map((i) => [i.id, i.flavor_ref]),
    );
    live(f, 4 * HOUR);
    const jobs = jobsSince(f, t0);
    expect(jobs.length).toBeGreaterThanOrEqual(5);
    const names = new Set(jobs.map((j) => j.name));
    expect(
      [...names].every((n) =>
        [
          'RestartGaussDBV5Instance',
          'ResizeGaussDBV5Flavor',
          'BackupSnapshotGaussDBV5Instance',
          'EnlargeGaussDBV5Volume',
        ].includes(n),
      ),
    ).toBe(true);
    expect(names.size).toBeGreaterThanOrEqual(2);
    // Each job is one the activity reported, on the instance it named.
    const reported = new Map(
      events(f)
        .filter((e) => e.job_id)
        .map((e) => [e.job_id!, e.instance]),
    );
    for (const j of jobs) expect(reported.get(j.id)).toBe(j.instance_name);
    // And the operations' effects landed: a completed resize changed the instance's flavor.
    const done = jobs.filter((j) => j.name === 'ResizeGaussDBV5Flavor' && j.status === 'Completed');
    for (const j of done)
      expect(instanceNow(f, j.instance_id).flavor_ref).not.toBe(flavorsAt0.get(j.instance_id));
    expect(jobs.some((j) => j.status === 'Completed')).toBe(true);
  });

  it('goes through the guards an API call meets: with every instance frozen it starts nothing', async () => {
    const f = await fleet({ activity: true });
    for (const i of f.emu.runtime.store.collection(instancesCollection).all())
      f.emu.runtime.store.collection(instancesCollection).put({ ...i, frozen: true });
    const t0 = f.emu.clock.now();
    live(f, 3 * HOUR);
    expect(jobsSince(f, t0)).toEqual([]);
    expect(events(f).every((e) => e.action === 'data-load')).toBe(true);
  });

  it('fails once in a while with a DBS reason from the reference error table, through the job like any failure', async () => {
    const f = await fleet({ activity: { failureRate: 1 } });
    const t0 = f.emu.clock.now();
    live(f, 3 * HOUR);
    const ended = jobsSince(f, t0).filter((j) => j.status !== 'Running');
    expect(ended.length).toBeGreaterThanOrEqual(3);
    for (const j of ended) {
      expect(j.status).toBe('Failed');
      const code = /^(DBS\.\d+): \S/.exec(j.fail_reason ?? '')?.[1];
      expect(code && dbsCodes.has(code)).toBe(true);
    }
    // The failed operations left the instances as the state machine says (no instance stuck in a busy state).
    const stuck = f.emu.runtime.store
      .collection(instancesCollection)
      .all()
      .filter(
        (i) =>
          i.pending && !jobsSince(f, 0).some((j) => j.id === i.pending!.job_id && j.status === 'Running'),
      );
    expect(stuck).toEqual([]);
  });

  it('fills a few disks slowly: 4.3.1 moves while a data load runs', async () => {
    const f = await fleet({ activity: { everyMinutes: [5, 10] } });
    // 4.3.1 is read through the main project's client: a load there.
    const main = new Set(
      f.emu.runtime.store
        .collection(instancesCollection)
        .all({ projectId: f.emu.projectId })
        .map((i) => i.name),
    );
    let load: ActivityEvent | undefined;
    for (let i = 0; i < 24 * 6 && !load; i++) {
      live(f, 10 * MINUTE);
      load = events(f).find((e) => e.action === 'data-load' && main.has(e.instance));
    }
    expect(load).toBeDefined();
    const read = async () =>
      Number((await f.client.getVolumeUsage({ path: { instance_id: f.idOf(load!.instance) } })).used);
    const before = await read();
    live(f, 20 * MINUTE);
    expect(await read()).toBeGreaterThan(before);
  });

  it('lives the same life twice with the same seed and the same clock', async () => {
    const a = await fleet({ activity: { seed: 'twice' } });
    const b = await fleet({ activity: { seed: 'twice' } });
    live(a, 3 * HOUR);
    live(b, 3 * HOUR);
    const summary = (f: DemoFleet) =>
      events(f).map((e) => `${e.at} ${e.action} ${e.instance} ${e.fails_with ?? ''}`);
    expect(summary(a).length).toBeGreaterThanOrEqual(5);
    expect(summary(b)).toEqual(summary(a));
  });
});

describe('background activity on a real clock', () => {
  let t: TestEmulator | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('starts jobs nobody asked for within minutes at speed 20, every time shown stays in the past', async () => {
    let wall = Date.UTC(2026, 2, 2, 9, 30);
    t = await startTestEmulator({
      clock: 'real',
      speed: 20,
      seed: 'demo',
      activity: true,
      realTime: () => wall,
    });
    const get = (path: string) => t!.call('GET', path);
    const tasksBefore = ((await get(`/v3/${t.pid}/tasks?limit=100`)).body.total_count as number) ?? 0;
    for (let minute = 1; minute <= 10; minute++) {
      wall += MINUTE;
      await get('/__emulator/state');
      if (minute % 3 !== 0 && minute !== 10) continue;
      const { future } = await futureStampsOfProject(get, t.pid, wall);
      expect(future).toEqual([]);
    }
    const state = (await get('/__emulator/state')).body.activity as { enabled: boolean; performed: number };
    expect(state.enabled).toBe(true);
    expect(state.performed).toBeGreaterThanOrEqual(5);
    expect((await get(`/v3/${t.pid}/tasks?limit=100`)).body.total_count as number).toBeGreaterThan(
      tasksBefore,
    );
  });
});
