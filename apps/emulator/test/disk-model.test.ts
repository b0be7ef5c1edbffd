import type { GaussDbClient } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../src/clock/clock';
import { rebaseUsage } from '../src/domain/instance-ops/volume';
import { instances } from '../src/domain/instance-state';
import type { RunningEmulator } from '../src/index';
import { startDemoFleet, type DemoFleet } from './demo-fleet';

// One disk model (instance-ops/volume.ts) behind 4.3.1, STORAGE FULL, auto-enlarge and backup sizes.

let fleet: DemoFleet;
let emu: RunningEmulator;
let client: GaussDbClient;

beforeAll(async () => {
  // The clock moves by weeks here: a token that outlives them.
  fleet = await startDemoFleet({ tokenTtlMs: 400 * DAY });
  ({ emu, client } = fleet);
});
afterAll(() => emu.close());

const usage = async (name: string) => {
  const u = await client.getVolumeUsage({ path: { instance_id: fleet.idOf(name) } });
  return { used: Number(u.used), total: Number(u.total) };
};
const status = async (name: string) => (await client.listInstances({ query: { name } })).instances[0]!.status;
const inst = (name: string) => instances(emu.runtime).get(emu.projectId, fleet.idOf(name))!;

describe('the disk model', () => {
  it('answers 4.3.1 from the model: the instance seeded at 80 % reads 80 %', async () => {
    expect(await usage('prod-core-01')).toEqual({ used: 384, total: 480 });
  });

  it('is stable while the clock stands and for an instance whose data does not grow', async () => {
    const a = await usage('prod-core-02');
    expect(await usage('prod-core-02')).toEqual(a);
    emu.clock.advance(3 * DAY);
    expect(await usage('prod-core-02')).toEqual(a);
  });

  it('grows the data of a growing instance with the clock (2 GB a day)', async () => {
    const before = (await usage('prod-core-01')).used;
    emu.clock.advance(DAY);
    expect((await usage('prod-core-01')).used).toBeCloseTo(before + 2, 1);
  });

  it('auto-enlarges the disk when free space drops below the trigger, and the data stays what it was', async () => {
    // 80 % of 480 GB at 2 GB a day: the 10 % trigger (432 GB) is crossed after 24 days.
    emu.clock.advance(22 * DAY);
    const tasks = await client.listTasks({ query: { name: 'EnlargeGaussDBV5Volume', status: 'Running' } });
    expect(tasks.tasks.map((t) => t.instance_info?.instance_name)).toContain('prod-core-01');
    const during = await usage('prod-core-01');
    emu.clock.advance(10 * MINUTE);
    const after = await usage('prod-core-01');
    expect(after.total).toBe(576);
    expect(after.used).toBeCloseTo(during.used, 0);
    expect(after.used / after.total).toBeLessThan(during.used / during.total);
  });

  it('turns a full disk STORAGE FULL; 4.3.1 reads full; enlarging it frees it without changing the data', async () => {
    expect(await status('crm-db')).toBe('STORAGE FULL');
    expect(await usage('crm-db')).toEqual({ used: 40, total: 40 });
    const { job_id } = await client.expandInstance({
      path: { instance_id: fleet.idOf('crm-db') },
      body: { enlarge_volume: { size: 48 } },
    });
    expect(job_id).toBeTruthy();
    emu.clock.advance(10 * MINUTE);
    expect(await status('crm-db')).toBe('ACTIVE');
    expect(await usage('crm-db')).toEqual({ used: 40, total: 48 });
  });

  it('fills a disk whose data grows until the instance is STORAGE FULL (no auto-enlarge policy)', async () => {
    const sandbox = inst('reporting-01');
    emu.runtime.store.transaction(() => rebaseUsage(emu.runtime, sandbox, { gbPerDay: 400, until: null }));
    const start = await usage('reporting-01');
    emu.clock.advance(6 * HOUR);
    expect((await usage('reporting-01')).used).toBeCloseTo(Math.min(200, start.used + 100), 0);
    emu.clock.advance(DAY);
    expect(await status('reporting-01')).toBe('STORAGE FULL');
    expect(await usage('reporting-01')).toEqual({ used: 200, total: 200 });
  });

  it('stops growing when a data load ends', async () => {
    const target = inst('prod-core-02');
    emu.runtime.store.transaction(() =>
      rebaseUsage(emu.runtime, target, { gbPerDay: 24, until: emu.clock.now() + 2 * HOUR }),
    );
    const start = (await usage('prod-core-02')).used;
    emu.clock.advance(5 * HOUR);
    expect((await usage('prod-core-02')).used).toBeCloseTo(start + 2, 1);
  });

  it('sizes a backup from the data the model holds at its start', async () => {
    const { used } = await usage('prod-core-02');
    const { backup } = await client.createManualBackup({
      body: { instance_id: fleet.idOf('prod-core-02'), name: 'disk-model-check' },
    });
    emu.clock.advance(2 * HOUR);
    const listed = (await client.listBackups({ query: { backup_id: backup!.id! } })).backups[0]!;
    expect(listed.status).toBe('COMPLETED');
    // Compressed at 38–48 % of the data (backups/model.ts).
    expect(listed.size! / (used * 1024)).toBeGreaterThan(0.37);
    expect(listed.size! / (used * 1024)).toBeLessThan(0.49);
  });
});
