import { createGaussDbClient, GaussDbApiError, type GaussDbClient } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instancesCollection, type InstanceDoc } from '../src/domain/instance-model';
import { instanceOpsCollection } from '../src/domain/instance-ops/ops-state';
import { createBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

/**
 * 4.7.1–4.7.6: backup policy, automatic backups on the emulator clock, manual backups, the list with its
 * filters, download links, deleting, and the recycle bin's final backup. Over HTTP with the real client
 * (responses parsed by the descriptors) and raw calls for requests the client would refuse.
 */

const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let t: TestEmulator;
let client: GaussDbClient;

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

/** Creates an instance and lets its create job finish (it is ACTIVE and its first backup has started). */
async function activeInstance(name: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await client.createInstance({
    body: createBody({ name, ...overrides }) as Parameters<GaussDbClient['createInstance']>[0]['body'],
  });
  t.emu.clock.advance(30 * MIN);
  return res.instance!.id;
}

const store = () => t.emu.runtime.store;
const instanceDoc = (id: string) => store().collection(instancesCollection).get(t.pid, id)!;
const patch = (id: string, change: Partial<InstanceDoc>) =>
  store()
    .collection(instancesCollection)
    .update(t.pid, id, (d) => ({ ...d, ...change }));
const list = (
  query: Parameters<GaussDbClient['listBackups']>[0] extends infer A
    ? A extends { query?: infer Q }
      ? Q
      : never
    : never,
) => client.listBackups({ query });
const autos = async (instance_id: string) =>
  (await list({ instance_id, backup_type: 'auto', limit: 100 })).backups;

describe('backup policy (4.7.1, 4.7.2)', () => {
  let id = '';
  beforeAll(async () => {
    id = await activeInstance('policy-01', { backup_strategy: { start_time: '21:00-22:00', keep_days: 3 } });
  });

  it('starts with the backup_strategy the instance was created with and the service defaults', async () => {
    const { backup_policy } = await client.getBackupPolicy({ path: { instance_id: id } });
    expect(backup_policy).toMatchObject({
      keep_days: 3,
      start_time: '21:00-22:00',
      period: '1,2,3,4,5,6,7',
      differential_period: '30',
      file_split_size: 4,
      enable_standby_backup: false,
    });
  });

  it('replaces the policy, and the instance list shows the new window and retention', async () => {
    await client.setBackupPolicy({
      path: { instance_id: id },
      body: {
        backup_policy: {
          keep_days: 10,
          start_time: '23:00-00:00',
          period: '1,3,5',
          differential_period: 60,
          rate_limit: 75,
          file_split_size: 8,
          enable_standby_backup: 'false',
        },
      },
    });
    const { backup_policy } = await client.getBackupPolicy({ path: { instance_id: id } });
    expect(backup_policy).toMatchObject({
      keep_days: 10,
      start_time: '23:00-00:00',
      period: '1,3,5',
      differential_period: '60',
      rate_limit: 75,
      file_split_size: 8,
      filesplit_size: 8,
    });
    const listed = await client.listInstances({ query: { id } });
    expect(listed.instances[0]!.backup_strategy).toMatchObject({ start_time: '23:00-00:00', keep_days: 10 });
  });

  it.each([
    [{ keep_days: 0, start_time: '01:00-02:00', period: '1', differential_period: '30' }, 'DBS.280214'],
    [{ keep_days: 7, start_time: '01:30-02:30', period: '1', differential_period: '30' }, 'DBS.280216'],
    [{ keep_days: 7, start_time: '01:00-02:00', period: '1,1', differential_period: '30' }, 'DBS.280215'],
    [{ keep_days: 7, start_time: '01:00-02:00', period: '1', differential_period: '45' }, 'DBS.280618'],
    [
      { keep_days: 7, start_time: '01:00-02:00', period: '1', differential_period: '30', file_split_size: 5 },
      'DBS.200001',
    ],
  ])('refuses a policy breaking a rule: %j → %s', async (policy, code) => {
    const res = await t.call('PUT', `/v3/${t.pid}/instances/${id}/backups/policy`, {
      body: { backup_policy: policy },
    });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe(code);
  });

  it('refuses standby backup on an engine below 3.100 or a single-node instance (4.7.1) with DBS.200040, and allows turning it off', async () => {
    const id = await activeInstance('policy-standby');
    const body = (enable: boolean) => ({
      backup_policy: {
        keep_days: 7,
        start_time: '01:00-02:00',
        period: '1',
        differential_period: '30',
        enable_standby_backup: enable,
      },
    });
    await client.setBackupPolicy({ path: { instance_id: id }, body: body(true) });
    expect(
      (await client.getBackupPolicy({ path: { instance_id: id } })).backup_policy.enable_standby_backup,
    ).toBe(true);
    const doc = instanceDoc(id);
    patch(id, { datastore: { ...doc.datastore, version: '3.000' } });
    const res = await t.call('PUT', `/v3/${t.pid}/instances/${id}/backups/policy`, { body: body(true) });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.200040');
    expect(res.body.error_msg).toMatch(/enable_standby_backup.*3\.100/);
    await client.setBackupPolicy({ path: { instance_id: id }, body: body(false) });
    patch(id, { datastore: doc.datastore, nodes: doc.nodes.slice(0, 1) });
    const single = await t.call('PUT', `/v3/${t.pid}/instances/${id}/backups/policy`, { body: body(true) });
    expect(single.body.error_code).toBe('DBS.200040');
    expect(single.body.error_msg).toMatch(/single-node/);
  });

  it('answers 404 DBS.200002 for an unknown instance and DBS.200086 while the instance is being created', async () => {
    expect(
      await failure(
        client.getBackupPolicy({ path: { instance_id: 'ffffffffffffffffffffffffffffffffin14' } }),
      ),
    ).toEqual({ status: 404, code: 'DBS.200002' });
    const building = await client.createInstance({
      body: createBody({ name: 'policy-build' }) as Parameters<GaussDbClient['createInstance']>[0]['body'],
    });
    const body = {
      backup_policy: { keep_days: 7, start_time: '01:00-02:00', period: '1', differential_period: '30' },
    };
    expect(
      await failure(client.setBackupPolicy({ path: { instance_id: building.instance!.id }, body })),
    ).toEqual({ status: 400, code: 'DBS.200086' });
    t.emu.clock.advance(30 * MIN);
  });
});

describe('automatic backups on the emulator clock', () => {
  it('takes a first full backup as soon as a new instance is ACTIVE: BUILDING, then COMPLETED with a size', async () => {
    const id = await activeInstance('auto-first');
    const [first] = await autos(id);
    expect(first).toMatchObject({
      type: 'auto',
      status: 'BUILDING',
      instance_id: id,
      datastore: { type: 'GaussDB', version: '8.201' },
    });
    expect(first!.name).toMatch(/^GaussDB-auto-first-\d{17}$/);
    t.emu.clock.advance(HOUR);
    const [done] = await autos(id);
    expect(done!.status).toBe('COMPLETED');
    expect(done!.size).toBeGreaterThan(0);
    expect(Date.parse(done!.end_time!.replace(/\+0000$/, 'Z'))).toBeGreaterThan(
      Date.parse(done!.begin_time!.replace(/\+0000$/, 'Z')),
    );
  });

  it('takes one full backup a day inside the policy window, on the policy weekdays only', async () => {
    const id = await activeInstance('auto-daily');
    await client.setBackupPolicy({
      path: { instance_id: id },
      body: {
        backup_policy: {
          keep_days: 30,
          start_time: '02:00-03:00',
          period: '1,2,3,4,5,6,7',
          differential_period: '1440',
        },
      },
    });
    t.emu.clock.advance(3 * DAY);
    const daily = (await autos(id)).slice(0, 3);
    expect(daily).toHaveLength(3);
    for (const b of daily) {
      expect(b.begin_time).toMatch(/T02:\d{2}:00\+0000$/);
      expect(b.status).toBe('COMPLETED');
    }
    expect(new Set(daily.map((b) => b.begin_time!.slice(0, 10))).size).toBe(3);

    // Thursday only (2026-01-15 is a Thursday): one more backup in the next seven days.
    await client.setBackupPolicy({
      path: { instance_id: id },
      body: {
        backup_policy: { keep_days: 30, start_time: '02:00-03:00', period: '4', differential_period: '1440' },
      },
    });
    const before = (await autos(id)).length;
    t.emu.clock.advance(7 * DAY);
    const after = await autos(id);
    expect(after.length).toBe(before + 1);
    expect(new Date(after[0]!.begin_time!.replace(/\+0000$/, 'Z')).getUTCDay()).toBe(4);
  });

  it('deletes automatic backups older than keep_days', async () => {
    const id = await activeInstance('auto-prune');
    await client.setBackupPolicy({
      path: { instance_id: id },
      body: {
        backup_policy: {
          keep_days: 2,
          start_time: '04:00-05:00',
          period: '1,2,3,4,5,6,7',
          differential_period: '1440',
        },
      },
    });
    t.emu.clock.advance(6 * DAY);
    const left = await autos(id);
    expect(left.length).toBeGreaterThanOrEqual(1);
    expect(left.length).toBeLessThanOrEqual(3);
    const cutoff = t.emu.clock.now() - 2 * DAY;
    for (const b of left)
      expect(Date.parse(b.begin_time!.replace(/\+0000$/, 'Z'))).toBeGreaterThanOrEqual(cutoff);
  });

  it('backup sizes grow with the data of the instance', async () => {
    const id = await activeInstance('auto-growth', { volume: { type: 'ULTRAHIGH', size: 400 } });
    store()
      .collection(instanceOpsCollection)
      .put({
        id,
        project_id: t.pid,
        root_password_hash: null,
        features: {},
        logger_node_id: null,
        upgrade: null,
        public_ips: [],
        auto_enlarge: null,
        usage: { used_gb: 20, at: t.emu.clock.now(), gb_per_day: 15 },
      });
    await client.setBackupPolicy({
      path: { instance_id: id },
      body: {
        backup_policy: {
          keep_days: 30,
          start_time: '03:00-04:00',
          period: '1,2,3,4,5,6,7',
          differential_period: '1440',
        },
      },
    });
    t.emu.clock.advance(4 * DAY);
    const sizes = (await autos(id)).filter((b) => b.status === 'COMPLETED').map((b) => b.size!);
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    // Newest first: each day's backup is bigger than the one before.
    for (let i = 1; i < sizes.length; i++) expect(sizes[i - 1]!).toBeGreaterThan(sizes[i]!);
  });

  it('takes incremental (Log_Xbsa) backups every differential_period; listing them needs instance_id', async () => {
    const id = await activeInstance('auto-incr');
    await client.setBackupPolicy({
      path: { instance_id: id },
      body: {
        backup_policy: {
          keep_days: 7,
          start_time: '05:00-06:00',
          period: '1,2,3,4,5,6,7',
          differential_period: '60',
        },
      },
    });
    t.emu.clock.advance(5 * HOUR);
    const incr = await list({ instance_id: id, backup_type: 'Log_Xbsa', limit: 100 });
    expect(incr.backups.length).toBeGreaterThanOrEqual(4);
    expect(incr.backups.every((b) => b.type === 'Log_Xbsa' && b.status === 'COMPLETED' && b.size! > 0)).toBe(
      true,
    );
    expect((await list({ instance_id: id, backup_type: 'xbsa' })).total_count).toBe(incr.total_count);
    const fulls = await list({ instance_id: id, limit: 100 });
    expect(fulls.backups.every((b) => b.type === 'auto' || b.type === 'manual')).toBe(true);
    const res = await t.call('GET', `/v3.1/${t.pid}/backups?backup_type=Log_Xbsa`);
    expect(res.body.error_code).toBe('DBS.280404');
  });

  it('an engine older than 3.301 has no incremental backups', async () => {
    const id = await activeInstance('auto-old', { datastore: { type: 'GaussDB', version: '3.223' } });
    t.emu.clock.advance(3 * HOUR);
    expect((await list({ instance_id: id, backup_type: 'Log_Xbsa' })).total_count).toBe(0);
  });
});

describe('manual backups (4.7.4)', () => {
  let id = '';
  beforeAll(async () => {
    id = await activeInstance('manual-01');
    t.emu.clock.advance(HOUR);
  });

  it('starts BackupSnapshotGaussDBV5Instance: the instance shows BACKING UP, the backup goes BUILDING → COMPLETED', async () => {
    const res = await client.createManualBackup({
      body: { instance_id: id, name: 'before-upgrade', description: 'manual backup before the upgrade' },
    });
    expect(res.backup).toMatchObject({
      name: 'before-upgrade',
      status: 'BUILDING',
      type: 'manual',
      instance_id: id,
      description: 'manual backup before the upgrade',
    });
    expect(res.backup!.id).toMatch(/^[0-9a-f]{32}br14$/);
    const job = await client.getJob({ query: { id: res.job_id! } });
    expect(job.job).toMatchObject({ name: 'BackupSnapshotGaussDBV5Instance', status: 'Running' });
    expect(instanceDoc(id).status).toBe('BACKING UP');

    expect(
      await failure(client.createManualBackup({ body: { instance_id: id, name: 'second-one' } })),
    ).toEqual({ status: 409, code: 'DBS.201205' });

    t.emu.clock.advance(HOUR);
    expect(instanceDoc(id).status).toBe('ACTIVE');
    const [done] = (await list({ backup_id: res.backup!.id })).backups;
    expect(done).toMatchObject({ status: 'COMPLETED', type: 'manual' });
    expect(done!.size).toBeGreaterThan(0);
    expect((await client.getJob({ query: { id: res.job_id! } })).job).toMatchObject({ status: 'Completed' });
  });

  it('refuses a name the instance already has a backup with: 409 DBS.201201', async () => {
    expect(
      await failure(client.createManualBackup({ body: { instance_id: id, name: 'before-upgrade' } })),
    ).toEqual({ status: 409, code: 'DBS.201201' });
  });

  it.each([
    [{ name: '1abc' }, 'DBS.201210'],
    [{ name: 'abc' }, 'DBS.201210'],
    [{ name: 'good-name', description: 'a=b' }, 'DBS.280127'],
    [{ name: 'good-name', description: 'x'.repeat(257) }, 'DBS.280127'],
  ])('refuses %j with %s', async (fields, code) => {
    const res = await t.call('POST', `/v3/${t.pid}/backups`, { body: { instance_id: id, ...fields } });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe(code);
  });

  it('refuses unknown, frozen, failed and node-stopped instances with their codes', async () => {
    expect(
      await failure(
        client.createManualBackup({
          body: { instance_id: 'ffffffffffffffffffffffffffffffffin14', name: 'nowhere' },
        }),
      ),
    ).toEqual({ status: 404, code: 'DBS.200002' });
    patch(id, { frozen: true });
    expect(
      await failure(client.createManualBackup({ body: { instance_id: id, name: 'frozen-one' } })),
    ).toEqual({ status: 400, code: 'DBS.280449' });
    patch(id, { frozen: false, status: 'FAILED' });
    expect(
      await failure(client.createManualBackup({ body: { instance_id: id, name: 'failed-one' } })),
    ).toEqual({ status: 400, code: 'DBS.200086' });
    const inst = patch(id, { status: 'ACTIVE' })!;
    patch(id, { nodes: inst.nodes.map((n, i) => (i === 2 ? { ...n, status: 'STOPPED' } : n)) });
    expect(
      await failure(client.createManualBackup({ body: { instance_id: id, name: 'stopped-one' } })),
    ).toEqual({ status: 400, code: 'DBS.200086' });
    patch(id, { nodes: inst.nodes });
  });

  it('a failed job leaves the backup FAILED and the instance ACTIVE', async () => {
    t.emu.runtime.jobs.planFailure(
      'BackupSnapshotGaussDBV5Instance',
      'The backup agent lost the connection.',
    );
    const res = await client.createManualBackup({ body: { instance_id: id, name: 'doomed-backup' } });
    t.emu.clock.advance(HOUR);
    const [b] = (await list({ backup_id: res.backup!.id })).backups;
    expect(b).toMatchObject({ status: 'FAILED', size: 0 });
    expect(instanceDoc(id).status).toBe('ACTIVE');
  });
});

describe('listing backups (4.7.3)', () => {
  let id = '';
  beforeAll(async () => {
    id = await activeInstance('list-01');
    await client.setBackupPolicy({
      path: { instance_id: id },
      body: {
        backup_policy: {
          keep_days: 7,
          start_time: '06:00-07:00',
          period: '1,2,3,4,5,6,7',
          differential_period: '1440',
        },
      },
    });
    t.emu.clock.advance(3 * DAY);
    await client.createManualBackup({ body: { instance_id: id, name: 'list-manual' } });
    t.emu.clock.advance(HOUR);
  });

  it('filters by type and id, newest first, with total_count and paging', async () => {
    const all = await list({ instance_id: id });
    expect(all.total_count).toBe(5);
    expect(all.backups[0]!.name).toBe('list-manual');
    const begins = all.backups.map((b) => b.begin_time!);
    expect([...begins].sort().reverse()).toEqual(begins);
    expect((await list({ instance_id: id, backup_type: 'manual' })).backups.map((b) => b.name)).toEqual([
      'list-manual',
    ]);
    expect((await list({ instance_id: id, backup_type: 'AUTO' })).total_count).toBe(4);
    const page = await list({ instance_id: id, offset: 1, limit: 2 });
    expect(page.total_count).toBe(5);
    expect(page.backups.map((b) => b.id)).toEqual(all.backups.slice(1, 3).map((b) => b.id));
    expect((await list({ backup_id: all.backups[2]!.id })).backups.map((b) => b.id)).toEqual([
      all.backups[2]!.id,
    ]);
  });

  it('filters by a begin_time/end_time window given with an offset (a raw "+" arrives as a space)', async () => {
    const all = await list({ instance_id: id });
    const target = all.backups[1]!;
    const at = Date.parse(target.begin_time!.replace(/\+0000$/, 'Z'));
    const local = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 19);
    const res = await t.call(
      'GET',
      `/v3.1/${t.pid}/backups?instance_id=${id}&begin_time=${local(at - MIN)}+0800&end_time=${local(at + MIN)}+0800`,
    );
    expect(res.status).toBe(200);
    expect((res.body.backups as { id: string }[]).map((b) => b.id)).toEqual([target.id]);
  });

  it('refuses an unknown instance with 404 DBS.200002 and bad filters with their codes', async () => {
    expect(await failure(list({ instance_id: 'ffffffffffffffffffffffffffffffffin14' }))).toEqual({
      status: 404,
      code: 'DBS.200002',
    });
    const bad = async (q: string) => (await t.call('GET', `/v3.1/${t.pid}/backups?${q}`)).body.error_code;
    expect(await bad('backup_type=full')).toBe('DBS.201004');
    expect(await bad('begin_time=2026-01-15T10:00:00Z&end_time=2026-01-15T09:00:00Z')).toBe('DBS.280416');
    expect(await bad('limit=101')).toBe('DBS.280439');
  });
});

