import { createGaussDbClient, GaussDbApiError, type GaussDbClient } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupsCollection } from '../src/domain/backups/model';
import { instancesCollection, type InstanceDoc } from '../src/domain/instance-model';
import { createBody, distributedBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

/**
 * 4.7.7 restore ranges, 4.7.8 restore to a new instance, 4.7.9 restorable instances, 4.7.10 the source's shape,
 * and the recovery extension (restore over the current or an existing instance).
 */

const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0_DAY = '2026-01-15';

let t: TestEmulator;
let client: GaussDbClient;

type CreateBody = Parameters<GaussDbClient['createInstance']>[0]['body'];
type RestoreBody = Parameters<GaussDbClient['restoreToNewInstance']>[0]['body'];

beforeAll(async () => {
  t = await startTestEmulator();
  const { ak, sk } = t.emu.credentials.aksk;
  client = createGaussDbClient({
    endpoint: t.emu.url,
    projectId: t.pid,
    auth: { type: 'aksk', accessKey: ak, secretKey: sk },
  });
});
afterAll(() => t.close());

async function failure(p: Promise<unknown>): Promise<{ status: number; code: string | undefined }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GaussDbApiError) return { status: e.status, code: e.errorCode };
    throw e;
  }
  throw new Error('expected the call to fail');
}

const create = async (body: Record<string, unknown>) =>
  (await client.createInstance({ body: body as CreateBody })).instance!.id;
const doc = (id: string) => t.emu.runtime.store.collection(instancesCollection).get(t.pid, id)!;
const patch = (id: string, change: Partial<InstanceDoc>) =>
  t.emu.runtime.store.collection(instancesCollection).update(t.pid, id, (d) => ({ ...d, ...change }));
const ms = (time: string) => Date.parse(time.replace(/\+0000$/, 'Z'));
const fulls = async (instance_id: string) =>
  (await client.listBackups({ query: { instance_id, limit: 100 } })).backups;
const jobName = async (id: string) => (await client.getJob({ query: { id } })).job;

const restoreBody = (overrides: Partial<RestoreBody> & Pick<RestoreBody, 'restore_point'>): RestoreBody => ({
  name: 'restored-01',
  availability_zone: 'az1xahz,az2xahz,az3xahz',
  flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
  volume: { type: 'ULTRAHIGH', size: 40 },
  vpc_id: 'vpc-t',
  subnet_id: 'subnet-t',
  password: 'Test@pass2026x',
  ...overrides,
});

// Fleet: a centralized source with two days of backups, a compatible target, and instances that do not fit.
let src = '';
let target = '';
let oldEngine = '';
let arm = '';
let dist = '';

beforeAll(async () => {
  src = await create(
    createBody({ name: 'rs-src', backup_strategy: { start_time: '02:00-03:00', keep_days: 7 } }),
  );
  target = await create(
    createBody({
      name: 'rs-target',
      flavor_ref: 'gaussdb.opengauss.ee.m6.xlarge.x868.ha',
      volume: { type: 'ULTRAHIGH', size: 80 },
    }),
  );
  oldEngine = await create(createBody({ name: 'rs-old', datastore: { type: 'GaussDB', version: '8.102' } }));
  arm = await create(createBody({ name: 'rs-arm', flavor_ref: 'gaussdb.opengauss.ee.km1.2xlarge.arm8.ha' }));
  dist = await create(distributedBody({ name: 'rs-dist' }));
  // Created, then two days of automatic backups (each instance's first one starts as it turns ACTIVE).
  t.emu.clock.advance(30 * MIN);
  t.emu.clock.advance(2 * DAY);
});

