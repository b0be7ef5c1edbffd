// Request rules of 4.1–4.4.13: each validated field accepts a good value and refuses a bad one with a
// message naming the field and the reference's DBS code (decisions/10-instances.md).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dbsCodeForPath } from '../src/schema/error-codes';
import { instanceOperations } from '../src/operations/instances';
import { flavorOperations } from '../src/operations/flavors';
import { storageOperations } from '../src/operations/storage';
import { versionOperations } from '../src/operations/versions';
import {
  checkVolumeSize,
  compareEngineVersions,
  expandKind,
  EXPAND_JOB_NAMES,
  parseTagsFilter,
  expandInstanceBody,
} from '../src/schema/rules-instances';
import { instanceSchema } from '../src/schema/instance-schemas';

type Issue = z.core.$ZodIssue;

/** The code a server answers with: a rule's own code if it set one, else the field's registered code. */
function codeFor(schema: z.ZodType, issue: Issue): string {
  const own = 'params' in issue ? (issue.params as { dbsCode?: string } | undefined)?.dbsCode : undefined;
  return own ?? dbsCodeForPath(schema, issue.path, 'DBS.200001');
}

function firstIssue(schema: z.ZodType, input: unknown): Issue {
  const r = schema.safeParse(input);
  if (r.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  const issue = r.error.issues[0];
  if (!issue) throw new Error('no issue');
  return issue;
}

type Patch = Record<string, unknown>;
/** Applies `{ 'a.b': v }` patches to a deep copy; `undefined` deletes the key. */
function patched(base: Patch, patch: Patch): Patch {
  const out = structuredClone(base);
  for (const [dotted, value] of Object.entries(patch)) {
    const keys = dotted.split('.');
    let cur: Record<string, unknown> = out;
    for (const k of keys.slice(0, -1)) {
      cur[k] = { ...(cur[k] as Record<string, unknown> | undefined) };
      cur = cur[k] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1] as string;
    if (value === undefined) delete cur[last];
    else cur[last] = value;
  }
  return out;
}

const centralized: Patch = {
  name: 'gauss-prod-01',
  datastore: { type: 'GaussDB', version: '8.201' },
  ha: { mode: 'centralization_standard', consistency: 'strong', replication_mode: 'sync' },
  password: 'Gauss_1234!',
  flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in',
  volume: { type: 'ULTRAHIGH', size: 40 },
  region: 'cn-north-4',
  availability_zone: 'az1,az1,az1',
  vpc_id: 'c0a17a45-5e4a-4166-9cd6-cf9846f776a2',
  subnet_id: 'ba239f09-7b59-4233-80c9-af2b418803ae',
  solution: 'triset',
};
const distributed: Patch = patched(centralized, {
  'ha.mode': 'enterprise',
  solution: undefined,
  volume: { type: 'ULTRAHIGH', size: 120 },
});

const create = instanceOperations.createInstance.body;

describe('createInstance (4.4.1) body', () => {
  it('accepts a minimal centralized triset request and a minimal distributed request', () => {
    expect(create.safeParse(centralized).success).toBe(true);
    expect(create.safeParse(distributed).success).toBe(true);
  });

  it('accepts every optional field at a valid value', () => {
    const full = patched(centralized, {
      configuration_id: '26f22545846040d1a02163a068b6b3a3pr14',
      port: '8000',
      backup_strategy: { start_time: '23:00-00:00', keep_days: 0 },
      disk_encryption_id: '24ae42b5-4009-4ea2-b66a-0b211e424dab',
      security_group_id: '093807ac-4d7a-44c6-b554-b3460dab50cf',
      charge_info: { charge_mode: 'postPaid' },
      time_zone: 'UTC+08:00',
      replica_num: 3,
      enable_force_switch: true,
      os_type: 'Hce',
      master_az: 'az1',
      enable_single_float_ip: true,
      enterprise_project_id: '0',
      'ha.consistency_protocol': 'paxos',
    });
    const r = create.safeParse(full);
    expect(r.success ? 'ok' : JSON.stringify(r.error.issues)).toBe('ok');
  });

  it('normalises case-insensitive enums to their canonical spelling', () => {
    const r = create.parse(
      patched(centralized, {
        'datastore.type': 'gaussdb',
        'ha.mode': 'CENTRALIZATION_STANDARD',
        'ha.consistency': 'Strong',
        'ha.replication_mode': 'SYNC',
      }),
    );
    expect([r.datastore.type, r.ha.mode, r.ha.consistency, r.ha.replication_mode]).toEqual([
      'GaussDB',
      'centralization_standard',
      'strong',
      'sync',
    ]);
  });

  it('accepts an integer disk size sent as a string and sends it on as a number', () => {
    expect(create.parse(patched(centralized, { 'volume.size': '80' })).volume.size).toBe(80);
  });

  const refused: [string, Patch, Patch, string, string][] = [
    // [what, base, patch, field named in the message, code]
    ['a name starting with a digit', centralized, { name: '1gauss' }, 'instance name', 'DBS.200021'],
    ['a missing name', centralized, { name: undefined }, 'instance name', 'DBS.200021'],
    ['an unknown engine', centralized, { 'datastore.type': 'MySQL' }, 'datastore.type', 'DBS.280235'],
    [
      'a malformed engine version',
      centralized,
      { 'datastore.version': '8.201 beta' },
      'datastore.version',
      'DBS.200041',
    ],
    ['a missing datastore', centralized, { datastore: undefined }, 'datastore', 'DBS.280237'],
    ['ha.mode "ha"', centralized, { 'ha.mode': 'ha' }, 'ha.mode', 'DBS.280402'],
    ['an unknown consistency', centralized, { 'ha.consistency': 'weak' }, 'ha.consistency', 'DBS.280602'],
    [
      'an async replication mode',
      centralized,
      { 'ha.replication_mode': 'async' },
      'ha.replication_mode',
      'DBS.280262',
    ],
    [
      'an unknown consistency protocol',
      centralized,
      { 'ha.consistency_protocol': 'raft' },
      'ha.consistency_protocol',
      'DBS.280602',
    ],
    ['an empty configuration_id', centralized, { configuration_id: '' }, 'configuration_id', 'DBS.200057'],
    ['a port below 1024', centralized, { port: '1023' }, 'port', 'DBS.280364'],
    ['a reserved port', centralized, { port: '32124' }, 'port', 'DBS.280364'],
    ['a password of two kinds', centralized, { password: 'gaussdb1234' }, 'password', 'DBS.200052'],
    ['a password with a space', centralized, { password: 'Gauss 1234!' }, 'password', 'DBS.200052'],
    [
      'a backup window of two hours',
      centralized,
      { backup_strategy: { start_time: '02:00-04:00' } },
      'start_time',
      'DBS.280216',
    ],
    [
      'keep_days over 732',
      centralized,
      { backup_strategy: { start_time: '02:00-03:00', keep_days: 733 } },
      'keep_days',
      'DBS.280214',
    ],
    [
      'a blank disk_encryption_id',
      centralized,
      { disk_encryption_id: ' ' },
      'disk_encryption_id',
      'DBS.200506',
    ],
    ['an empty flavor_ref', centralized, { flavor_ref: '' }, 'flavor_ref', 'DBS.280288'],
    ['volume.type LOCALSSD', centralized, { 'volume.type': 'LOCALSSD' }, 'volume.type', 'DBS.200026'],
    ['volume.type in lower case', centralized, { 'volume.type': 'ultrahigh' }, 'volume.type', 'DBS.200026'],
    ['a fractional disk size', centralized, { 'volume.size': 40.5 }, 'volume.size', 'DBS.200023'],
    ['a disk below 40 GB per shard', centralized, { 'volume.size': 36 }, 'volume.size', 'DBS.200023'],
    [
      'a disk not a multiple of 4 GB per shard',
      distributed,
      { 'volume.size': 124 },
      'volume.size',
      'DBS.280611',
    ],
    ['a disk above 16 TB per shard', centralized, { 'volume.size': 16388 }, 'volume.size', 'DBS.280612'],
    ['an empty region', centralized, { region: '' }, 'region', 'DBS.200024'],
    [
      'two equal AZs and one other',
      centralized,
      { availability_zone: 'az1,az1,az2' },
      'availability_zone',
      'DBS.200025',
    ],
    [
      'a single AZ written once',
      centralized,
      { availability_zone: 'az1' },
      'availability_zone',
      'DBS.200025',
    ],
    [
      'an AZ code with a space inside',
      centralized,
      { availability_zone: 'az 1,az 1,az 1' },
      'availability_zone',
      'DBS.200025',
    ],
    ['a missing vpc_id', centralized, { vpc_id: undefined }, 'vpc_id', 'DBS.200048'],
    ['an empty subnet_id', centralized, { subnet_id: '' }, 'subnet_id', 'DBS.200049'],
    ['a blank security_group_id', centralized, { security_group_id: '' }, 'security_group_id', 'DBS.200001'],
    [
      'an unknown charge mode',
      centralized,
      { charge_info: { charge_mode: 'monthly' } },
      'charge_info.charge_mode',
      'DBS.280365',
    ],
    ['a half-hour time zone', centralized, { time_zone: 'UTC+08:30' }, 'time_zone', 'DBS.280447'],
    ['replica_num 2', centralized, { replica_num: 2 }, 'replica_num', 'DBS.280628'],
    [
      'enable_force_switch as a string',
      centralized,
      { enable_force_switch: 'yes' },
      'enable_force_switch',
      'DBS.200175',
    ],
    [
      'enable_force_switch before 1.2.2',
      centralized,
      { enable_force_switch: true, 'datastore.version': '1.2' },
      'enable_force_switch',
      'DBS.200175',
    ],
    [
      'a centralized request without solution',
      centralized,
      { solution: undefined },
      'solution',
      'DBS.280635',
    ],
    ['an unknown solution', centralized, { solution: 'quad' }, 'solution', 'DBS.280635'],
    [
      'a distributed solution on a centralized instance',
      centralized,
      { solution: 'hcs2' },
      'solution',
      'DBS.280635',
    ],
    ['a combined instance without hcs2', distributed, { 'ha.mode': 'combined' }, 'solution', 'DBS.280635'],
    [
      'double before 3.220',
      centralized,
      { solution: 'double', availability_zone: 'az1,az2', master_az: 'az1', 'datastore.version': '3.206' },
      'solution',
      'DBS.280629',
    ],
    [
      'double with quorum',
      centralized,
      {
        solution: 'double',
        availability_zone: 'az1,az2',
        master_az: 'az1',
        'ha.consistency_protocol': 'quorum',
      },
      'ha.consistency_protocol',
      'DBS.280602',
    ],
    [
      'double with three AZs',
      centralized,
      { solution: 'double', master_az: 'az1' },
      'availability_zone',
      'DBS.200025',
    ],
    [
      'double without master_az',
      centralized,
      { solution: 'double', availability_zone: 'az1,az2' },
      'master_az',
      'DBS.200025',
    ],
    ['a master_az outside availability_zone', centralized, { master_az: 'az9' }, 'master_az', 'DBS.200025'],
    ['a master_az on a distributed instance', distributed, { master_az: 'az1' }, 'master_az', 'DBS.200025'],
    ['os_type in lower case', centralized, { os_type: 'euler' }, 'os_type', 'DBS.200001'],
    [
      'os_type Hce before 8.102',
      centralized,
      { os_type: 'Hce', 'datastore.version': '3.223' },
      'os_type',
      'DBS.200001',
    ],
    [
      'a single float IP on a distributed instance',
      distributed,
      { enable_single_float_ip: true },
      'enable_single_float_ip',
      'DBS.200001',
    ],
    [
      'sharding_num on a centralized instance',
      centralized,
      { sharding_num: 3 },
      'sharding_num',
      'DBS.280601',
    ],
    ['sharding_num 0', distributed, { sharding_num: 0 }, 'sharding_num', 'DBS.280601'],
    [
      'more CNs than twice the shards',
      distributed,
      { sharding_num: 2, coordinator_num: 5, 'volume.size': 80 },
      'coordinator_num',
      'DBS.280600',
    ],
    ['coordinator_num over 256', distributed, { coordinator_num: 257 }, 'coordinator_num', 'DBS.280600'],
    [
      'a blank enterprise_project_id',
      centralized,
      { enterprise_project_id: '' },
      'enterprise_project_id',
      'DBS.280433',
    ],
  ];
  it.each(refused)('refuses %s', (_what, base, patch, field, code) => {
    const issue = firstIssue(create, patched(base, patch));
    expect(issue.message).toContain(field);
    expect(codeFor(create, issue)).toBe(code);
  });

  it('refuses an unknown field and names it', () => {
    const issue = firstIssue(create, { ...centralized, colour: 'blue' });
    expect(issue.message).toContain('colour');
    expect(codeFor(create, issue)).toBe('DBS.200001');
  });

  it('checks the disk against the given shard count (3 shards: 120–49152 GB in 12 GB steps)', () => {
    expect(create.safeParse(patched(distributed, { sharding_num: 3, 'volume.size': 132 })).success).toBe(
      true,
    );
    expect(create.safeParse(patched(distributed, { sharding_num: 3, 'volume.size': 108 })).success).toBe(
      false,
    );
    expect(
      create.safeParse(patched(distributed, { sharding_num: 2, coordinator_num: 4, 'volume.size': 88 }))
        .success,
    ).toBe(true);
  });

  it('accepts a double (1 primary + 1 standby) instance in two AZs with paxos', () => {
    const r = create.safeParse(
      patched(centralized, {
        solution: 'double',
        availability_zone: 'az1, az2',
        master_az: 'az2',
        'ha.consistency_protocol': 'PAXOS',
      }),
    );
    expect(r.success ? 'ok' : JSON.stringify(r.error.issues)).toBe('ok');
  });
});

describe('expandInstance (4.4.2) body', () => {
  const expand = instanceOperations.expandInstance.body;

  it('accepts the four reference examples and tells which job each starts', () => {
    const examples = [
      { expand_cluster: { coordinators: [{ az_code: 'az_code' }] } },
      {
        expand_cluster: {
          coordinators: [{ az_code: 'az_code' }, { az_code: 'az_code' }, { az_code: 'az_code' }],
        },
      },
      { expand_cluster: { shard: { count: '1' } } },
      { enlarge_volume: { size: 400 } },
    ];
    const jobs = examples.map((e) => EXPAND_JOB_NAMES[expandKind(expandInstanceBody.parse(e))]);
    expect(jobs).toEqual([
      'GaussDBV5ExpandClusterCN',
      'GaussDBV5ExpandClusterCN',
      'GaussDBV5ExpandClusterDN',
      'EnlargeGaussDBV5Volume',
    ]);
    expect(expandInstanceBody.parse(examples[2]).expand_cluster?.shard?.count).toBe(1);
  });

  const refused: [string, unknown, string, string][] = [
    ['an empty body', {}, 'request body', 'DBS.280609'],
    [
      'CNs and shards together',
      { expand_cluster: { coordinators: [{ az_code: 'az1' }], shard: { count: 1 } } },
      'expand_cluster',
      'DBS.280606',
    ],
    ['expand_cluster with neither', { expand_cluster: {} }, 'expand_cluster', 'DBS.280609'],
    [
      'a scale-out and a disk enlargement together',
      { expand_cluster: { shard: { count: 1 } }, enlarge_volume: { size: 400 } },
      'enlarge_volume',
      'DBS.200001',
    ],
    [
      'an empty coordinator list',
      { expand_cluster: { coordinators: [] } },
      'expand_cluster.coordinators',
      'DBS.280608',
    ],
    [
      '256 new CNs',
      { expand_cluster: { coordinators: Array.from({ length: 256 }, () => ({ az_code: 'az1' })) } },
      'expand_cluster.coordinators',
      'DBS.280608',
    ],
    ['a blank az_code', { expand_cluster: { coordinators: [{ az_code: '' }] } }, 'az_code', 'DBS.200025'],
    [
      'zero new shards',
      { expand_cluster: { shard: { count: 0 } } },
      'expand_cluster.shard.count',
      'DBS.280604',
    ],
    [
      '256 new shards',
      { expand_cluster: { shard: { count: 256 } } },
      'expand_cluster.shard.count',
      'DBS.280604',
    ],
    ['a disk below 40 GB', { enlarge_volume: { size: 36 } }, 'enlarge_volume.size', 'DBS.200023'],
    ['a disk not a multiple of 4 GB', { enlarge_volume: { size: 402 } }, 'enlarge_volume.size', 'DBS.280611'],
  ];
  it.each(refused)('refuses %s', (_what, body, field, code) => {
    const issue = firstIssue(expand, body);
    expect(issue.message).toContain(field);
    expect(codeFor(expand, issue)).toBe(code);
  });
});

describe('checkVolumeSize (shared with the emulator)', () => {
  it.each([
    [40, 1, undefined],
    [36, 1, 'DBS.200023'],
    [16384, 1, undefined],
    [16388, 1, 'DBS.280612'],
    [120, 3, undefined],
    [124, 3, 'DBS.280611'],
    [400, 5, undefined],
  ])('size %i GB with %i shard(s) → %s', (size, shards, code) => {
    expect(checkVolumeSize(size, shards)?.code).toBe(code);
  });
});

describe('instance queries and small bodies (4.4.4–4.4.13)', () => {
  const list = instanceOperations.listInstances.query;
  it('accepts every list filter, including tags and charge_mode', () => {
    const r = list.safeParse({
      id: '*in14',
      name: 'gauss',
      type: 'Centralization_standard',
      datastore_type: 'gaussdb',
      vpc_id: 'v1',
      subnet_id: 's1',
      tags: 'env=prod,team=db',
      charge_mode: 'prePaid',
      offset: '0',
      limit: '100',
    });
    expect(r.success ? 'ok' : JSON.stringify(r.error.issues)).toBe('ok');
    expect(parseTagsFilter('env=prod, team=db')).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'db' },
    ]);
  });

  const cases: [string, z.ZodType, unknown, string, string][] = [
    ['a bare * id filter', list, { id: '*' }, 'id', 'DBS.280404'],
    ['a bare * name filter', list, { name: '*' }, 'name', 'DBS.200001'],
    ['type=Ha', list, { type: 'Ha' }, 'type', 'DBS.280342'],
    ['an unknown datastore_type', list, { datastore_type: 'mysql' }, 'datastore_type', 'DBS.280235'],
    ['a tags filter without "="', list, { tags: 'env' }, 'tags', 'DBS.200001'],
    ['a tag key with a space inside', list, { tags: 'my env=prod' }, 'tags', 'DBS.200001'],
    ['an unknown charge_mode', list, { charge_mode: 'free' }, 'charge_mode', 'DBS.280365'],
    ['limit 101', list, { limit: '101' }, 'limit', 'DBS.280439'],
    ['a negative offset', list, { offset: '-1' }, 'offset', 'DBS.280440'],
    [
      'a reset password with a "$"',
      instanceOperations.resetRootPassword.body,
      { password: 'Gauss$1234' },
      'password',
      'DBS.200052',
    ],
    [
      'a reset password too short',
      instanceOperations.resetRootPassword.body,
      { password: 'Ga_1' },
      'password',
      'DBS.200052',
    ],
    [
      'a rename to a 3-character name',
      instanceOperations.renameInstance.body,
      { name: 'abc' },
      'instance name',
      'DBS.200021',
    ],
    [
      'a switchover without shards',
      instanceOperations.switchShardPrimary.body,
      { shards: [] },
      'shards',
      'DBS.280667',
    ],
    [
      'a component id of 8 characters',
      instanceOperations.switchShardPrimary.body,
      { shards: [{ node_id: 'n1no14', component_id: 'dn_60011' }] },
      'component_id',
      'DBS.280667',
    ],
    [
      'a component id of two kinds',
      instanceOperations.switchShardPrimary.body,
      { shards: [{ node_id: 'n1no14', component_id: 'dn6001' }] },
      'component_id',
      'DBS.280667',
    ],
    [
      'a blank node id',
      instanceOperations.switchShardPrimary.body,
      { shards: [{ node_id: '', component_id: 'dn_6001' }] },
      'node_id',
      'DBS.280407',
    ],
    [
      'the same standby twice',
      instanceOperations.switchShardPrimary.body,
      {
        shards: [
          { node_id: 'n1no14', component_id: 'dn_6001' },
          { node_id: 'n1no14', component_id: ' dn_6001 ' },
        ],
      },
      'component_id',
      'DBS.280668',
    ],
    [
      'an unknown component_type',
      instanceOperations.listComponents.query,
      { component_type: 'cn' },
      'component_type',
      'DBS.200001',
    ],
    ['component limit 0', instanceOperations.listComponents.query, { limit: '0' }, 'limit', 'DBS.280439'],
    ['a resize without flavor_ref', instanceOperations.resizeFlavor.body, {}, 'flavor_ref', 'DBS.280288'],
    [
      'a deployment form query with neither field',
      instanceOperations.getDeploymentForm.query,
      {},
      'solution or instance_id',
      'DBS.200001',
    ],
    [
      'an unknown solution template',
      instanceOperations.getDeploymentForm.query,
      { solution: 'quad' },
      'solution',
      'DBS.280635',
    ],
    ['an EIP page of 51', instanceOperations.listPublicIps.query, { limit: '51' }, 'limit', 'DBS.280439'],
    [
      'a blank instance id in the path',
      instanceOperations.deleteInstance.pathParams,
      { instance_id: ' ' },
      'instance_id',
      'DBS.280404',
    ],
    [
      'an upper-case API version',
      versionOperations.getApiVersion.pathParams,
      { version: 'V3' },
      'version',
      'DBS.200001',
    ],
    [
      'an unknown flavor ha_mode',
      flavorOperations.listFlavors.query,
      { ha_mode: 'combined' },
      'ha_mode',
      'DBS.280402',
    ],
    [
      'a flavor page of 101',
      flavorOperations.listAvailableFlavors.query,
      { limit: '101' },
      'limit',
      'DBS.280439',
    ],
    [
      'a disk-type query without version',
      storageOperations.listStorageTypes.query,
      {},
      'version',
      'DBS.200041',
    ],
    [
      'an unknown disk-type ha_mode',
      storageOperations.listStorageTypes.query,
      { version: '8.201', ha_mode: 'combined' },
      'ha_mode',
      'DBS.280402',
    ],
  ];
  it.each(cases)('refuses %s', (_what, schema, input, field, code) => {
    const issue = firstIssue(schema, input);
    expect(issue.message).toContain(field);
    expect(codeFor(schema, issue)).toBe(code);
  });

  it.each([
    [
      'a reset password from the reset set',
      instanceOperations.resetRootPassword.body,
      { password: 'Gauss&1234' },
    ],
    ['a rename', instanceOperations.renameInstance.body, { name: 'Gauss_prod-2' }],
    [
      'a component type filter and AZ',
      instanceOperations.listComponents.query,
      { component_type: 'DN', availability_zone_id: 'az1' },
    ],
    [
      'a resize',
      instanceOperations.resizeFlavor.body,
      { flavor_ref: 'gaussdb.opengauss.ee.dn.m6.4xlarge.8.in' },
    ],
    [
      'a deployment form by instance',
      instanceOperations.getDeploymentForm.query,
      { instance_id: 'b331ed66cc3249f78bc20737308c01f4in14' },
    ],
    ['API version v3.1', versionOperations.getApiVersion.pathParams, { version: 'v3.1' }],
    [
      'a disk-type query for a centralized instance',
      storageOperations.listStorageTypes.query,
      { version: '8.201', ha_mode: 'Centralization_Standard' },
    ],
  ])('accepts %s', (_what, schema, input) => {
    const r = (schema as z.ZodType).safeParse(input);
    expect(r.success ? 'ok' : JSON.stringify(r.error.issues)).toBe('ok');
  });
});