describe('download links (4.7.5) and deleting manual backups (4.7.6)', () => {
  let id = '';
  let manualId = '';
  beforeAll(async () => {
    id = await activeInstance('files-01', { volume: { type: 'ULTRAHIGH', size: 200 } });
    await client.setBackupPolicy({
      path: { instance_id: id },
      body: {
        backup_policy: {
          keep_days: 7,
          start_time: '01:00-02:00',
          period: '1,2,3,4,5,6,7',
          differential_period: '60',
          file_split_size: 4,
        },
      },
    });
    t.emu.clock.advance(2 * HOUR);
    manualId = (await client.createManualBackup({ body: { instance_id: id, name: 'files-manual' } })).backup!
      .id;
  });

  it('refuses a backup still being built with DBS.201208 and deleting it with 409 DBS.201205', async () => {
    expect(await failure(client.getBackupDownloadLinks({ query: { backup_id: manualId } }))).toEqual({
      status: 400,
      code: 'DBS.201208',
    });
    expect(await failure(client.deleteManualBackup({ path: { backup_id: manualId } }))).toEqual({
      status: 409,
      code: 'DBS.201205',
    });
    t.emu.clock.advance(HOUR);
  });

  it('lists the files of a completed backup with sizes, links and their expiry', async () => {
    const [b] = (await list({ backup_id: manualId })).backups;
    const res = await client.getBackupDownloadLinks({ query: { backup_id: manualId } });
    expect(res.bucket).toBe('gaussdb-backup-region-1');
    expect(res.files.length).toBeGreaterThanOrEqual(1);
    const totalKb = res.files.reduce((s, f) => s + f.size!, 0);
    expect(Math.abs(totalKb - b!.size! * 1024)).toBeLessThan(res.files.length + 1);
    for (const f of res.files) {
      expect(f.name).toMatch(new RegExp(`^${manualId}_dn_6001_\\d{3}\\.tar\\.gz$`));
      expect(f.size!).toBeLessThanOrEqual(4 * 1024 * 1024);
      expect(f.download_link).toMatch(
        /^https:\/\/gaussdb-backup-region-1\.obs\.region-1\.example\.com\/.+\?Expires=\d+&Signature=/,
      );
    }
    const expires = Date.parse(res.files[0]!.link_expired_time!.replace(/\+0000$/, 'Z'));
    expect(expires - t.emu.clock.now()).toBeGreaterThan(4 * MIN);
    const alias = await t.call(
      'GET',
      `/v3/${t.pid}/backup-files/e28d08754b1a490fb2b3540ed013a7fbbr14?backup_id=${manualId}`,
    );
    expect(alias.status).toBe(200);
    expect((alias.body.files as unknown[]).length).toBe(res.files.length);
  });

  it('has no files for an incremental backup (DBS.200001) nor for an unknown one (404 DBS.201010)', async () => {
    const [incr] = (await list({ instance_id: id, backup_type: 'Log_Xbsa' })).backups;
    expect(await failure(client.getBackupDownloadLinks({ query: { backup_id: incr!.id } }))).toEqual({
      status: 400,
      code: 'DBS.200001',
    });
    expect(
      await failure(
        client.getBackupDownloadLinks({ query: { backup_id: 'ffffffffffffffffffffffffffffffffbr14' } }),
      ),
    ).toEqual({ status: 404, code: 'DBS.201010' });
  });

  it('deletes a manual backup, answering its id and name', async () => {
    const res = await client.deleteManualBackup({ path: { backup_id: manualId } });
    expect(res).toEqual({ backup_id: manualId, backup_name: 'files-manual' });
    expect((await list({ backup_id: manualId })).total_count).toBe(0);
    expect(await failure(client.deleteManualBackup({ path: { backup_id: manualId } }))).toEqual({
      status: 404,
      code: 'DBS.201010',
    });
  });

  it('refuses to delete an automatic backup with DBS.201218', async () => {
    const [auto] = await autos(id);
    expect(await failure(client.deleteManualBackup({ path: { backup_id: auto!.id } }))).toEqual({
      status: 400,
      code: 'DBS.201218',
    });
  });
});

