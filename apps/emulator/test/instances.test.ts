import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, distributedBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ instanceQuota: 8 });
});
afterAll(() => t.close());

type Inst = {
  id: string;
  name: string;
  status: string;
  nodes: { role: string; availability_zone: string }[];
  port: unknown;
  tags: { key: string; value: string }[];
};
const listAll = async (query = '') =>
  (await t.call('GET', `/v3.1/${t.pid}/instances${query}`)).body as {
    instances: Inst[];
    total_count: number;
  };
const job = async (id: string) =>
  (await t.call('GET', `/v3/${t.pid}/jobs?id=${id}`)).body.job as {
    status: string;
    progress: string;
    name: string;
    fail_reason: string | null;
  };

describe('create instance (4.4.1) through its job', () => {
  let instanceId = '';
  let jobId = '';

  it('answers 202 with the instance in BUILD, port as a string, and a job id', async () => {
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { body: createBody({ name: 'life-01' }) });
    expect(res.status).toBe(202);
    const inst = res.body.instance as Record<string, unknown>;
    expect(inst).toMatchObject({
      name: 'life-01',
      status: 'BUILD',
      port: '8000',
      backup_strategy: { start_time: '02:00-03:00', keep_days: 7 },
    });
    expect(inst.id).toMatch(/^[0-9a-f]{32}in14$/);
    instanceId = inst.id as string;
    jobId = res.body.job_id as string;
  });

  it('shows the job Running with a rising progress as the clock moves', async () => {
    const first = await job(jobId);
    expect(first).toMatchObject({ name: 'CreateGaussDBV5Instance', status: 'Running', progress: '0%' });
    t.emu.clock.advance(6 * MIN);
    const later = await job(jobId);
    expect(later.progress).toBe('40%');
    const listed = (await listAll()).instances.find((i) => i.id === instanceId)!;
    expect(listed.status).toBe('BUILD');
  });

  it('completes the job and makes the instance ACTIVE with a 3-node triset topology', async () => {
    t.emu.clock.advance(10 * MIN);
    expect((await job(jobId)).status).toBe('Completed');
    const listed = (await listAll()).instances.find((i) => i.id === instanceId)!;
    expect(listed.status).toBe('ACTIVE');
    expect(listed.port).toBe(8000);
    expect(listed.nodes).toHaveLength(3);
    expect(listed.nodes.filter((n) => n.role === 'master')).toHaveLength(1);
  });

  it('lists CM, ETCD and DN on every node of a triset, one primary DN', async () => {
    const res = await t.call('GET', `/v3/${t.pid}/instances/${instanceId}/components`);
    const nodes = res.body.nodes as { components: { id: string; status: string }[] }[];
    expect(res.body.total_count).toBe(3);
    expect(nodes.every((n) => n.components.map((c) => c.id.split('_')[0]).join() === 'cm,etcd,dn')).toBe(
      true,
    );
    expect(
      nodes.flatMap((n) => n.components).filter((c) => c.id.startsWith('dn') && c.status === 'Primary'),
    ).toHaveLength(1);
  });

  it('creates a distributed instance with CNs and shards of 3 replicas spread over the AZs', async () => {
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, {
      body: distributedBody({ name: 'dist-01' }),
    });
    expect(res.status).toBe(202);
    t.emu.clock.advance(30 * MIN);
    const id = (res.body.instance as { id: string }).id;
    const comps = await t.call('GET', `/v3/${t.pid}/instances/${id}/components?component_type=DN`);
    const dns = (comps.body.nodes as { components: { distributed_id: string }[] }[]).flatMap(
      (n) => n.components,
    );
    expect(dns).toHaveLength(9);
    expect(new Set(dns.map((d) => d.distributed_id)).size).toBe(3);
    const cns = await t.call(
      'GET',
      `/v3/${t.pid}/instances/${id}/components?component_type=CN&availability_zone_id=az2xahz`,
    );
    expect(cns.body.total_count).toBe(1);
    const inst = (await listAll('?name=dist-01')).instances[0]!;
    expect(new Set(inst.nodes.map((n) => n.availability_zone))).toEqual(
      new Set(['az1xahz', 'az2xahz', 'az3xahz']),
    );
  });

  it('creates a double (1 primary + 1 standby) with the primary in master_az', async () => {
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, {
      body: createBody({
        name: 'double-01',
        solution: 'double',
        availability_zone: 'az1xahz,az2xahz',
        master_az: 'az2xahz',
        ha: {
          mode: 'centralization_standard',
          consistency: 'strong',
          replication_mode: 'sync',
          consistency_protocol: 'paxos',
        },
      }),
    });
    expect(res.status).toBe(202);
    const inst = (await listAll('?name=double-01')).instances[0]!;
    expect(inst.nodes).toHaveLength(2);
    expect(inst.nodes.find((n) => n.role === 'master')!.availability_zone).toBe('az2xahz');
  });
});