describe('instance readers', () => {
  it('splits " / "-joined IPs and treats an empty string as no IPs', () => {
    const base = { id: 'i1', name: 'gauss-1', status: 'ACTIVE' };
    expect(instanceSchema.parse({ ...base, private_ips: ['192.168.1.1 / 192.168.1.2'] }).private_ips).toEqual(
      ['192.168.1.1', '192.168.1.2'],
    );
    expect(instanceSchema.parse({ ...base, private_ips: '' }).private_ips).toEqual([]);
  });

  it('fills spec_code from the misspelt spec_cpde and turns an az_status list into a map', () => {
    const r = flavorOperations.listAvailableFlavors.response.parse({
      flavors: [
        { spec_cpde: 'x.ha', vcpus: 8, ram: '64', az_status: [{ az1: 'normal' }, { az2: 'sellout' }] },
      ],
      total_count: '1',
    });
    expect(r.flavors[0]).toMatchObject({
      spec_code: 'x.ha',
      vcpus: '8',
      az_status: { az1: 'normal', az2: 'sellout' },
    });
    expect(r.total_count).toBe(1);
  });

  it('reads public_ip_addresses as public_ip_address', () => {
    const r = instanceOperations.listPublicIps.response.parse({
      public_ips: [{ public_ip_addresses: '100.95.156.144' }],
      total_count: 1,
    });
    expect(r.public_ips[0]?.public_ip_address).toBe('100.95.156.144');
  });
});

describe('compareEngineVersions', () => {
  it.each([
    ['1.4', '1.2.2', 1],
    ['1.2', '1.2.2', -1],
    ['3.220', '3.220', 0],
    ['V2.0-8.201.0', '8.102', 1],
    ['latest', '8.102', undefined],
  ])('%s vs %s → %s', (a, b, want) => {
    expect(compareEngineVersions(a, b)).toBe(want);
  });
});