describe('restorable time ranges (4.7.7)', () => {
  it('opens a range at the end of each full backup that runs to the next one (less a second), the newest to now', async () => {
    const backups = (await fulls(src)).filter((b) => b.status === 'COMPLETED').reverse();
    expect(backups.length).toBe(3);
    const first = await client.listRestoreTimes({ path: { instance_id: src }, query: { date: T0_DAY } });
    expect(first.restore_time).toEqual([
      { start_time: ms(backups[0]!.end_time!), end_time: Date.UTC(2026, 0, 15, 23, 59, 59, 999) },
    ]);
    const second = await client.listRestoreTimes({
      path: { instance_id: src },
      query: { date: '2026-01-16' },
    });
    expect(second.restore_time).toEqual([
      { start_time: Date.UTC(2026, 0, 16), end_time: ms(backups[1]!.end_time!) - 1000 },
      { start_time: ms(backups[1]!.end_time!), end_time: Date.UTC(2026, 0, 16, 23, 59, 59, 999) },
    ]);
    const today = await client.listRestoreTimes({
      path: { instance_id: src },
      query: { date: '2026-01-17' },
    });
    expect(today.restore_time.at(-1)!.end_time).toBe(t.emu.clock.now());
  });

  it('has no ranges before the first backup or in the future', async () => {
    expect(
      (await client.listRestoreTimes({ path: { instance_id: src }, query: { date: '2026-01-10' } }))
        .restore_time,
    ).toEqual([]);
    expect(
      (await client.listRestoreTimes({ path: { instance_id: src }, query: { date: '2026-02-01' } }))
        .restore_time,
    ).toEqual([]);
  });

  it('refuses an unknown instance with 404 DBS.200002 and a date that is not yyyy-mm-dd with DBS.200001', async () => {
    expect(
      await failure(
        client.listRestoreTimes({
          path: { instance_id: 'ffffffffffffffffffffffffffffffffin14' },
          query: { date: T0_DAY },
        }),
      ),
    ).toEqual({ status: 404, code: 'DBS.200002' });
    const res = await t.call('GET', `/v3/${t.pid}/instances/${src}/restore-time?date=2026-02-30`);
    expect(res.body.error_code).toBe('DBS.200001');
  });
});

describe("the source's shape (4.7.10) and restorable instances (4.7.9)", () => {
  it("answers the instance's topology, flavor and disk as they were at a backup", async () => {
    const [latest] = await fulls(src);
    const expected = {
      cluster_mode: 'Ha',
      instance_mode: 'enterprise',
      data_volume_size: 40,
      solution: 'triset',
      node_num: 3,
      coordinator_num: 0,
      sharding_num: 1,
      replica_num: 3,
      engine_version: '8.201.0',
    };
    expect(await client.getInstanceSnapshot({ query: { backup_id: latest!.id } })).toMatchObject(expected);
    // The disk grows afterwards: the backup still shows the old size, the instance now the new one.
    patch(src, { volume: { type: 'ULTRAHIGH', size: 80 } });
    expect((await client.getInstanceSnapshot({ query: { backup_id: latest!.id } })).data_volume_size).toBe(
      40,
    );
    expect((await client.getInstanceSnapshot({ query: { instance_id: src } })).data_volume_size).toBe(80);
    patch(src, { volume: { type: 'ULTRAHIGH', size: 40 } });
    const pit = String(t.emu.clock.now() - 3 * HOUR);
    expect(
      await client.getInstanceSnapshot({ query: { instance_id: src, restore_time: pit } }),
    ).toMatchObject(expected);
    const shard = await client.getInstanceSnapshot({ query: { instance_id: dist } });
    expect(shard).toMatchObject({
      cluster_mode: 'Independent',
      solution: 'hws',
      sharding_num: 3,
      coordinator_num: 3,
      node_num: 12,
      data_volume_size: 480,
    });
  });

  it('refuses a time outside every range, an unknown backup and a backup of another instance', async () => {
    expect(
      await failure(
        client.getInstanceSnapshot({
          query: { instance_id: src, restore_time: String(Date.UTC(2026, 0, 10)) },
        }),
      ),
    ).toEqual({ status: 400, code: 'DBS.200001' });
    expect(
      await failure(
        client.getInstanceSnapshot({ query: { backup_id: 'ffffffffffffffffffffffffffffffffbr14' } }),
      ),
    ).toEqual({ status: 404, code: 'DBS.201010' });
    const [other] = await fulls(target);
    expect(
      await failure(client.getInstanceSnapshot({ query: { instance_id: src, backup_id: other!.id } })),
    ).toEqual({ status: 400, code: 'DBS.201203' });
    expect(
      await failure(
        client.getInstanceSnapshot({
          query: { instance_id: 'ffffffffffffffffffffffffffffffffin14', restore_time: '1768464000000' },
        }),
      ),
    ).toEqual({ status: 404, code: 'DBS.200013' });
    expect((await t.call('GET', `/v3/${t.pid}/instance-snapshot`)).body.error_code).toBe('DBS.200001');
  });

  it('lists the ACTIVE instances of the same engine, mode and architecture with enough disk, the source included', async () => {
    const [latest] = await fulls(src);
    const res = await client.listRestorableInstances({
      query: { source_instance_id: src, backup_id: latest!.id },
    });
    expect(res.instances.map((i) => i.instance_name).sort()).toEqual(['rs-src', 'rs-target']);
    expect(res.total_count).toBe(2);
    expect(res.instances.find((i) => i.instance_id === target)).toMatchObject({
      volume_type: 'ULTRAHIGH',
      data_volume_size: 80,
      version: '8.201',
      mode: 'Ha',
      instance_mode: 'enterprise',
    });
    const page = await client.listRestorableInstances({
      query: { source_instance_id: src, offset: 1, limit: 1 },
    });
    expect(page.total_count).toBe(2);
    expect(page.instances).toHaveLength(1);
    // A target in the middle of an operation cannot receive a restore now.
    patch(target, { status: 'REBOOTING' });
    expect(
      (await client.listRestorableInstances({ query: { source_instance_id: src } })).instances.map(
        (i) => i.instance_name,
      ),
    ).toEqual(['rs-src']);
    patch(target, { status: 'ACTIVE' });
    expect(
      await failure(
        client.listRestorableInstances({
          query: { source_instance_id: 'ffffffffffffffffffffffffffffffffin14' },
        }),
      ),
    ).toEqual({ status: 404, code: 'DBS.200013' });
  });
});

