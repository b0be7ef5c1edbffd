import { createGaussDbClient } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, distributedBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

/**
 * 4.4.5 reset password, 4.4.6 rename, 4.4.7 restart, 4.4.14 weak password, 4.2.4 / 4.4.10 / 5.1.3 resize,
 * 4.4.13 / 4.4.15 EIPs, 4.4.16 SSL link, 4.4.21 auto-enlarge policy, 4.4.22 statistics, 4.4.23 enterprise projects.
 */

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

interface Inst {
  id: string;
  name: string;
  status: string;
  flavor_ref: string;
  flavor_info: { vcpu: number; mem: number };
  public_ips: string[];
  nodes: { id: string; name: string; role: string; public_ip?: string; private_ip?: string }[];
}

const base = () => `/v3/${t.pid}/instances`;
const instance = async (id: string) =>
  ((await t.call('GET', `/v3.1/${t.pid}/instances?id=${id}`)).body.instances as Inst[])[0]!;
const job = async (id: string) =>
  (await t.call('GET', `/v3/${t.pid}/jobs?id=${id}`)).body.job as { name: string; status: string };
async function submit(body: Record<string, unknown>): Promise<string> {
  const res = await t.call('POST', `/v3.1/${t.pid}/instances`, { body });
  expect(res.status).toBe(202);
  return (res.body.instance as { id: string }).id;
}
async function ready(body: Record<string, unknown>): Promise<string> {
  const id = await submit(body);
  t.emu.clock.advance(30 * MIN);
  return id;
}

