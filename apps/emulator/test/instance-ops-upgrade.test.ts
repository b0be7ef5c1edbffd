import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, distributedBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

/**
 * 4.6.1 / 4.6.2 kernel upgrades, 4.4.24 / 4.4.25 replica form, 4.4.26 / 4.4.27 advanced features, and the
 * day-2 state of the demo seed (auto-enlarge as data grows, a grey upgrade waiting to be observed).
 */

interface Inst {
  id: string;
  name: string;
  status: string;
  volume: { size: number };
  datastore: { version: string; complete_version?: string; hotfix_versions?: string };
  nodes: { id: string; availability_zone: string; role: string }[];
}
interface Candidates {
  source_version: string;
  target_version: string | null;
  rollback_enabled: boolean;
  upgrade_candidate_versions: string[];
  hotfix_upgrade_candidate_versions: string[];
  hotfix_rollback_candidate_versions: string[];
  upgrade_type_list: {
    upgrade_type: string;
    enable: boolean;
    upgrade_action_list: { upgrade_action: string; enable: boolean }[] | null;
  }[];
  roll_upgrade_progress: { upgraded_dn_group_numbers: string | null; total_dn_group_numbers: string | null };
}

function helpers(get: () => TestEmulator) {
  const t = () => get();
  const base = () => `/v3/${t().pid}/instances`;
  return {
    base,
    instance: async (id: string) =>
      ((await t().call('GET', `/v3.1/${t().pid}/instances?id=${id}`)).body.instances as Inst[])[0]!,
    byName: async (name: string) =>
      ((await t().call('GET', `/v3.1/${t().pid}/instances?name=${name}`)).body.instances as Inst[])[0]!,
    job: async (id: string) =>
      (await t().call('GET', `/v3/${t().pid}/jobs?id=${id}`)).body.job as { name: string; status: string },
    candidates: async (id: string) =>
      (await t().call('GET', `/v3.1/${t().pid}/instances/${id}/db-upgrade/candidate-versions`))
        .body as unknown as Candidates,
    upgrade: (id: string, body: Record<string, unknown>) =>
      t().call('PUT', `/v3.1/${t().pid}/instances/${id}/db-upgrade`, { body }),
    ready: async (body: Record<string, unknown>) => {
      const res = await t().call('POST', `/v3.1/${t().pid}/instances`, { body });
      expect(res.status).toBe(202);
      t().emu.clock.advance(30 * MIN);
      return (res.body.instance as { id: string }).id;
    },
  };
}

