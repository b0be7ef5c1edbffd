import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

type Flavor = {
  spec_code: string;
  vcpus: string;
  ram: string;
  version: string;
  availability_zone: string[];
  az_status: Record<string, string>;
};

describe('versions, flavors and storage', () => {
  it('answers one API version by its case-sensitive id', async () => {
    expect((await t.call('GET', '/v3.1', { auth: false })).body).toMatchObject({
      version: { id: 'v3.1', status: 'CURRENT' },
    });
    expect((await t.call('GET', '/V3', { auth: false })).status).toBe(400);
    expect((await t.call('GET', '/v4', { auth: false })).status).toBe(404);
  });

  it('lists flavors per ha_mode and version, with vcpus/ram as strings and a sold-out AZ', async () => {
    const res = await t.call('GET', `/v3.1/${t.pid}/flavors?ha_mode=centralization_standard&version=8.201`);
    const flavors = res.body.flavors as Flavor[];
    expect(res.body.total).toBe(flavors.length);
    expect(flavors.every((f) => f.spec_code.endsWith('.ha') && f.version === '8.201')).toBe(true);
    expect(typeof flavors[0]!.vcpus).toBe('string');
    expect(flavors[0]!.az_status.az4xahz).toBe('sellout');
    expect(flavors[0]!.availability_zone[0]).toBe('az1xahz');
    const dist = (await t.call('GET', `/v3.1/${t.pid}/flavors?ha_mode=enterprise&limit=2`)).body;
    expect((dist.flavors as Flavor[]).every((f) => f.spec_code.endsWith('.in'))).toBe(true);
    expect((dist.flavors as Flavor[]).length).toBe(2);
    expect(dist.total as number).toBeGreaterThan(2);
  });

  it('lists engine versions, datastores and storage types', async () => {
    expect((await t.call('GET', `/v3/${t.pid}/datastore/versions`)).body.versions).toContain('8.201');
    expect((await t.call('GET', `/v3/${t.pid}/datastores`)).body.datastores).toEqual([
      { instance_mode: 'ha', supported_versions: ['8.201', '8.102', '3.223'] },
    ]);
    const storage = await t.call('GET', `/v3/${t.pid}/storage-type?version=8.201&ha_mode=enterprise`);
    expect((storage.body.storage_type as { name: string }[])[0]!.name).toBe('ULTRAHIGH');
  });
});

describe('instance details', () => {
  let id = '';
  beforeAll(async () => {
    const res = await t.call('POST', `/v3/${t.pid}/instances`, {
      body: createBody({ name: 'legacy-01', solution: undefined }),
    });
    expect(res.status).toBe(202);
    id = (res.body.instance as { id: string }).id;
    t.emu.clock.advance(16 * MIN);
  });

  it('creates through the historical v3 route when the body has no restore_point', async () => {
    const res = await t.call('GET', `/v3/${t.pid}/instances?id=${id}`);
    const inst = (res.body.instances as Record<string, unknown>[])[0]!;
    expect(inst).toMatchObject({ name: 'legacy-01', status: 'ACTIVE', port: 8000 });
    expect(inst.datastore).toEqual({ type: 'GaussDB', version: '8.201' });
  });

  it('reports the quota in use', async () => {
    const res = await t.call('GET', `/v3/${t.pid}/project-quotas?type=instance`);
    expect(res.body).toEqual({ quotas: { resources: [{ type: 'instance', used: 1, quota: 50 }] } });
  });

  it('reports volume usage as strings', async () => {
    const res = await t.call('GET', `/v3/${t.pid}/instances/${id}/volume-usage`);
    expect(res.body.total).toBe('40.0');
    expect(Number(res.body.used)).toBeGreaterThan(0);
  });

  it('describes the deployment form of an instance and refuses a request without solution or instance', async () => {
    expect((await t.call('GET', `/v3/${t.pid}/deployment-form?instance_id=${id}`)).body).toMatchObject({
      solution: 'triset',
      shard_num: 1,
      replica_num: 3,
    });
    expect((await t.call('GET', `/v3/${t.pid}/deployment-form`)).status).toBe(400);
  });
});