describe('restore to a new instance (4.7.8)', () => {
  it('builds a new instance of the source kind from a backup with CloneGaussDBV5NewInstance', async () => {
    const [latest] = await fulls(src);
    const res = await client.restoreToNewInstance({
      body: restoreBody({
        name: 'rs-clone-backup',
        restore_point: { instance_id: src, type: 'backup', backup_id: latest!.id },
      }),
    });
    expect(res.instance).toMatchObject({
      name: 'rs-clone-backup',
      status: 'BUILD',
      datastore: { type: 'GaussDB', version: '8.201' },
      ha: { mode: 'centralization_standard' },
      port: '8000',
      volume: { size: 40 },
      enable_parallel_restore: false,
    });
    expect(await jobName(res.job_id!)).toMatchObject({
      name: 'CloneGaussDBV5NewInstance',
      status: 'Running',
    });
    expect(doc(res.instance!.id).status).toBe('BUILD');
    t.emu.clock.advance(HOUR);
    const listed = (await client.listInstances({ query: { id: res.instance!.id } })).instances[0]!;
    expect(listed).toMatchObject({ status: 'ACTIVE', type: 'Centralization_standard' });
    expect(listed.nodes).toHaveLength(3);
    expect(listed.nodes!.every((n) => n.status === 'ACTIVE')).toBe(true);
    expect((await jobName(res.job_id!)).status).toBe('Completed');
  });

  it('restores a point in time inside a range (restore_point.type "timestamp")', async () => {
    const pit = t.emu.clock.now() - 5 * HOUR;
    const res = await client.restoreToNewInstance({
      body: restoreBody({
        name: 'rs-clone-pitr',
        volume: { type: 'ULTRAHIGH', size: 80 },
        restore_point: { instance_id: src, type: 'timestamp', restore_time: pit },
      }),
    });
    expect(res.instance).toMatchObject({ status: 'BUILD', volume: { size: 80 } });
    t.emu.clock.advance(HOUR);
    expect(doc(res.instance!.id).status).toBe('ACTIVE');
  });

  it("rebuilds a distributed source's shards and coordinators", async () => {
    const [latest] = await fulls(dist);
    const body = restoreBody({
      name: 'rs-clone-dist',
      flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in',
      volume: { type: 'ULTRAHIGH', size: 480 },
      restore_point: { instance_id: dist, type: 'backup', backup_id: latest!.id },
    });
    const res = await client.restoreToNewInstance({ body });
    t.emu.clock.advance(2 * HOUR);
    const clone = doc(res.instance!.id);
    expect(clone).toMatchObject({
      status: 'ACTIVE',
      mode: 'enterprise',
      shard_num: 3,
      coordinator_num: 3,
      solution: 'hws',
    });
    expect(clone.nodes.filter((n) => n.kind === 'cn')).toHaveLength(3);
    expect(clone.nodes.filter((n) => n.kind === 'dn')).toHaveLength(9);
  });

  it('refuses a target smaller than the source or of another kind with the documented codes', async () => {
    const [c] = await fulls(src);
    const [d] = await fulls(dist);
    const central = { instance_id: src, type: 'backup' as const, backup_id: c!.id };
    const shards = { instance_id: dist, type: 'backup' as const, backup_id: d!.id };
    const distFlavor = 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in';
    const cases: [RestoreBody, number, string][] = [
      [
        restoreBody({ flavor_ref: 'gaussdb.opengauss.ee.m6.xlarge.x868.ha', restore_point: central }),
        400,
        'DBS.280661',
      ],
      [
        restoreBody({ flavor_ref: 'gaussdb.opengauss.ee.km1.2xlarge.arm8.ha', restore_point: central }),
        400,
        'DBS.06280032',
      ],
      [restoreBody({ flavor_ref: distFlavor, restore_point: central }), 400, 'DBS.280288'],
      [restoreBody({ flavor_ref: 'gaussdb.opengauss.ee.nope', restore_point: central }), 400, 'DBS.280288'],
      [
        restoreBody({
          flavor_ref: distFlavor,
          volume: { type: 'ULTRAHIGH', size: 468 },
          restore_point: shards,
        }),
        400,
        'DBS.200023',
      ],
      [
        restoreBody({
          flavor_ref: distFlavor,
          volume: { type: 'ULTRAHIGH', size: 484 },
          restore_point: shards,
        }),
        400,
        'DBS.280611',
      ],
      [
        restoreBody({
          flavor_ref: distFlavor,
          volume: { type: 'ULTRAHIGH', size: 49164 },
          restore_point: shards,
        }),
        400,
        'DBS.280612',
      ],
      [
        restoreBody({ availability_zone: 'az1xahz,az2xahz,az9xahz', restore_point: central }),
        400,
        'DBS.200025',
      ],
    ];
    for (const [body, status, code] of cases)
      expect({ body: body.name, ...(await failure(client.restoreToNewInstance({ body }))) }).toEqual({
        body: body.name,
        status,
        code,
      });
  });

  it('refuses a source that cannot be restored with the documented codes', async () => {
    const [other] = await fulls(target);
    const cases: [RestoreBody['restore_point'], number, string][] = [
      [
        { instance_id: src, type: 'backup', backup_id: 'ffffffffffffffffffffffffffffffffbr14' },
        404,
        'DBS.201010',
      ],
      [{ instance_id: src, type: 'backup', backup_id: other!.id }, 400, 'DBS.201203'],
      [{ instance_id: src, type: 'timestamp', restore_time: Date.UTC(2026, 0, 10) }, 400, 'DBS.200001'],
      [{ instance_id: src, type: 'timestamp', restore_time: t.emu.clock.now() + HOUR }, 400, 'DBS.200001'],
      [
        {
          instance_id: 'ffffffffffffffffffffffffffffffffin14',
          type: 'timestamp',
          restore_time: Date.UTC(2026, 0, 16),
        },
        404,
        'DBS.200013',
      ],
    ];
    for (const [restore_point, status, code] of cases)
      expect(await failure(client.restoreToNewInstance({ body: restoreBody({ restore_point }) }))).toEqual({
        status,
        code,
      });
    // Without type, exactly one of backup_id and restore_time decides (BKP-7): both is refused.
    const both = await t.call('POST', `/v3/${t.pid}/instances`, {
      body: {
        ...restoreBody({ restore_point: { instance_id: src, type: 'backup' } }),
        restore_point: { instance_id: src, backup_id: other!.id, restore_time: 1 },
      },
    });
    expect(both.status).toBe(400);
    expect(both.body.error_code).toBe('DBS.200001');
  });

  it('refuses a backup that is still being built or failed with DBS.301024', async () => {
    const building = await client.createManualBackup({ body: { instance_id: src, name: 'rs-building' } });
    expect(
      await failure(
        client.restoreToNewInstance({
          body: restoreBody({
            restore_point: { instance_id: src, type: 'backup', backup_id: building.backup!.id },
          }),
        }),
      ),
    ).toEqual({ status: 400, code: 'DBS.301024' });
    t.emu.clock.advance(HOUR);
    t.emu.runtime.jobs.planFailure('BackupSnapshotGaussDBV5Instance', 'disk error');
    const failed = await client.createManualBackup({ body: { instance_id: src, name: 'rs-failed' } });
    t.emu.clock.advance(HOUR);
    expect(
      await failure(
        client.restoreToNewInstance({
          body: restoreBody({
            restore_point: { instance_id: src, type: 'backup', backup_id: failed.backup!.id },
          }),
        }),
      ),
    ).toEqual({ status: 400, code: 'DBS.301024' });
  });

  it("restores a deleted instance from the recycle bin's final backup", async () => {
    const gone = await create(createBody({ name: 'rs-gone' }));
    t.emu.clock.advance(HOUR);
    await client.deleteInstance({ path: { instance_id: gone } });
    t.emu.clock.advance(10 * MIN);
    const entry = (await client.listRecycleInstances({ query: { instance_name: 'rs-gone' } })).instances[0]!;
    const res = await client.restoreToNewInstance({
      body: restoreBody({
        name: 'rs-reborn',
        restore_point: { instance_id: gone, type: 'backup', backup_id: entry.recycle_backup_id! },
      }),
    });
    expect(res.instance).toMatchObject({ name: 'rs-reborn', status: 'BUILD' });
  });
});