describe('resetRootPassword (4.4.5) and checkWeakPassword (4.4.14)', () => {
  let id = '';
  beforeAll(async () => {
    id = await ready(createBody({ name: 'pwd-01' }));
  });

  it('resets the root password synchronously with 200 {}', async () => {
    const res = await t.call('POST', `${base()}/${id}/password`, { body: { password: 'Nightly#Run2026' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
  });

  it('refuses the same password again with DBS.200475', async () => {
    const res = await t.call('POST', `${base()}/${id}/password`, { body: { password: 'Nightly#Run2026' } });
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe('DBS.200475');
  });

  it('refuses a well-known password with DBS.200068', async () => {
    const res = await t.call('POST', `${base()}/${id}/password`, { body: { password: 'Huawei@123' } });
    expect(res.body.error_code).toBe('DBS.200068');
  });

  it('refuses a password that breaks the complexity rule with DBS.200052 (contract)', async () => {
    const res = await t.call('POST', `${base()}/${id}/password`, { body: { password: 'alllowercase' } });
    expect(res.body.error_code).toBe('DBS.200052');
  });

  it('refuses a reset while the instance is being created (DBS.200011)', async () => {
    const building = await submit(createBody({ name: 'pwd-building' }));
    const res = await t.call('POST', `${base()}/${building}/password`, {
      body: { password: 'Nightly#Run2026' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('DBS.200011');
    t.emu.clock.advance(30 * MIN);
  });

  it('answers is_weak_password for dictionary, simple and strong passwords', async () => {
    const weak = async (password: string) =>
      (await t.call('POST', `/v3/${t.pid}/weak-password-verification`, { body: { password } })).body
        .is_weak_password;
    expect(await weak('Gauss@123')).toBe(true);
    expect(await weak('short')).toBe(true);
    expect(await weak('Nightly#Run2026')).toBe(false);
  });

  it('returns 404 DBS.200002 for an unknown instance', async () => {
    const res = await t.call('POST', `${base()}/00000000000000000000000000000000in14/password`, {
      body: { password: 'Nightly#Run2026' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe('DBS.200002');
  });
});

describe('renameInstance (4.4.6) and restartInstance (4.4.7)', () => {
  let id = '';
  beforeAll(async () => {
    id = await ready(createBody({ name: 'life-old' }));
  });

  it('renames with RenameGaussDBV5Instance once the job completes', async () => {
    const res = await t.call('PUT', `${base()}/${id}/name`, { body: { name: 'life-new' } });
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({
      name: 'RenameGaussDBV5Instance',
      status: 'Running',
    });
    expect((await instance(id)).name).toBe('life-old');
    t.emu.clock.advance(1 * MIN);
    expect((await instance(id)).name).toBe('life-new');
  });

  it('restarts with RestartGaussDBV5Instance: REBOOTING, then ACTIVE', async () => {
    const res = await t.call('POST', `${base()}/${id}/restart`);
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({ name: 'RestartGaussDBV5Instance' });
    expect((await instance(id)).status).toBe('REBOOTING');
    t.emu.clock.advance(3 * MIN);
    expect((await instance(id)).status).toBe('ACTIVE');
  });

  it('refuses a restart while the instance is BUILD', async () => {
    const building = await submit(createBody({ name: 'life-building' }));
    const res = await t.call('POST', `${base()}/${building}/restart`);
    expect(res.status).toBe(409);
    expect(res.body.error_code).toBe('DBS.200011');
    t.emu.clock.advance(30 * MIN);
  });
});

describe('listAvailableFlavors (4.2.4), resizeFlavor (4.4.10) and resizeFlavorV3 (5.1.3)', () => {
  let id = '';
  let arm = '';
  beforeAll(async () => {
    id = await ready(
      createBody({ name: 'resize-01', flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha' }),
    );
    arm = await ready(
      createBody({ name: 'resize-arm', flavor_ref: 'gaussdb.opengauss.ee.km1.2xlarge.arm8.ha' }),
    );
  });

  it('lists only larger flavors of the same mode and architecture, spec code under both spellings', async () => {
    const res = await t.call('GET', `${base()}/${id}/available-flavors`);
    const flavors = res.body.flavors as {
      spec_code: string;
      spec_cpde: string;
      vcpus: string;
      ram: string;
      az_status: Record<string, string>;
    }[];
    expect(flavors.map((f) => f.spec_code).sort()).toEqual([
      'gaussdb.opengauss.ee.m6.4xlarge.x868.ha',
      'gaussdb.opengauss.ee.m6.8xlarge.x868.ha',
    ]);
    expect(flavors[0]!.spec_cpde).toBe(flavors[0]!.spec_code);
    expect(typeof flavors[0]!.vcpus).toBe('string');
    expect(flavors[0]!.az_status.az1xahz).toBe('normal');
    expect(res.body.total_count).toBe(2);
    const armList = (await t.call('GET', `${base()}/${arm}/available-flavors`)).body.flavors as {
      spec_code: string;
    }[];
    expect(armList.map((f) => f.spec_code)).toEqual(['gaussdb.opengauss.ee.km1.4xlarge.arm8.ha']);
  });

  it('resizes with ResizeGaussDBV5Flavor: MODIFYING, then the new flavor and sizes', async () => {
    const res = await t.call('PUT', `${base()}/${id}/flavor`, {
      body: { flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha' },
    });
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({ name: 'ResizeGaussDBV5Flavor' });
    expect((await instance(id)).status).toBe('MODIFYING');
    t.emu.clock.advance(10 * MIN);
    expect(await instance(id)).toMatchObject({
      status: 'ACTIVE',
      flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha',
      flavor_info: { vcpu: 16, mem: 128 },
    });
  });

  it('refuses a smaller flavor, another architecture or a distributed flavor with DBS.280661', async () => {
    for (const flavor_ref of [
      'gaussdb.opengauss.ee.m6.xlarge.x868.ha',
      'gaussdb.opengauss.ee.km1.4xlarge.arm8.ha',
      'gaussdb.opengauss.ee.dn.m6.16xlarge.8.in',
    ]) {
      const res = await t.call('PUT', `${base()}/${id}/flavor`, { body: { flavor_ref } });
      expect(res.body.error_code).toBe('DBS.280661');
    }
  });

  it('resizes through the historical singular path of 5.1.3', async () => {
    const res = await t.call('PUT', `/v3/${t.pid}/instance/${id}/flavor`, {
      body: { flavor_ref: 'gaussdb.opengauss.ee.m6.8xlarge.x868.ha' },
    });
    expect(res.status).toBe(202);
    t.emu.clock.advance(10 * MIN);
    expect((await instance(id)).flavor_ref).toBe('gaussdb.opengauss.ee.m6.8xlarge.x868.ha');
    expect((await t.call('GET', `${base()}/${id}/available-flavors`)).body.flavors).toEqual([]);
  });
});

describe('changeNodePublicIp (4.4.15), listPublicIps (4.4.13) and getSslCertDownloadLink (4.4.16)', () => {
  let id = '';
  let dist = '';
  beforeAll(async () => {
    id = await ready(createBody({ name: 'eip-01' }));
    dist = await ready(distributedBody({ name: 'eip-dist' }));
  });
  const eip = { public_ip: '100.85.1.20', public_ip_id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' };

  it('binds an EIP with BindGaussDBV5PublicIp; the node and the list show it after the job', async () => {
    const node = (await instance(id)).nodes[0]!;
    const res = await t.call('POST', `${base()}/${id}/nodes/${node.id}/public-ip`, {
      body: { action: 'BIND', ...eip },
    });
    expect(res.status).toBe(202);
    expect(await job(res.body.job_id as string)).toMatchObject({ name: 'BindGaussDBV5PublicIp' });
    expect((await t.call('GET', `${base()}/${id}/public-ips`)).body.total_count).toBe(0);
    t.emu.clock.advance(1 * MIN);
    const inst = await instance(id);
    expect(inst.nodes.find((n) => n.id === node.id)!.public_ip).toBe(eip.public_ip);
    expect(inst.public_ips).toEqual([eip.public_ip]);
    const list = await t.call('GET', `${base()}/${id}/public-ips`);
    expect(list.body.total_count).toBe(1);
    expect((list.body.public_ips as Record<string, unknown>[])[0]).toMatchObject({
      public_ip_id: eip.public_ip_id,
      public_ip_address: eip.public_ip,
      public_ip_addresses: eip.public_ip,
      private_ip_address: node.private_ip,
      bandwidth_share_type: 'PER',
    });
  });

  it('refuses binding an address already bound, and a second EIP on the node (DBS.200001)', async () => {
    const nodes = (await instance(id)).nodes;
    const other = await t.call('POST', `${base()}/${id}/nodes/${nodes[1]!.id}/public-ip`, {
      body: { action: 'BIND', ...eip },
    });
    expect(other.body.error_code).toBe('DBS.200001');
    const again = await t.call('POST', `${base()}/${id}/nodes/${nodes[0]!.id}/public-ip`, {
      body: { action: 'BIND', public_ip: '100.85.1.21', public_ip_id: 'abc-1' },
    });
    expect(again.body.error_code).toBe('DBS.200001');
  });

  it('refuses a DN node of a distributed instance (DBS.200001) and an unknown node (DBS.280407)', async () => {
    const dn = (await instance(dist)).nodes.find((n) => n.name.includes('_gaussdbv5dn'))!;
    expect(
      (
        await t.call('POST', `${base()}/${dist}/nodes/${dn.id}/public-ip`, {
          body: { action: 'BIND', public_ip: '100.85.1.30', public_ip_id: 'abc-2' },
        })
      ).body.error_code,
    ).toBe('DBS.200001');
    expect(
      (
        await t.call('POST', `${base()}/${dist}/nodes/nope/public-ip`, {
          body: { action: 'BIND', public_ip: '100.85.1.30', public_ip_id: 'abc-2' },
        })
      ).body.error_code,
    ).toBe('DBS.280407');
  });

  it('unbinds with UnbindGaussDBV5PublicIp', async () => {
    const node = (await instance(id)).nodes[0]!;
    const res = await t.call('POST', `${base()}/${id}/nodes/${node.id}/public-ip`, {
      body: { action: 'UNBIND', ...eip },
    });
    expect(await job(res.body.job_id as string)).toMatchObject({ name: 'UnbindGaussDBV5PublicIp' });
    t.emu.clock.advance(1 * MIN);
    const inst = await instance(id);
    expect(inst.public_ips).toEqual([]);
    expect(inst.nodes[0]!.public_ip).toBeUndefined();
    expect((await t.call('GET', `${base()}/${id}/public-ips`)).body.total_count).toBe(0);
    const twice = await t.call('POST', `${base()}/${id}/nodes/${node.id}/public-ip`, {
      body: { action: 'UNBIND', ...eip },
    });
    expect(twice.body.error_code).toBe('DBS.200001');
  });

  it('gives an SSL certificate link once the instance exists, DBS.200086 in BUILD', async () => {
    const res = await t.call('GET', `${base()}/${id}/ssl-cert/download-link`);
    expect(res.body.download_link).toMatch(/^https:\/\/.+\/Certificate_Download\.zip\?/);
    const building = await submit(createBody({ name: 'eip-building' }));
    expect((await t.call('GET', `${base()}/${building}/ssl-cert/download-link`)).body.error_code).toBe(
      'DBS.200086',
    );
    t.emu.clock.advance(30 * MIN);
  });
});

describe('getAutoEnlargePolicy (4.4.21), getInstanceStatistics (4.4.22), listEnterpriseProjects (4.4.23)', () => {
  it('reports a switched-off policy bounded by the current disk and the shard maximum', async () => {
    const id = await ready(createBody({ name: 'policy-01', volume: { type: 'ULTRAHIGH', size: 80 } }));
    const res = await t.call('GET', `${base()}/${id}/auto-enlarge-policy`);
    expect(res.body).toMatchObject({
      switch_option: false,
      min_volume_size: 80,
      max_volume_size: 16384,
      trigger_available_percent: 10,
      percents: [10, 15, 20],
    });
  });

  it('counts the token project instances by lower-case status on the projectless path', async () => {
    await submit(createBody({ name: 'stats-building' }));
    const res = await t.call('GET', '/v3/instances-statistics');
    expect(res.status).toBe(200);
    const rows = res.body.instances_statistics as { status: string; count: number }[];
    const listed = (await t.call('GET', `/v3.1/${t.pid}/instances`)).body.total_count as number;
    expect(res.body.total_count).toBe(listed);
    expect(rows.find((r) => r.status === 'creating')?.count).toBe(1);
    expect(rows.find((r) => r.status === 'normal')!.count).toBeGreaterThan(0);
    t.emu.clock.advance(30 * MIN);
  });

  it('lists enterprise projects with a keyword filter, on both paths', async () => {
    const all = await t.call('GET', `/v3/${t.pid}/enterprise-projects`);
    expect((all.body.enterprise_projects as { id: string }[])[0]!.id).toBe('0');
    const filtered = await t.call('GET', '/v3/enterprise-projects?name_keyword=auto&offset=0&limit=100');
    expect(filtered.body.total_count).toBe(1);
    expect((filtered.body.enterprise_projects as { name: string; status: string }[])[0]).toMatchObject({
      name: 'auto-test',
      status: '1',
    });
  });

  it('parses through the typed client with the descriptors response schemas', async () => {
    const client = createGaussDbClient({
      endpoint: t.emu.url,
      projectId: t.pid,
      auth: { type: 'token', token: await t.token() },
    });
    const stats = await client.call('getInstanceStatistics');
    expect(stats.total_count).toBeGreaterThan(0);
    const id = ((await t.call('GET', `/v3.1/${t.pid}/instances?name=policy-01`)).body.instances as Inst[])[0]!
      .id;
    const flavors = await client.call('listAvailableFlavors', { path: { instance_id: id } });
    expect(flavors.flavors.every((f) => typeof f.spec_code === 'string')).toBe(true);
  });
});
