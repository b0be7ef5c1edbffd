import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, distributedBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

/** 4.4.2 expand, 4.4.8 switchover, 4.4.11 balance, 4.4.18/4.4.19 start/stop nodes, 4.4.20 coordinators. */

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

interface Node {
  id: string;
  name: string;
  role: string;
  status: string;
  availability_zone: string;
}
interface Inst {
  id: string;
  name: string;
  status: string;
  nodes: Node[];
  volume: { size: number };
  flavor_ref: string;
}
interface Comp {
  id: string;
  role: string;
  status: string;
  distributed_id: string;
}
interface CompNode {
  id: string;
  status: string;
  components: Comp[];
}

const base = () => `/v3/${t.pid}/instances`;
const instance = async (id: string) =>
  ((await t.call('GET', `/v3.1/${t.pid}/instances?id=${id}`)).body.instances as Inst[])[0]!;
const job = async (id: string) =>
  (await t.call('GET', `/v3/${t.pid}/jobs?id=${id}`)).body.job as { name: string; status: string };
const components = async (id: string, query = '') =>
  (await t.call('GET', `${base()}/${id}/components${query}`)).body.nodes as CompNode[];
async function ready(body: Record<string, unknown>): Promise<string> {
  const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { body });
  expect(res.status).toBe(202);
  t.emu.clock.advance(30 * MIN);
  return (res.body.instance as { id: string }).id;
}
const dnsOf = (nodes: CompNode[]) =>
  nodes.flatMap((n) => n.components.filter((c) => c.id.startsWith('dn_')).map((c) => ({ node: n.id, ...c })));