describe('restore over the current or an existing instance (recovery extension)', () => {
  it('restores the instance itself with RestoreGaussDBV5Instance: RESTORING, then ACTIVE', async () => {
    const [latest] = (await fulls(src)).filter((b) => b.status === 'COMPLETED');
    const res = await client.restoreToExistingInstance({
      body: {
        source: { instance_id: src, type: 'backup', backup_id: latest!.id },
        target: { instance_id: src },
      },
    });
    expect(await jobName(res.job_id!)).toMatchObject({ name: 'RestoreGaussDBV5Instance', status: 'Running' });
    expect(doc(src).status).toBe('RESTORING');
    expect(
      await failure(
        client.restoreToExistingInstance({
          body: {
            source: { instance_id: src, type: 'backup', backup_id: latest!.id },
            target: { instance_id: src },
          },
        }),
      ),
    ).toEqual({ status: 409, code: 'DBS.200011' });
    t.emu.clock.advance(HOUR);
    expect(doc(src).status).toBe('ACTIVE');
    expect((await jobName(res.job_id!)).status).toBe('Completed');
  });

  it('restores a point in time over another instance with RestoreGaussDBV5InstanceToExistedInst', async () => {
    const res = await client.restoreToExistingInstance({
      body: {
        source: { instance_id: src, type: 'timestamp', restore_time: t.emu.clock.now() - 2 * HOUR },
        target: { instance_id: target },
      },
    });
    expect((await jobName(res.job_id!)).name).toBe('RestoreGaussDBV5InstanceToExistedInst');
    expect(doc(target).status).toBe('RESTORING');
    t.emu.clock.advance(HOUR);
    expect(doc(target).status).toBe('ACTIVE');
  });

  it('refuses targets that cannot receive the data with their codes', async () => {
    const [latest] = (await fulls(src)).filter((b) => b.status === 'COMPLETED');
    const source = { instance_id: src, type: 'backup' as const, backup_id: latest!.id };
    const to = (instance_id: string) =>
      client.restoreToExistingInstance({ body: { source, target: { instance_id } } });
    expect(await failure(to(oldEngine))).toEqual({ status: 400, code: 'DBS.201207' });
    expect(await failure(to(dist))).toEqual({ status: 400, code: 'DBS.280661' });
    expect(await failure(to(arm))).toEqual({ status: 400, code: 'DBS.06280032' });
    expect(await failure(to('ffffffffffffffffffffffffffffffffin14'))).toEqual({
      status: 404,
      code: 'DBS.200002',
    });
    // The source's data size follows its (random) id, 3-24 GB on 40 GB: a disk one GB short of the backup's data.
    const needGb = Math.ceil(
      t.emu.runtime.store.collection(backupsCollection).get(t.pid, latest!.id)!.source.data_gb,
    );
    patch(target, { volume: { type: 'ULTRAHIGH', size: needGb - 1 } });
    expect(await failure(to(target))).toEqual({ status: 400, code: 'DBS.200023' });
    patch(target, { volume: { type: 'ULTRAHIGH', size: 80 } });
    patch(target, { status: 'FAILED' });
    expect(await failure(to(target))).toEqual({ status: 400, code: 'DBS.200086' });
    patch(target, { status: 'ACTIVE' });
  });

  it('waits for a backup of the target in progress: 409 DBS.201205', async () => {
    const fresh = await create(createBody({ name: 'rs-fresh' }));
    t.emu.clock.advance(30 * MIN);
    // Its first automatic backup has just started.
    expect((await fulls(fresh))[0]!.status).toBe('BUILDING');
    const [latest] = (await fulls(src)).filter((b) => b.status === 'COMPLETED');
    expect(
      await failure(
        client.restoreToExistingInstance({
          body: {
            source: { instance_id: src, type: 'backup', backup_id: latest!.id },
            target: { instance_id: fresh },
          },
        }),
      ),
    ).toEqual({ status: 409, code: 'DBS.201205' });
  });

  it('requires source.type (DBS.200001)', async () => {
    const res = await t.call('POST', `/v3/${t.pid}/instances/recovery`, {
      body: {
        source: { instance_id: src, restore_time: t.emu.clock.now() - HOUR },
        target: { instance_id: src },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.200001');
  });
});