describe('on an empty emulator', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.close());
  const h = helpers(() => t);

  describe('upgrades (4.6.1 / 4.6.2)', () => {
    it('lists newer versions and hot patches of the current one', async () => {
      const id = await h.ready(
        createBody({ name: 'upg-cand', datastore: { type: 'GaussDB', version: '8.102' } }),
      );
      const c = await h.candidates(id);
      expect(c.source_version).toBe('V2.0-8.102.0');
      expect(c.target_version).toBeNull();
      expect(c.upgrade_candidate_versions).toEqual(['V2.0-8.201.0']);
      expect(c.hotfix_upgrade_candidate_versions).toEqual(['8.102.0.3', '8.102.0.5']);
      expect(c.upgrade_type_list.map((u) => [u.upgrade_type, u.enable])).toEqual([
        ['grey', true],
        ['inplace', true],
        ['hotfix', true],
      ]);
    });

    it('upgrades in place with UpgradeGaussDBV5Instance: UPGRADING, then the new version', async () => {
      const id = await h.ready(
        createBody({ name: 'upg-inplace', datastore: { type: 'GaussDB', version: '3.223' } }),
      );
      const res = await h.upgrade(id, { upgrade_type: 'inplace', target_version: 'V2.0-8.102.0' });
      expect(res.status).toBe(202);
      expect(await h.job(res.body.job_id as string)).toMatchObject({
        name: 'UpgradeGaussDBV5Instance',
        status: 'Running',
      });
      expect((await h.instance(id)).status).toBe('UPGRADING');
      t.emu.clock.advance(30 * MIN);
      expect(await h.instance(id)).toMatchObject({
        status: 'ACTIVE',
        datastore: { version: '8.102', complete_version: '8.102.0' },
      });
    });

    it('refuses a version that is not newer with DBS.200041', async () => {
      const id = (await h.byName('upg-inplace')).id;
      expect(
        (await h.upgrade(id, { upgrade_type: 'inplace', target_version: '3.223' })).body.error_code,
      ).toBe('DBS.200041');
      expect((await h.upgrade(id, { upgrade_type: 'inplace', target_version: 'xxx' })).body.error_code).toBe(
        'DBS.200041',
      );
    });

    it('installs and removes hot patches', async () => {
      const id = (await h.byName('upg-cand')).id;
      const add = await h.upgrade(id, {
        upgrade_type: 'hotfix',
        upgrade_action: 'upgradeAutoCommit',
        target_version: '8.102.0.3',
      });
      expect(add.status).toBe(202);
      t.emu.clock.advance(5 * MIN);
      expect((await h.instance(id)).datastore.hotfix_versions).toBe('8.102.0.3');
      const c = await h.candidates(id);
      expect(c.hotfix_rollback_candidate_versions).toEqual(['8.102.0.3']);
      expect(c.rollback_enabled).toBe(true);
      expect(
        (
          await h.upgrade(id, {
            upgrade_type: 'hotfix',
            upgrade_action: 'rollback',
            target_version: '8.102.0.5',
          })
        ).body.error_code,
      ).toBe('DBS.200041');
      await h.upgrade(id, { upgrade_type: 'hotfix', upgrade_action: 'rollback' });
      t.emu.clock.advance(5 * MIN);
      expect((await h.instance(id)).datastore.hotfix_versions).toBe('');
    });

    it('runs a distributed grey upgrade in observed steps, then commits', async () => {
      const id = await h.ready(
        distributedBody({ name: 'upg-grey', datastore: { type: 'GaussDB', version: '8.102' } }),
      );
      expect((await h.upgrade(id, { upgrade_type: 'grey', upgrade_action: 'upgrade' })).body.error_code).toBe(
        'DBS.280601',
      );
      expect(
        (await h.upgrade(id, { upgrade_type: 'grey', upgrade_action: 'upgrade', upgrade_shard_num: 2 })).body
          .error_code,
      ).toBe('DBS.200025');
      expect(
        (
          await h.upgrade(id, {
            upgrade_type: 'grey',
            upgrade_action: 'upgrade',
            upgrade_shard_num: 4,
            upgrade_az: 'az1xahz',
          })
        ).body.error_code,
      ).toBe('DBS.280601');
      expect(
        (
          await h.upgrade(id, {
            upgrade_type: 'grey',
            upgrade_action: 'upgrade',
            upgrade_shard_num: 1,
            upgrade_az: 'az9',
          })
        ).body.error_code,
      ).toBe('DBS.200025');
      expect((await h.upgrade(id, { upgrade_type: 'grey', upgrade_action: 'commit' })).body.error_code).toBe(
        'DBS.200086',
      );

      const step = await h.upgrade(id, {
        upgrade_type: 'grey',
        upgrade_action: 'upgrade',
        upgrade_shard_num: 2,
        upgrade_az: 'az1xahz,az2xahz',
      });
      expect(step.status).toBe(202);
      expect((await h.instance(id)).status).toBe('UPGRADING');
      t.emu.clock.advance(20 * MIN);
      expect((await h.instance(id)).status).toBe('UPGRADE TO BE OBSERVED');
      let c = await h.candidates(id);
      expect(c.target_version).toBe('V2.0-8.201.0');
      expect(c.roll_upgrade_progress).toMatchObject({
        upgraded_dn_group_numbers: '2',
        total_dn_group_numbers: '3',
      });
      expect(c.upgrade_candidate_versions).toEqual([]);

      // Not everything is upgraded yet: no commit, no restart (the state machine), no hot patch.
      expect((await h.upgrade(id, { upgrade_type: 'grey', upgrade_action: 'commit' })).body.error_code).toBe(
        'DBS.200086',
      );
      expect((await t.call('POST', `${h.base()}/${id}/restart`)).body.error_code).toBe('DBS.200086');

      await h.upgrade(id, {
        upgrade_type: 'grey',
        upgrade_action: 'upgrade',
        upgrade_shard_num: 1,
        upgrade_az: 'az3xahz',
      });
      t.emu.clock.advance(20 * MIN);
      expect((await h.instance(id)).status).toBe('UPGRADE TO BE OBSERVED');
      c = await h.candidates(id);
      expect(
        c.upgrade_type_list[0]!.upgrade_action_list!.find((a) => a.upgrade_action === 'commit')!.enable,
      ).toBe(true);

      const commit = await h.upgrade(id, { upgrade_type: 'grey', upgrade_action: 'commit' });
      expect(commit.status).toBe(202);
      t.emu.clock.advance(3 * MIN);
      expect(await h.instance(id)).toMatchObject({ status: 'ACTIVE', datastore: { version: '8.201' } });
    });

    it('rolls a centralized grey upgrade back to the source version', async () => {
      const id = await h.ready(
        createBody({ name: 'upg-rollback', datastore: { type: 'GaussDB', version: '8.102' } }),
      );
      expect(
        (await h.upgrade(id, { upgrade_type: 'grey', upgrade_action: 'rollback' })).body.error_code,
      ).toBe('DBS.200086');
      await h.upgrade(id, { upgrade_type: 'grey', upgrade_action: 'upgrade' });
      t.emu.clock.advance(20 * MIN);
      expect((await h.instance(id)).status).toBe('UPGRADE TO BE OBSERVED');
      await h.upgrade(id, { upgrade_type: 'grey', upgrade_action: 'rollback' });
      t.emu.clock.advance(10 * MIN);
      expect(await h.instance(id)).toMatchObject({ status: 'ACTIVE', datastore: { version: '8.102' } });
      expect((await h.candidates(id)).target_version).toBeNull();
    });
  });

  describe('replica form (4.4.24 / 4.4.25), distributed independent deployments only (L3489, L3565)', () => {
    it('switches a distributed instance to 1 primary + 1 standby + 1 logger and back, with job and order ids', async () => {
      const id = await h.ready(distributedBody({ name: 'rep-01' }));
      const standbyAz = (await h.instance(id)).nodes.find((n) => n.role === 'slave')!.availability_zone;
      const res = await t.call('POST', `${h.base()}/${id}/switch-logger-replica`, {
        body: { availability_zone: standbyAz },
      });
      expect(res.status).toBe(202);
      expect(res.body.job_id).toEqual(expect.any(String));
      expect(res.body.order_id).toEqual(expect.any(String));
      expect(await h.job(res.body.job_id as string)).toMatchObject({ name: 'SwitchGaussDBV5LoggerReplica' });
      expect((await h.instance(id)).status).toBe('MODIFYING');
      t.emu.clock.advance(15 * MIN);
      expect((await h.instance(id)).status).toBe('ACTIVE');
      const again = await t.call('POST', `/v3/${t.pid}/instance/${id}/switch-logger-replica`, {
        body: { availability_zone: standbyAz },
      });
      expect(again.status).toBe(409);
      expect(again.body.error_code).toBe('DBS.280406');

      const back = await t.call('POST', `${h.base()}/${id}/switch-replica`, { body: {} });
      expect(back.status).toBe(202);
      expect(back.body.job_id).toEqual(expect.any(String));
      expect(back.body.order_id).toEqual(expect.any(String));
      expect(await h.job(back.body.job_id as string)).toMatchObject({ name: 'SwitchGaussDBV5Replica' });
      t.emu.clock.advance(15 * MIN);
      expect((await h.instance(id)).status).toBe('ACTIVE');
      expect((await t.call('POST', `${h.base()}/${id}/switch-replica`)).body.error_code).toBe('DBS.280406');
    });

    it('refuses an AZ holding no standby (only the primary) or a foreign AZ with DBS.200025', async () => {
      // One shard over three AZs: its primary's AZ hosts no standby that could become the logger.
      const id = await h.ready(
        distributedBody({
          name: 'rep-one-shard',
          sharding_num: 1,
          coordinator_num: 1,
          volume: { type: 'ULTRAHIGH', size: 160 },
        }),
      );
      const nodes = (await h.instance(id)).nodes;
      const standbyAzs = new Set(nodes.filter((n) => n.role === 'slave').map((n) => n.availability_zone));
      const primaryOnlyAz = nodes.find(
        (n) => n.role === 'master' && !standbyAzs.has(n.availability_zone),
      )!.availability_zone;
      const toAz = (az: string) =>
        t.call('POST', `${h.base()}/${id}/switch-logger-replica`, { body: { availability_zone: az } });
      const primary = await toAz(primaryOnlyAz);
      expect([primary.status, primary.body.error_code]).toEqual([400, 'DBS.200025']);
      const foreign = await toAz('az4xahz');
      expect([foreign.status, foreign.body.error_code]).toEqual([400, 'DBS.200025']);
    });

    it('refuses centralized instances (triset and double) and distributed combined deployments with 409 DBS.280406', async () => {
      const triset = await h.ready(
        createBody({ name: 'rep-triset', availability_zone: 'az1xahz,az2xahz,az3xahz' }),
      );
      const double = await h.ready(
        createBody({
          name: 'rep-double',
          solution: 'double',
          availability_zone: 'az1xahz,az2xahz',
          master_az: 'az1xahz',
          ha: {
            mode: 'centralization_standard',
            consistency: 'strong',
            replication_mode: 'sync',
            consistency_protocol: 'paxos',
          },
        }),
      );
      const combined = await h.ready(
        distributedBody({
          name: 'rep-combined',
          ha: { mode: 'combined', consistency: 'strong', replication_mode: 'sync' },
          solution: 'hcs2',
        }),
      );
      for (const id of [triset, double, combined]) {
        const toLogger = await t.call('POST', `${h.base()}/${id}/switch-logger-replica`, {
          body: { availability_zone: 'az2xahz' },
        });
        expect([toLogger.status, toLogger.body.error_code]).toEqual([409, 'DBS.280406']);
        const toStandby = await t.call('POST', `${h.base()}/${id}/switch-replica`, { body: {} });
        expect([toStandby.status, toStandby.body.error_code]).toEqual([409, 'DBS.280406']);
        expect((await h.instance(id)).status).toBe('ACTIVE');
      }
    });
  });

  describe('advanced features (4.4.26 / 4.4.27)', () => {
    it('lists the features off, turns some on with ModifyGaussDBV5AdvancedFeatures, status mirroring value', async () => {
      const id = await h.ready(createBody({ name: 'feat-01' }));
      const list = async () =>
        (await t.call('GET', `${h.base()}/${id}/advance-features`)).body.features as {
          name: string;
          status: string;
          value: string;
        }[];
      expect((await list()).map((f) => `${f.name}=${f.value}`)).toEqual([
        'ledger=off',
        'ilm=off',
        'security=off',
        'vectordb=off',
      ]);
      const res = await t.call('POST', `${h.base()}/${id}/advance-features`, {
        body: { params: { ledger: 'on', vectordb: 'on' } },
      });
      expect(res.status).toBe(202);
      expect(await h.job(res.body.job_id as string)).toMatchObject({
        name: 'ModifyGaussDBV5AdvancedFeatures',
      });
      expect((await h.instance(id)).status).toBe('MODIFYING');
      t.emu.clock.advance(2 * MIN);
      const after = await list();
      expect(after.find((f) => f.name === 'ledger')).toMatchObject({ status: 'on', value: 'on' });
      expect(after.find((f) => f.name === 'vectordb')).toMatchObject({ status: 'on', value: 'on' });
    });

    it('answers the edition code when the instance lacks a feature (vectordb on distributed: DBS.06014014)', async () => {
      const dist = (await h.byName('upg-grey')).id;
      const res = await t.call('POST', `${h.base()}/${dist}/advance-features`, {
        body: { params: { vectordb: 'on' } },
      });
      expect(res.body.error_code).toBe('DBS.06014014');
    });

    it('refuses an unknown feature with DBS.06010013 (contract)', async () => {
      const id = (await h.byName('feat-01')).id;
      expect(
        (await t.call('POST', `${h.base()}/${id}/advance-features`, { body: { params: { turbo: 'on' } } }))
          .body.error_code,
      ).toBe('DBS.06010013');
    });
  });
});