describe('the recycle bin keeps a real final backup', () => {
  it('turns recycle_backup_id into a backup; automatic backups go with the instance, manual ones stay', async () => {
    const id = await activeInstance('recycled-01');
    t.emu.clock.advance(HOUR);
    const manual = (await client.createManualBackup({ body: { instance_id: id, name: 'keep-me' } })).backup!
      .id;
    t.emu.clock.advance(HOUR);
    await client.deleteInstance({ path: { instance_id: id } });
    t.emu.clock.advance(10 * MIN);
    const entry = (await client.listRecycleInstances({ query: { instance_name: 'recycled-01' } }))
      .instances[0]!;
    const finalId = entry.recycle_backup_id!;
    const left = await list({ instance_id: id });
    expect(left.backups.map((b) => b.id).sort()).toEqual([finalId, manual].sort());
    const final = left.backups.find((b) => b.id === finalId)!;
    expect(final).toMatchObject({ status: 'COMPLETED', type: 'manual' });
    expect(final.size).toBeGreaterThan(0);
    expect(
      (await client.getBackupDownloadLinks({ query: { backup_id: finalId } })).files.length,
    ).toBeGreaterThan(0);
    expect(await failure(client.deleteManualBackup({ path: { backup_id: finalId } }))).toEqual({
      status: 400,
      code: 'DBS.201208',
    });

    // Purged with the recycle-bin entry.
    t.emu.clock.advance(8 * DAY);
    expect((await list({ instance_id: id })).backups.map((b) => b.id)).toEqual([manual]);
  });
});

