import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../src/clock/clock';
import { JOB_DURATIONS } from '../src/jobs/job-model';
import { startTestEmulator, createBody, type TestEmulator } from './helpers';
import { futureStampsOfProject, parseStamp } from './timestamps';

// Timestamps are real time at any --speed; speed shortens simulated work and nothing else. The wall clock is a
// controllable source here (no sleeping): `wall` is "now" for the emulator's real clock.

const START = Date.UTC(2026, 2, 2, 9, 30, 0);
let wall = START;
let t: TestEmulator | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function realClockEmulator(speed: number, seed = 'empty') {
  wall = START;
  t = await startTestEmulator({ clock: 'real', speed, seed, realTime: () => wall });
  return t;
}

const jobOf = async (e: TestEmulator, id: string) =>
  (await e.call('GET', `/v3/${e.pid}/jobs?id=${id}`)).body.job as {
    status: string;
    created: string;
    ended: string;
    progress: string;
  };

describe('true time', () => {
  for (const speed of [1, 20, 1000]) {
    it(`at speed ${speed}, a job started after 10 real minutes is stamped with the real time and ends in the past`, async () => {
      const e = await realClockEmulator(speed);
      wall += 10 * MINUTE;
      const created = await e.call('POST', `/v3.1/${e.pid}/instances`, {
        body: createBody({ name: `true-time-${speed}` }),
      });
      expect(created.status).toBe(202);
      const jobId = created.body.job_id as string;

      const running = await jobOf(e, jobId);
      expect(running.status).toBe('Running');
      expect(Math.abs(parseStamp(running.created)! - wall)).toBeLessThan(1000);

      // The create takes 15 minutes on the real service, 15/speed minutes here.
      const work = Math.round(JOB_DURATIONS.CreateGaussDBV5Instance / speed);
      wall += Math.floor(work / 2);
      expect(Number.parseInt((await jobOf(e, jobId)).progress, 10)).toBeGreaterThanOrEqual(45);
      wall += work;
      const done = await jobOf(e, jobId);
      expect(done.status).toBe('Completed');
      const ended = parseStamp(done.ended)!;
      expect(ended).toBeLessThanOrEqual(wall);
      expect(ended - parseStamp(done.created)!).toBeGreaterThanOrEqual(work - 1000);
      expect(ended - parseStamp(done.created)!).toBeLessThanOrEqual(work + 1000);

      const inst = (await e.call('GET', `/v3.1/${e.pid}/instances?name=true-time-${speed}`)).body
        .instances as { created: string; updated: string }[];
      expect(parseStamp(inst[0]!.created)!).toBeLessThanOrEqual(wall);
      expect(parseStamp(inst[0]!.updated)!).toBeLessThanOrEqual(wall);
    });
  }

  it('shows no time later than the wall clock anywhere in the demo, at speed 20, from the start and an hour on', async () => {
    const e = await realClockEmulator(20, 'demo');
    const get = (path: string) => e.call('GET', path);
    for (const step of [0, 1, 4, 10, 45]) {
      wall += step * MINUTE;
      const { seen, future } = await futureStampsOfProject(get, e.pid, wall);
      expect(seen).toBeGreaterThan(200);
      expect(future).toEqual([]);
    }
  });

  it('moves only when the admin API advances it, and keeps that offset', async () => {
    const e = await realClockEmulator(20);
    wall += 1000;
    expect((await e.call('GET', '/__emulator/clock')).body).toMatchObject({
      now: wall,
      mode: 'real',
      speed: 20,
    });
    const res = await e.call('POST', '/__emulator/clock/advance', { body: { ms: 60_000 } });
    expect(res.body.now).toBe(wall + 60_000);
    wall += 5000;
    expect((await e.call('GET', '/__emulator/clock')).body.now).toBe(wall + 60_000);
  });
});