describe('on the demo seed', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ seed: 'demo' });
  });
  afterAll(() => t.close());
  const h = helpers(() => t);

  it('shows a grey upgrade waiting to be observed with one of two shards done', async () => {
    const staging = await h.byName('staging-ledger');
    expect(staging.status).toBe('UPGRADE TO BE OBSERVED');
    const c = await h.candidates(staging.id);
    expect(c).toMatchObject({
      target_version: 'V2.0-8.201.0',
      roll_upgrade_progress: { upgraded_dn_group_numbers: '1', total_dn_group_numbers: '2' },
    });
  });

  it('shows an unbalanced data warehouse, EIPs and a stopped standby', async () => {
    const dw = await h.byName('analytics-dw');
    expect((await t.call('GET', `${h.base()}/${dw.id}/balance`)).body).toEqual({ balanced: false });
    const core = await h.byName('prod-core-01');
    expect((await t.call('GET', `${h.base()}/${core.id}/public-ips`)).body.total_count).toBe(1);
    const sandbox = await h.byName('dev-sandbox-01');
    expect(sandbox.nodes.filter((n) => (n as { status?: string }).status === 'STOPPED')).toHaveLength(1);
  });

  it('runs the distributed data warehouse with a logger replica; the centralized archive has none to switch', async () => {
    const dw = await h.byName('analytics-dw');
    const again = await t.call('POST', `${h.base()}/${dw.id}/switch-logger-replica`, {
      body: { availability_zone: dw.nodes[0]!.availability_zone },
    });
    expect([again.status, again.body.error_code]).toEqual([409, 'DBS.280406']);
    expect(again.body.error_msg).toContain('already runs 1 primary + 1 standby + 1 logger');
    const archive = await h.byName('archive-2023');
    const refused = await t.call('POST', `${h.base()}/${archive.id}/switch-replica`, { body: {} });
    expect([refused.status, refused.body.error_code]).toEqual([409, 'DBS.280406']);
    expect(refused.body.error_msg).toContain('only for distributed');
  });

  it('enlarges a disk automatically as its data grows past the policy trigger', async () => {
    const core = await h.byName('prod-core-01');
    expect((await t.call('GET', `${h.base()}/${core.id}/auto-enlarge-policy`)).body).toMatchObject({
      switch_option: true,
      limit_volume_size: 960,
    });
    t.emu.clock.advance(10 * 24 * 60 * MIN);
    expect((await h.instance(core.id)).volume.size).toBe(480);
    t.emu.clock.advance(15 * 24 * 60 * MIN);
    const during = await h.instance(core.id);
    expect(during.status).toBe('MODIFYING');
    const tasks = (await t.call('GET', `/v3/${t.pid}/tasks?name=EnlargeGaussDBV5Volume&status=Running`)).body;
    expect(JSON.stringify(tasks)).toContain(core.id);
    t.emu.clock.advance(5 * MIN);
    expect(await h.instance(core.id)).toMatchObject({ status: 'ACTIVE', volume: { size: 576 } });
  });
});