describe('state guards', () => {
  it('refuses to delete an instance still being created with 409 DBS.200011', async () => {
    const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { body: createBody({ name: 'guard-01' }) });
    const id = (res.body.instance as { id: string }).id;
    const del = await t.call('DELETE', `/v3/${t.pid}/instances/${id}`);
    expect(del.status).toBe(409);
    expect(del.body.error_code).toBe('DBS.200011');
    t.emu.clock.advance(16 * MIN);
    expect((await t.call('DELETE', `/v3/${t.pid}/instances/${id}`)).status).toBe(202);
    const again = await t.call('DELETE', `/v3/${t.pid}/instances/${id}`);
    expect(again.status).toBe(409);
  });

  it('answers 404 DBS.200002 for an unknown instance', async () => {
    const res = await t.call('DELETE', `/v3/${t.pid}/instances/ffffffffffffffffffffffffffffffffin14`);
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('DBS.200002');
  });
});

describe('list filters and paging (4.4.4, 5.1.2)', () => {
  beforeAll(async () => {
    for (const [name, tags, vpc] of [
      ['flt-alpha', [{ key: 'env', value: 'prod' }], 'vpc-a'],
      ['flt-beta', [{ key: 'env', value: 'dev' }], 'vpc-b'],
    ] as const) {
      const res = await t.call('POST', `/v3.1/${t.pid}/instances`, {
        body: createBody({ name, vpc_id: vpc }),
      });
      expect(res.status).toBe(202);
      // Tags are set by the tags area; here they are written straight into the store.
      const col = t.emu.runtime.store.collection(
        (await import('../src/domain/instance-model')).instancesCollection,
      );
      col.update(t.pid, (res.body.instance as { id: string }).id, (d) => ({ ...d, tags: [...tags] }));
    }
  });

  it('matches a name exactly, or fuzzily with a leading *', async () => {
    expect((await listAll('?name=flt-alpha')).total_count).toBe(1);
    expect((await listAll('?name=flt')).total_count).toBe(0);
    expect((await listAll('?name=*flt-')).total_count).toBe(2);
  });

  it('filters by type, vpc_id and tags', async () => {
    expect((await listAll('?type=Enterprise')).instances.every((i) => i.name.startsWith('dist'))).toBe(true);
    expect((await listAll('?vpc_id=vpc-b')).instances.map((i) => i.name)).toEqual(['flt-beta']);
    expect((await listAll('?tags=env%3Dprod')).instances.map((i) => i.name)).toEqual(['flt-alpha']);
  });

  it('pages with offset/limit and reports the full total_count, newest first', async () => {
    const all = await listAll();
    const page = await listAll('?offset=1&limit=2');
    expect(page.total_count).toBe(all.total_count);
    expect(page.instances.map((i) => i.id)).toEqual(all.instances.slice(1, 3).map((i) => i.id));
  });

  it('serves the v3 list with the same filters', async () => {
    const res = await t.call('GET', `/v3/${t.pid}/instances?name=*flt-`);
    expect(res.status).toBe(200);
    expect(res.body.total_count).toBe(2);
  });
});

describe('quota', () => {
  it('refuses the instance beyond the project quota with 413 DBS.200046', async () => {
    const quota = await t.call('GET', `/v3/${t.pid}/project-quotas?type=instance`);
    const { used, quota: max } = (quota.body.quotas as { resources: { used: number; quota: number }[] })
      .resources[0]!;
    for (let i = used; i < max; i++)
      expect(
        (await t.call('POST', `/v3.1/${t.pid}/instances`, { body: createBody({ name: `fill-${i}` }) }))
          .status,
      ).toBe(202);
    const over = await t.call('POST', `/v3.1/${t.pid}/instances`, {
      body: createBody({ name: 'one-too-many' }),
    });
    expect(over.status).toBe(413);
    expect(over.body.error_code).toBe('DBS.200046');
  });
});