describe('expandInstance (4.4.2)', () => {
  let dist = '';
  let central = '';
  beforeAll(async () => {
    dist = await ready(distributedBody({ name: 'exp-dist', availability_zone: 'az1xahz,az2xahz,az3xahz' }));
    central = await ready(createBody({ name: 'exp-central' }));
  });

  it('adds CNs with GaussDBV5ExpandClusterCN: EXPANDING during the job, new CN nodes after it', async () => {
    const res = await t.call('POST', `${base()}/${dist}/action`, {
      body: { expand_cluster: { coordinators: [{ az_code: 'az2xahz' }, { az_code: 'az3xahz' }] } },
    });
    expect(res.status).toBe(202);
    const jobId = res.body.job_id as string;
    expect(await job(jobId)).toMatchObject({ name: 'GaussDBV5ExpandClusterCN', status: 'Running' });
    expect((await instance(dist)).status).toBe('EXPANDING');
    t.emu.clock.advance(20 * MIN);
    expect((await job(jobId)).status).toBe('Completed');
    const inst = await instance(dist);
    expect(inst.status).toBe('ACTIVE');
    expect(inst.nodes.filter((n) => n.name.includes('_gaussdbv5cn_'))).toHaveLength(5);
    const cns = await t.call('GET', `${base()}/${dist}/coordinators`);
    expect((cns.body.nodes as unknown[]).length).toBe(5);
    expect(cns.body.max_reduction_num).toBe(4);
  });

  it('adds shards with GaussDBV5ExpandClusterDN: three new DN replicas per shard and a proportionally larger disk', async () => {
    const before = await instance(dist);
    const res = await t.call('POST', `${base()}/${dist}/action`, {
      body: { expand_cluster: { shard: { count: 1 } } },
    });
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({ name: 'GaussDBV5ExpandClusterDN' });
    expect((await instance(dist)).status).toBe('EXPANDING');
    t.emu.clock.advance(30 * MIN);
    const after = await instance(dist);
    expect(after.status).toBe('ACTIVE');
    expect(after.nodes.length).toBe(before.nodes.length + 3);
    expect(after.volume.size).toBe((before.volume.size / 3) * 4);
    const shards = new Set(dnsOf(await components(dist, '?component_type=DN')).map((d) => d.distributed_id));
    expect(shards.size).toBe(4);
  });

  it('enlarges the disk with EnlargeGaussDBV5Volume: MODIFYING, then the new size', async () => {
    const res = await t.call('POST', `${base()}/${central}/action`, {
      body: { enlarge_volume: { size: 80 } },
    });
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({ name: 'EnlargeGaussDBV5Volume' });
    expect((await instance(central)).status).toBe('MODIFYING');
    t.emu.clock.advance(5 * MIN);
    expect(await instance(central)).toMatchObject({ status: 'ACTIVE', volume: { size: 80 } });
  });

  it('refuses a disk that is not larger than the current one with DBS.200306', async () => {
    const res = await t.call('POST', `${base()}/${central}/action`, {
      body: { enlarge_volume: { size: 80 } },
    });
    expect(res.body.error_code).toBe('DBS.200306');
  });

  it('refuses a disk that is not a multiple of shards × 4 GB with DBS.280611', async () => {
    // 4 shards: multiples of 16 GB.
    const res = await t.call('POST', `${base()}/${dist}/action`, {
      body: { enlarge_volume: { size: 1000 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.280611');
  });

  it('refuses a disk over shards × 16 TB with DBS.280612', async () => {
    const res = await t.call('POST', `${base()}/${central}/action`, {
      body: { enlarge_volume: { size: 16388 } },
    });
    expect(res.body.error_code).toBe('DBS.280612');
  });

  it('refuses CNs and shards on a centralized instance with 409 DBS.280406', async () => {
    const res = await t.call('POST', `${base()}/${central}/action`, {
      body: { expand_cluster: { shard: { count: 1 } } },
    });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('DBS.280406');
  });

  it('refuses more than 256 shards in total with DBS.280607', async () => {
    const res = await t.call('POST', `${base()}/${dist}/action`, {
      body: { expand_cluster: { shard: { count: 253 } } },
    });
    expect(res.body.error_code).toBe('DBS.280607');
  });

  it('refuses a CN in an AZ the instance does not use with DBS.200025', async () => {
    const res = await t.call('POST', `${base()}/${dist}/action`, {
      body: { expand_cluster: { coordinators: [{ az_code: 'az4xahz' }] } },
    });
    expect(res.body.error_code).toBe('DBS.200025');
  });

  it('keeps new CNs of a single-AZ instance in that AZ (DBS.200025)', async () => {
    const single = await ready(
      distributedBody({ name: 'exp-one-az', availability_zone: 'az1xahz,az1xahz,az1xahz' }),
    );
    const res = await t.call('POST', `${base()}/${single}/action`, {
      body: { expand_cluster: { coordinators: [{ az_code: 'az2xahz' }] } },
    });
    expect(res.body.error_code).toBe('DBS.200025');
  });

  it('refuses CNs and shards in one request with DBS.280606 (the contract rule)', async () => {
    const res = await t.call('POST', `${base()}/${dist}/action`, {
      body: { expand_cluster: { coordinators: [{ az_code: 'az1xahz' }], shard: { count: 1 } } },
    });
    expect(res.body.error_code).toBe('DBS.280606');
  });

  it('answers 409 DBS.200011 while another operation runs, and DBS.200086 in BUILD', async () => {
    const first = await t.call('POST', `${base()}/${central}/action`, {
      body: { enlarge_volume: { size: 120 } },
    });
    expect(first.status).toBe(202);
    const busy = await t.call('POST', `${base()}/${central}/restart`);
    expect(busy.status).toBe(409);
    expect(busy.body.error_code).toBe('DBS.200011');
    t.emu.clock.advance(5 * MIN);
    const fresh = await t.call('POST', `/v3.1/${t.pid}/instances`, {
      body: createBody({ name: 'exp-building' }),
    });
    const id = (fresh.body.instance as { id: string }).id;
    const res = await t.call('POST', `${base()}/${id}/action`, { body: { enlarge_volume: { size: 80 } } });
    expect(res.body.error_code).toMatch(/^DBS\.(200011|200086)$/);
    t.emu.clock.advance(30 * MIN);
  });
});

describe('switchShardPrimary (4.4.8) and getBalanceStatus (4.4.11)', () => {
  let id = '';
  beforeAll(async () => {
    id = await ready(distributedBody({ name: 'switch-dist' }));
  });

  it('is balanced after creation', async () => {
    expect((await t.call('GET', `${base()}/${id}/balance`)).body).toEqual({ balanced: true });
  });

  it('promotes the given standby with SwitchGaussDBV5Shard: SWITCHOVER during the job, roles swapped after, unbalanced', async () => {
    const dns = dnsOf(await components(id, '?component_type=DN'));
    const standby = dns.find((d) => d.distributed_id === '60011' && d.role === 'slave')!;
    const primary = dns.find((d) => d.distributed_id === '60011' && d.role === 'master')!;
    const res = await t.call('POST', `${base()}/${id}/switch-shard`, {
      body: { shards: [{ node_id: standby.node, component_id: standby.id }] },
    });
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({
      name: 'SwitchGaussDBV5Shard',
      status: 'Running',
    });
    expect((await instance(id)).status).toBe('SWITCHOVER');
    t.emu.clock.advance(1 * MIN);
    const after = dnsOf(await components(id, '?component_type=DN'));
    expect(after.find((d) => d.id === standby.id)).toMatchObject({ role: 'master', status: 'Primary' });
    expect(after.find((d) => d.id === primary.id)).toMatchObject({ role: 'slave', status: 'Standby' });
    const inst = await instance(id);
    expect(inst.status).toBe('ACTIVE');
    expect(inst.nodes.find((n) => n.id === standby.node)!.role).toBe('master');
    expect((await t.call('GET', `${base()}/${id}/balance`)).body).toEqual({ balanced: false });
  });

  it('is balanced again once the deployed primary is switched back', async () => {
    const home = dnsOf(await components(id, '?component_type=DN')).find((d) => d.id === 'dn_6001')!;
    await t.call('POST', `${base()}/${id}/switch-shard`, {
      body: { shards: [{ node_id: home.node, component_id: home.id }] },
    });
    t.emu.clock.advance(1 * MIN);
    expect((await t.call('GET', `${base()}/${id}/balance`)).body).toEqual({ balanced: true });
  });

  it('refuses a primary DN with DBS.280828', async () => {
    const primary = dnsOf(await components(id, '?component_type=DN')).find((d) => d.role === 'master')!;
    const res = await t.call('POST', `${base()}/${id}/switch-shard`, {
      body: { shards: [{ node_id: primary.node, component_id: primary.id }] },
    });
    expect(res.body.error_code).toBe('DBS.280828');
  });

  it('refuses two standbys of one shard with DBS.280668', async () => {
    const standbys = dnsOf(await components(id, '?component_type=DN')).filter(
      (d) => d.distributed_id === '60021' && d.role === 'slave',
    );
    const res = await t.call('POST', `${base()}/${id}/switch-shard`, {
      body: { shards: standbys.map((s) => ({ node_id: s.node, component_id: s.id })) },
    });
    expect(res.body.error_code).toBe('DBS.280668');
  });

  it('refuses a component that is not on the given node with DBS.280676', async () => {
    const dns = dnsOf(await components(id, '?component_type=DN'));
    const standby = dns.find((d) => d.role === 'slave')!;
    const other = dns.find((d) => d.node !== standby.node)!;
    const res = await t.call('POST', `${base()}/${id}/switch-shard`, {
      body: { shards: [{ node_id: other.node, component_id: standby.id }] },
    });
    expect(res.body.error_code).toBe('DBS.280676');
  });

  it('refuses a node of another instance with DBS.280407', async () => {
    const res = await t.call('POST', `${base()}/${id}/switch-shard`, {
      body: { shards: [{ node_id: 'ffffffffffffffffffffffffffffffffno14', component_id: 'dn_6002' }] },
    });
    expect(res.body.error_code).toBe('DBS.280407');
  });
});

describe('stopNodes (4.4.19) and startNodes (4.4.18 / 4.9.9)', () => {
  let id = '';
  let dist = '';
  beforeAll(async () => {
    id = await ready(createBody({ name: 'stop-central' }));
    dist = await ready(distributedBody({ name: 'stop-dist', coordinator_num: 1 }));
  });

  it('stops a standby node with StopGaussDBV5Nodes: the node shows STOPPED, its components Down', async () => {
    const standby = (await instance(id)).nodes.find((n) => n.role === 'slave')!;
    const res = await t.call('POST', `${base()}/${id}/db-stop`, { body: { node_ids: [standby.id] } });
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({
      name: 'StopGaussDBV5Nodes',
      status: 'Running',
    });
    t.emu.clock.advance(2 * MIN);
    const inst = await instance(id);
    expect(inst.nodes.find((n) => n.id === standby.id)!.status).toBe('STOPPED');
    const node = (await components(id)).find((n) => n.id === standby.id)!;
    expect(node.status).not.toBe('normal');
    expect(node.components.every((c) => c.status === 'Down')).toBe(true);
  });

  it('refuses operations that need every node running (restart: DBS.200086)', async () => {
    const res = await t.call('POST', `${base()}/${id}/restart`);
    expect(res.body.error_code).toBe('DBS.200086');
  });

  it('refuses stopping half or more of a shard with DBS.200086', async () => {
    const other = (await instance(id)).nodes.find((n) => n.status === 'ACTIVE' && n.role === 'slave')!;
    const res = await t.call('POST', `${base()}/${id}/db-stop`, { body: { node_ids: [other.id] } });
    expect(res.body.error_code).toBe('DBS.200086');
  });

  it('refuses stopping the whole instance while a node is already stopped (DBS.200086)', async () => {
    const res = await t.call('POST', `${base()}/${id}/db-stop`, { body: { node_ids: [] } });
    expect(res.body.error_code).toBe('DBS.200086');
  });

  it('refuses starting a running node with DBS.200086, and an unknown node with DBS.280407', async () => {
    const running = (await instance(id)).nodes.find((n) => n.status === 'ACTIVE')!;
    expect(
      (await t.call('POST', `${base()}/${id}/db-startup`, { body: { node_ids: [running.id] } })).body
        .error_code,
    ).toBe('DBS.200086');
    expect(
      (
        await t.call('POST', `${base()}/${id}/db-startup`, {
          body: { node_ids: ['nope00000000000000000000000000000no14'] },
        })
      ).body.error_code,
    ).toBe('DBS.280407');
  });

  it('starts every stopped node for node_ids [] with StartGaussDBV5Nodes', async () => {
    const res = await t.call('POST', `${base()}/${id}/db-startup`, { body: { node_ids: [] } });
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({ name: 'StartGaussDBV5Nodes' });
    t.emu.clock.advance(3 * MIN);
    expect((await instance(id)).nodes.every((n) => n.status === 'ACTIVE')).toBe(true);
    expect(
      (await t.call('POST', `${base()}/${id}/db-startup`, { body: { node_ids: [] } })).body.error_code,
    ).toBe('DBS.200086');
  });

  it('fails the primary DN over to a standby when its node stops, leaving the instance unbalanced', async () => {
    const primary = (await instance(id)).nodes.find((n) => n.role === 'master')!;
    await t.call('POST', `${base()}/${id}/db-stop`, { body: { node_ids: [primary.id] } });
    t.emu.clock.advance(2 * MIN);
    const inst = await instance(id);
    expect(inst.nodes.find((n) => n.id === primary.id)).toMatchObject({ status: 'STOPPED', role: 'slave' });
    expect(inst.nodes.filter((n) => n.role === 'master' && n.status === 'ACTIVE')).toHaveLength(1);
    expect((await t.call('GET', `${base()}/${id}/balance`)).body).toEqual({ balanced: false });
    await t.call('POST', `${base()}/${id}/db-startup`, { body: { node_ids: [primary.id] } });
    t.emu.clock.advance(3 * MIN);
  });

  it('stops the whole instance for node_ids [] and starts it again', async () => {
    const res = await t.call('POST', `${base()}/${id}/db-stop`, { body: { node_ids: [] } });
    expect(res.status).toBe(202);
    t.emu.clock.advance(2 * MIN);
    expect((await instance(id)).nodes.every((n) => n.status === 'STOPPED')).toBe(true);
    await t.call('POST', `${base()}/${id}/db-startup`, { body: { node_ids: [] } });
    t.emu.clock.advance(3 * MIN);
    expect((await instance(id)).nodes.every((n) => n.status === 'ACTIVE')).toBe(true);
  });

  it('keeps at least one CN of a distributed instance running (DBS.200086)', async () => {
    const cn = (await instance(dist)).nodes.find((n) => n.name.includes('_gaussdbv5cn_'))!;
    const res = await t.call('POST', `${base()}/${dist}/db-stop`, { body: { node_ids: [cn.id] } });
    expect(res.body.error_code).toBe('DBS.200086');
  });
});

describe('listCoordinators (4.4.20)', () => {
  it('refuses a centralized instance with 409 DBS.280406', async () => {
    const id = (await t.call('GET', `/v3.1/${t.pid}/instances?name=stop-central`)).body.instances as Inst[];
    const res = await t.call('GET', `${base()}/${id[0]!.id}/coordinators`);
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('DBS.280406');
  });

  it('lists one CN as normal and not reducible when it is the only one', async () => {
    const id = ((await t.call('GET', `/v3.1/${t.pid}/instances?name=stop-dist`)).body.instances as Inst[])[0]!
      .id;
    const res = await t.call('GET', `${base()}/${id}/coordinators`);
    expect(res.body).toMatchObject({ instance_id: id, max_reduction_num: 0 });
    expect(res.body.nodes).toEqual([expect.objectContaining({ status: 'normal', support_reduce: false })]);
  });
});