describe('demo seed', () => {
  let demo: TestEmulator;
  let dc: GaussDbClient;
  beforeAll(async () => {
    demo = await startTestEmulator({ seed: 'demo' });
    const { ak, sk } = demo.emu.credentials.aksk;
    dc = createGaussDbClient({
      endpoint: demo.emu.url,
      projectId: demo.pid,
      auth: { type: 'aksk', accessKey: ak, secretKey: sk },
    });
  });
  afterAll(() => demo.close());

  const demoId = (name: string) =>
    demo.emu.runtime.store
      .collection(instancesCollection)
      .all()
      .find((i) => i.name === name)!.id;

  it('has seven days of automatic backups with growing sizes in each policy window', async () => {
    const id = demoId('prod-core-01');
    const { backup_policy } = await dc.getBackupPolicy({ path: { instance_id: id } });
    expect(backup_policy).toMatchObject({ start_time: '18:00-19:00', keep_days: 14 });
    const auto = (await dc.listBackups({ query: { instance_id: id, backup_type: 'auto' } })).backups;
    expect(auto.length).toBe(7);
    expect(auto.every((b) => b.status === 'COMPLETED' && /T18:\d{2}:00\+0000$/.test(b.begin_time!))).toBe(
      true,
    );
    expect(auto[0]!.size!).toBeGreaterThan(auto[6]!.size!);
  });

  it('has manual backups (one FAILED), a failed automatic one and incremental ones', async () => {
    const manual = (await dc.listBackups({ query: { backup_type: 'manual', limit: 100 } })).backups;
    expect(manual.length).toBeGreaterThanOrEqual(4);
    expect(manual.filter((b) => b.status === 'FAILED').map((b) => b.name)).toContain('nightly-smoke-test');
    const all = (await dc.listBackups({ query: { limit: 100 } })).backups;
    expect(all.some((b) => b.type === 'auto' && b.status === 'FAILED')).toBe(true);
    expect(
      (await dc.listBackups({ query: { instance_id: demoId('prod-core-01'), backup_type: 'Log_Xbsa' } }))
        .total_count,
    ).toBeGreaterThan(20);
  });

  it('gives each recycle-bin entry its final backup', async () => {
    const recycled = (await dc.listRecycleInstances({ query: {} })).instances;
    expect(recycled.length).toBeGreaterThanOrEqual(2);
    for (const r of recycled) {
      const [b] = (await dc.listBackups({ query: { backup_id: r.recycle_backup_id! } })).backups;
      expect(b).toMatchObject({ status: 'COMPLETED', instance_id: r.id });
    }
  });

  it('has slow-log exports, one still running until the clock moves', async () => {
    const done = await dc.listSlowLogDownloads({ path: { instance_id: demoId('prod-core-01') } });
    expect(done.list.length).toBe(3);
    expect(done.list.every((e) => e.status === 'success' && e.file_link)).toBe(true);
    const running = await dc.listSlowLogDownloads({ path: { instance_id: demoId('prod-ledger-dist') } });
    expect(running.list.some((e) => e.status === 'EXPORTING')).toBe(true);
    demo.emu.clock.advance(5 * MIN);
    const later = await dc.listSlowLogDownloads({ path: { instance_id: demoId('prod-ledger-dist') } });
    expect(later.list.every((e) => e.status === 'success')).toBe(true);
  });
});
