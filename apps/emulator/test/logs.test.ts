import { createGaussDbClient, GaussDbApiError, type GaussDbClient } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instancesCollection, type InstanceDoc } from '../src/domain/instance-model';
import { slowLogExportsCollection } from '../src/domain/logs/model';
import { createBody, distributedBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

/** 4.8.1 / 4.8.2: slow-log exports per node, EXPORTING until the emulator clock has moved on, then success. */

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

type CreateBody = Parameters<GaussDbClient['createInstance']>[0]['body'];

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
const start = (instance_id: string) => client.createSlowLogDownload({ path: { instance_id } });
const read = (instance_id: string) => client.listSlowLogDownloads({ path: { instance_id } });

describe('slow-log exports (4.8.1, 4.8.2)', () => {
  let id = '';
  beforeAll(async () => {
    id = await create(createBody({ name: 'logs-01' }));
    t.emu.clock.advance(30 * MIN);
  });

  it('answers the first request with an empty list (202) and starts one export per node', async () => {
    const res = await t.call('POST', `/v3/${t.pid}/instances/${id}/slow-log/download`);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ list: [] });
    const { list } = await read(id);
    const nodes = doc(id).nodes;
    expect(list.map((e) => e.node_id).sort()).toEqual(nodes.map((n) => n.id).sort());
    for (const e of list) {
      expect(e).toMatchObject({
        instance_id: id,
        status: 'EXPORTING',
        file_size: '0.0',
        bucket_name: null,
        version: null,
        message: null,
      });
      expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.file_name).toMatch(new RegExp(`^${t.pid}_slowlog_download__${e.node_id}\\d{17}$`));
      expect(e.created_at).toBeLessThanOrEqual(t.emu.clock.now());
    }
  });

  it('answers the running exports to a second request without starting new ones', async () => {
    const before = (await read(id)).list.map((e) => e.id).sort();
    const again = await start(id);
    expect(again.list.map((e) => e.id).sort()).toEqual(before);
  });

  it('turns each export to success with its size and link once the clock has moved on', async () => {
    t.emu.clock.advance(5 * MIN);
    const { list } = await read(id);
    for (const e of list) {
      expect(e.status).toBe('success');
      expect(Number(e.file_size)).toBeGreaterThan(0);
      expect(e.file_size).toMatch(/^\d+\.0$/);
      expect(e.file_link).toMatch(
        new RegExp(
          `^https://gaussdb-slowlog-region-1\\.obs\\.region-1\\.example\\.com/${id}/${e.file_name}\\?Expires=\\d+&Signature=`,
        ),
      );
      expect(e.updated_at!).toBeGreaterThan(e.created_at!);
    }
  });

  it('starts a fresh set after the last one finished and answers it', async () => {
    const old = (await read(id)).list.map((e) => e.id);
    const fresh = await start(id);
    expect(fresh.list).toHaveLength(old.length);
    expect(fresh.list.every((e) => e.status === 'EXPORTING' && !old.includes(e.id))).toBe(true);
    expect((await read(id)).list.map((e) => e.id).sort()).toEqual(fresh.list.map((e) => e.id).sort());
  });

  it('exports every node of a distributed instance, coordinators included', async () => {
    const dist = await create(distributedBody({ name: 'logs-dist' }));
    t.emu.clock.advance(30 * MIN);
    await start(dist);
    expect((await read(dist)).list).toHaveLength(doc(dist).nodes.length);
  });

  it('marks the export of a stopped node failed at once', async () => {
    const stopped = await create(createBody({ name: 'logs-stopped' }));
    t.emu.clock.advance(30 * MIN);
    const inst = doc(stopped);
    patch(stopped, { nodes: inst.nodes.map((n, i) => (i === 2 ? { ...n, status: 'STOPPED' } : n)) });
    await start(stopped);
    const { list } = await read(stopped);
    const failed = list.filter((e) => e.status === 'failed');
    expect(failed.map((e) => e.node_id)).toEqual([inst.nodes[2]!.id]);
    expect(failed[0]!.message).toMatch(/stopped/);
  });

  it('refuses an instance being created (DBS.200086), a frozen one (DBS.280449) and an unknown one (404 DBS.200002)', async () => {
    const building = await create(createBody({ name: 'logs-build' }));
    expect(await failure(start(building))).toEqual({ status: 400, code: 'DBS.200086' });
    expect((await read(building)).list).toEqual([]);
    patch(id, { frozen: true });
    expect(await failure(start(id))).toEqual({ status: 400, code: 'DBS.280449' });
    patch(id, { frozen: false });
    expect(await failure(read('ffffffffffffffffffffffffffffffffin14'))).toEqual({
      status: 404,
      code: 'DBS.200002',
    });
    expect(await failure(start('ffffffffffffffffffffffffffffffffin14'))).toEqual({
      status: 404,
      code: 'DBS.200002',
    });
  });

  it('forgets the exports of an instance removed for good', async () => {
    const gone = await create(createBody({ name: 'logs-gone' }));
    t.emu.clock.advance(30 * MIN);
    await start(gone);
    await start(gone);
    expect(
      t.emu.runtime.store
        .collection(slowLogExportsCollection)
        .count({ where: [{ col: 'instance_id', op: '=', value: gone }] }),
    ).toBe(3);
    await client.deleteInstance({ path: { instance_id: gone } });
    t.emu.clock.advance(10 * MIN);
    const exportsOf = () =>
      t.emu.runtime.store
        .collection(slowLogExportsCollection)
        .count({ where: [{ col: 'instance_id', op: '=', value: gone }] });
    expect(exportsOf()).toBe(0);
    expect(await failure(read(gone))).toEqual({ status: 404, code: 'DBS.200002' });
  });
});
