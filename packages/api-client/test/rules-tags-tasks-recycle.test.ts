// Request rules of 4.11 (tags), 4.12 (tasks), 4.13 (recycle bin), 5.1 (historical v3) and the IAM calls:
// each validated field has a valid and an invalid case; an invalid one must name the field and resolve to
// the DBS code the emulator answers with (docs/api-decisions.md TAG-*, TASK-*, RCY-*, LEG-*, IAM-*).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dbsCodeForIssue, dbsCodeForPath } from '../src/schema/error-codes';
import { tagOperations, predefinedTagValues } from '../src/operations/tags';
import { JOB_STATUSES, TASK_NAMES, progressOf, taskOperations } from '../src/operations/tasks';
import { recycleBinOperations, recycleStatusOf, retentionDaysOf } from '../src/operations/recycle-bin';
import { legacyOperations } from '../src/operations/legacy';
import { iamOperations } from '../src/operations/iam';

type Issue = z.core.$ZodIssue;

/** The code the emulator answers: a cross-field issue's own `params.dbsCode`, else the field's registered code. */
function codeFor(schema: z.ZodType, issue: Issue): string {
  return dbsCodeForIssue(schema, issue, 'DBS.200001');
}

function firstIssue(schema: z.ZodType, input: unknown): Issue {
  const r = schema.safeParse(input);
  if (r.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return r.error.issues[0] as Issue;
}

function accepts(schema: z.ZodType, input: unknown): void {
  const r = schema.safeParse(input);
  expect(r.success ? 'ok' : JSON.stringify(r.error.issues)).toBe('ok');
}

type Patch = Record<string, unknown>;
/** Deep-merges `patch` into `base`; `undefined` deletes a key. */
function merge(base: Patch, patch: Patch): Patch {
  const out: Patch = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else if (
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      typeof base[k] === 'object' &&
      base[k] !== null
    )
      out[k] = merge(base[k] as Patch, v as Patch);
    else out[k] = v;
  }
  return out;
}

interface Case {
  name: string;
  input: unknown;
  field?: string;
  code?: string;
}

function table(schema: z.ZodType, valid: Case[], invalid: Required<Case>[]) {
  it.each(valid)('accepts $name', ({ input }) => accepts(schema, input));
  it.each(invalid)('rejects $name, naming $field, with $code', ({ input, field, code }) => {
    const issue = firstIssue(schema, input);
    expect(issue.message).toContain(field);
    expect(codeFor(schema, issue)).toBe(code);
  });
}

describe('4.11.4 addInstanceTags body', () => {
  const body = tagOperations.addInstanceTags.body;
  const tags = (...t: unknown[]) => ({ tags: t });
  table(
    body,
    [
      { name: 'a letter/digit key with a value', input: tags({ key: 'env', value: 'prod' }) },
      { name: 'Chinese, ".", "@" and an empty value', input: tags({ key: '环境.a@b', value: '' }) },
      { name: 'a key padded with spaces (trimmed)', input: tags({ key: ' env ', value: ' prod ' }) },
      {
        name: 'a 36-character key and a 43-character value',
        input: tags({ key: 'k'.repeat(36), value: 'v'.repeat(43) }),
      },
      { name: 'several distinct keys', input: tags({ key: 'a', value: '1' }, { key: 'b', value: '1' }) },
    ],
    [
      { name: 'an empty key', input: tags({ key: '  ', value: 'x' }), field: 'tag key', code: 'DBS.200001' },
      {
        name: 'a 37-character key',
        input: tags({ key: 'k'.repeat(37), value: 'x' }),
        field: 'tag key',
        code: 'DBS.200001',
      },
      {
        name: 'a key with "#"',
        input: tags({ key: 'a#b', value: 'x' }),
        field: 'tag key',
        code: 'DBS.200001',
      },
      {
        name: 'a value of only spaces',
        input: tags({ key: 'a', value: '   ' }),
        field: 'tags[].value',
        code: 'DBS.200001',
      },
      {
        name: 'a 44-character value',
        input: tags({ key: 'a', value: 'v'.repeat(44) }),
        field: 'tag value',
        code: 'DBS.200001',
      },
      {
        name: 'a value with "/"',
        input: tags({ key: 'a', value: 'x/y' }),
        field: 'tag value',
        code: 'DBS.200001',
      },
      { name: 'no tags', input: tags(), field: 'tags', code: 'DBS.200001' },
      { name: 'a missing tags field', input: {}, field: 'tags', code: 'DBS.200001' },
      {
        name: 'a key given twice',
        input: tags({ key: 'a', value: '1' }, { key: 'a', value: '2' }),
        field: 'tags[1].key',
        code: 'DBS.280272',
      },
      {
        name: 'a key given twice once spaces are trimmed',
        input: tags({ key: 'b', value: '1' }, { key: ' b', value: '2' }),
        field: 'tags[1].key',
        code: 'DBS.280272',
      },
    ],
  );
  it('rejects a field the table does not have', () => {
    expect(body.safeParse(tags({ key: 'a', value: '1', extra: true })).success).toBe(false);
  });
  it('reports the duplicate on the repeated element, whose path alone resolves to DBS.280272', () => {
    const issue = firstIssue(
      body,
      tags({ key: 'a', value: '1' }, { key: 'b', value: '1' }, { key: 'a', value: '3' }),
    );
    expect(issue.path).toEqual(['tags', 2]);
    expect(dbsCodeForPath(body, issue.path, 'DBS.200001')).toBe('DBS.280272');
  });
});

describe('4.11.5 deleteInstanceTag', () => {
  const op = tagOperations.deleteInstanceTag;
  table(
    op.query,
    [{ name: 'key=demo', input: { key: 'demo' } }],
    [
      { name: 'an empty key', input: { key: '' }, field: 'tag key', code: 'DBS.200001' },
      { name: 'a key with a space inside', input: { key: 'a b' }, field: 'tag key', code: 'DBS.200001' },
    ],
  );
  table(
    op.pathParams,
    [{ name: 'an instance id', input: { instance_id: 'cc6fd964d93f4003851dfc29d57d30a5in14' } }],
    [
      { name: 'a blank instance id', input: { instance_id: ' ' }, field: 'instance_id', code: 'DBS.280404' },
      {
        name: 'an instance id with "/"',
        input: { instance_id: 'a/b' },
        field: 'instance_id',
        code: 'DBS.280404',
      },
    ],
  );
  it('sends the singular /tag path and accepts /tags as an alias', () => {
    expect(op.path).toBe('/v3/{project_id}/instances/{instance_id}/tag');
    expect(op.aliases).toContain('/v3/{project_id}/instances/{instance_id}/tags');
    expect(op.destructive).toBe(true);
  });
});

describe('4.11 tag responses', () => {
  it('reads a tag value sent as one string or null as a list', () => {
    const r = tagOperations.listInstanceTags.response.parse({
      tags: [
        { key: 'a', value: 'x' },
        { key: 'b', value: null },
      ],
      total_count: '2',
    });
    expect(r.tags.map((t) => t.value)).toEqual([['x'], []]);
    expect(r.total_count).toBe(2);
  });
  it('reads predefined tag values under either spelling', () => {
    const r = tagOperations.listPredefinedTags.response.parse({
      tags: [
        { key: 'a', values: ['1'] },
        { key: 'b', value: ['2'] },
      ],
    });
    expect(r.tags.map(predefinedTagValues)).toEqual([['1'], ['2']]);
  });
});

describe('4.12.1 getJob', () => {
  table(
    taskOperations.getJob.query,
    [{ name: 'a UUID job id', input: { id: '5cbb8a90-2253-4cff-8a13-49aa8f31dfb5' } }],
    [
      { name: 'a missing id', input: {}, field: 'id', code: 'DBS.200001' },
      { name: 'a blank id', input: { id: '  ' }, field: 'id', code: 'DBS.200001' },
    ],
  );
  it('reads a running job with its progress', () => {
    const r = taskOperations.getJob.response.parse({
      job: {
        id: 'j',
        name: 'CreateGaussDBV5Instance',
        status: 'Running',
        progress: '60%',
        instance: { id: 'i', name: 'n' },
        fail_reason: null,
      },
    });
    expect(progressOf(r.job)).toBe('60%');
  });
});

describe('4.12.2 listTasks query', () => {
  const q = taskOperations.listTasks.query;
  table(
    q,
    [
      {
        name: 'the reference example',
        input: { status: 'Running', name: 'CreateGaussDBV5Instance', offset: '1', limit: '10' },
      },
      { name: 'an extension task name', input: { name: 'RenameGaussDBV5Instance' } },
      {
        name: 'ISO times with Z and with +0800',
        input: { start_time: '2024-05-01T00:00:00Z', end_time: '2024-05-01T10:00:00+0800' },
      },
      { name: 'epoch-millisecond times', input: { start_time: '1714521600000', end_time: '1714525200000' } },
      { name: 'limit 100', input: { limit: '100' } },
    ],
    [
      { name: 'a lower-case status', input: { status: 'running' }, field: 'status', code: 'DBS.200001' },
      {
        name: 'a task name with spaces',
        input: { name: 'Create Instance' },
        field: 'name',
        code: 'DBS.200001',
      },
      {
        name: 'a start time in words',
        input: { start_time: 'yesterday' },
        field: 'start_time',
        code: 'DBS.200001',
      },
      {
        name: 'a date without a time',
        input: { end_time: '2024-05-01' },
        field: 'end_time',
        code: 'DBS.200001',
      },
      {
        name: 'an end before the start',
        input: { start_time: '2024-05-02T00:00:00Z', end_time: '2024-05-01T00:00:00Z' },
        field: 'end_time',
        code: 'DBS.200001',
      },
      { name: 'a negative offset', input: { offset: '-1' }, field: 'offset', code: 'DBS.280440' },
      { name: 'limit 101', input: { limit: '101' }, field: 'limit', code: 'DBS.280439' },
      { name: 'limit 0', input: { limit: '0' }, field: 'limit', code: 'DBS.280439' },
    ],
  );
  it('rejects an undeclared filter', () => {
    expect(q.safeParse({ instance_id: 'x' }).success).toBe(false);
  });
  it('reads items with process or progress, and created_at/ended_at', () => {
    const r = taskOperations.listTasks.response.parse({
      tasks: [
        {
          job_id: '1',
          name: 'CreateGaussDBV5Instance',
          status: 'Failed',
          process: null,
          fail_reason: 'ECS',
          instance_info: { instance_status: 'creating' },
        },
        {
          job_id: '2',
          name: 'DeleteGaussDBV5Instance',
          status: 'Running',
          progress: '30%',
          created_at: '2024-05-01T00:00:00Z',
          ended_at: null,
        },
      ],
      total_count: 2,
    });
    expect(r.tasks.map(progressOf)).toEqual([undefined, '30%']);
    expect(r.tasks[1]?.created_at).toBe('2024-05-01T00:00:00Z');
  });
  it('pages by item offset with at most 100 per page', () => {
    expect(taskOperations.listTasks.paging).toEqual({
      kind: 'offset',
      itemsKey: 'tasks',
      totalKey: 'total_count',
      maxLimit: 100,
    });
  });
  it('knows the ten documented task names and three job states', () => {
    expect(TASK_NAMES).toHaveLength(10);
    expect(TASK_NAMES).toContain('RestoreGaussDBV5InstanceToExistedInst');
    expect(JOB_STATUSES).toEqual(['Running', 'Completed', 'Failed']);
  });
});

describe('4.12.3 deleteJob', () => {
  table(
    taskOperations.deleteJob.pathParams,
    [{ name: 'a job id', input: { job_id: '6b00c41d-d54f-4bcb-80da-566ccedc2b5d' } }],
    [{ name: 'an empty job id', input: { job_id: '' }, field: 'job_id', code: 'DBS.280404' }],
  );
  it('accepts an empty answer', () => {
    expect(taskOperations.deleteJob.response.safeParse(undefined).success).toBe(true);
    expect(taskOperations.deleteJob.response.safeParse({}).success).toBe(true);
  });
});

describe('4.13.1 setRecyclePolicy body', () => {
  const policy = (d: unknown) => ({ recycle_policy: { retention_period_in_days: d } });
  table(
    recycleBinOperations.setRecyclePolicy.body,
    [
      { name: '1 day', input: policy(1) },
      { name: '7 days', input: policy(7) },
    ],
    [
      {
        name: '0 days',
        input: policy(0),
        field: 'recycle_policy.retention_period_in_days',
        code: 'DBS.200001',
      },
      {
        name: '8 days',
        input: policy(8),
        field: 'recycle_policy.retention_period_in_days',
        code: 'DBS.200001',
      },
      {
        name: '2.5 days',
        input: policy(2.5),
        field: 'recycle_policy.retention_period_in_days',
        code: 'DBS.200001',
      },
      {
        name: 'the string "5"',
        input: policy('5'),
        field: 'recycle_policy.retention_period_in_days',
        code: 'DBS.200001',
      },
      { name: 'a missing recycle_policy', input: {}, field: 'recycle_policy', code: 'DBS.200001' },
    ],
  );
});

describe('4.13.2 getRecyclePolicy response', () => {
  it('reads the flat string answer as a number', () => {
    const r = recycleBinOperations.getRecyclePolicy.response.parse({ retention_period_in_days: '5' });
    expect(retentionDaysOf(r)).toBe(5);
  });
  it('reads the wrapped PUT shape too, and defaults to 7 when absent', () => {
    const op = recycleBinOperations.getRecyclePolicy.response;
    expect(retentionDaysOf(op.parse({ recycle_policy: { retention_period_in_days: 3 } }))).toBe(3);
    expect(retentionDaysOf(op.parse({}))).toBe(7);
  });
});

describe('4.13.3 listRecycleInstances', () => {
  table(
    recycleBinOperations.listRecycleInstances.query,
    [
      { name: 'limit 50 with a name', input: { instance_name: 'gauss-01', offset: '0', limit: '50' } },
      { name: 'no filters', input: {} },
    ],
    [
      { name: 'limit 51', input: { limit: '51' }, field: 'limit', code: 'DBS.280439' },
      { name: 'an empty name', input: { instance_name: '' }, field: 'instance_name', code: 'DBS.200001' },
    ],
  );
  it('reads recycle_status and recycle_statuses, and numbers where strings are declared', () => {
    const r = recycleBinOperations.listRecycleInstances.response.parse({
      instances: [
        { id: 'a', name: 'x', recycle_status: 'Active', pay_model: 0, enterprise_project_id: 0 },
        { id: 'b', name: 'y', recycle_statuses: 'Running' },
      ],
      total_count: 2,
    });
    expect(r.instances.map(recycleStatusOf)).toEqual(['Active', 'Running']);
    expect(r.instances[0]?.pay_model).toBe('0');
  });
});

describe('5.1.1 createInstanceV3 body', () => {
  const op = legacyOperations.createInstanceV3;
  const base: Patch = {
    name: 'gauss-legacy-01',
    datastore: { type: 'GaussDB', version: '8.201' },
    ha: { mode: 'enterprise', consistency: 'strong', replication_mode: 'sync' },
    password: 'Gauss_2024!',
    flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in',
    volume: { type: 'ULTRAHIGH', size: 120 },
    region: 'cn-north-4',
    availability_zone: 'az1,az1,az1',
    vpc_id: 'vpc-1',
    subnet_id: 'subnet-1',
    security_group_id: 'sg-1',
    sharding_num: 3,
    coordinator_num: 3,
  };
  const centralized = merge(base, {
    ha: { mode: 'centralization_standard' },
    sharding_num: undefined,
    coordinator_num: undefined,
    volume: { size: 40 },
  });
  const with_ = (p: Patch) => merge(base, p);
  table(
    op.body,
    [
      { name: 'a distributed instance with 3 shards and 3 CNs', input: base },
      { name: 'a centralized instance', input: centralized },
      {
        name: 'case-insensitive engine and mode',
        input: with_({ datastore: { type: 'gaussdb' }, ha: { mode: 'ENTERPRISE', consistency: 'Eventual' } }),
      },
      { name: 'a password with "." (in the 5.1.1 set)', input: with_({ password: 'Gauss.2024a' }) },
      {
        name: 'a port, a template and a backup window',
        input: with_({
          port: '8635',
          configuration_id: 'c1pr14',
          backup_strategy: { start_time: '23:00-00:00', keep_days: 0 },
        }),
      },
      { name: 'CNs at twice the shards', input: with_({ coordinator_num: 6 }) },
      { name: 'three different AZs', input: with_({ availability_zone: 'az1,az2,az3' }) },
      { name: 'a yearly/monthly charge', input: with_({ charge_info: { charge_mode: 'prePaid' } }) },
      {
        name: 'the default 3 shards when sharding_num is absent',
        input: with_({ sharding_num: undefined, coordinator_num: undefined }),
      },
    ],
    [
      {
        name: 'a 3-character name',
        input: with_({ name: 'abc' }),
        field: 'instance name',
        code: 'DBS.200021',
      },
      {
        name: 'a MySQL engine',
        input: with_({ datastore: { type: 'MySQL' } }),
        field: 'datastore.type',
        code: 'DBS.280235',
      },
      {
        name: 'the combined mode (v3.1 only)',
        input: with_({ ha: { mode: 'combined' } }),
        field: 'ha.mode',
        code: 'DBS.280402',
      },
      {
        name: 'an unknown consistency',
        input: with_({ ha: { consistency: 'weak' } }),
        field: 'ha.consistency',
        code: 'DBS.280602',
      },
      {
        name: 'async replication',
        input: with_({ ha: { replication_mode: 'async' } }),
        field: 'ha.replication_mode',
        code: 'DBS.280262',
      },
      { name: 'a restricted port', input: with_({ port: '5000' }), field: 'port', code: 'DBS.280364' },
      {
        name: 'a password with ":" (not in the 5.1.1 set)',
        input: with_({ password: 'Gauss:2024a' }),
        field: 'password',
        code: 'DBS.200052',
      },
      {
        name: 'a password with a space',
        input: with_({ password: 'Gauss 2024a' }),
        field: 'password',
        code: 'DBS.200052',
      },
      {
        name: 'a two-class password',
        input: with_({ password: 'gaussdb2024' }),
        field: 'password',
        code: 'DBS.200052',
      },
      {
        name: 'a two-hour backup window',
        input: with_({ backup_strategy: { start_time: '02:00-04:00' } }),
        field: 'start_time',
        code: 'DBS.280216',
      },
      {
        name: 'keep_days 733',
        input: with_({ backup_strategy: { start_time: '02:00-03:00', keep_days: 733 } }),
        field: 'keep_days',
        code: 'DBS.280214',
      },
      { name: 'an empty flavor', input: with_({ flavor_ref: '' }), field: 'flavor_ref', code: 'DBS.280288' },
      {
        name: 'an SSD volume type',
        input: with_({ volume: { type: 'SSD' } }),
        field: 'volume.type',
        code: 'DBS.200026',
      },
      {
        name: 'a disk below 40 GB per shard',
        input: with_({ volume: { size: 108 } }),
        field: 'volume.size',
        code: 'DBS.200023',
      },
      {
        name: 'a disk not a multiple of 4 GB per shard',
        input: with_({ volume: { size: 124 } }),
        field: 'volume.size',
        code: 'DBS.280611',
      },
      {
        name: 'a disk over 16 TB per shard',
        input: with_({ volume: { size: 16384 * 3 + 12 } }),
        field: 'volume.size',
        code: 'DBS.280612',
      },
      { name: 'a blank region', input: with_({ region: '' }), field: 'region', code: 'DBS.200024' },
      {
        name: 'two AZs',
        input: with_({ availability_zone: 'az1,az2' }),
        field: 'availability_zone',
        code: 'DBS.200025',
      },
      {
        name: 'two identical AZs and one other',
        input: with_({ availability_zone: 'az1,az1,az2' }),
        field: 'availability_zone',
        code: 'DBS.200025',
      },
      { name: 'a blank VPC', input: with_({ vpc_id: '' }), field: 'vpc_id', code: 'DBS.200048' },
      { name: 'a blank subnet', input: with_({ subnet_id: '' }), field: 'subnet_id', code: 'DBS.200049' },
      {
        name: 'no security group (required in v3)',
        input: with_({ security_group_id: undefined }),
        field: 'security_group_id',
        code: 'DBS.200001',
      },
      {
        name: 'an unknown charge mode',
        input: with_({ charge_info: { charge_mode: 'monthly' } }),
        field: 'charge_info.charge_mode',
        code: 'DBS.280365',
      },
      { name: 'zero shards', input: with_({ sharding_num: 0 }), field: 'sharding_num', code: 'DBS.280601' },
      {
        name: 'more CNs than twice the shards',
        input: with_({ coordinator_num: 7 }),
        field: 'coordinator_num',
        code: 'DBS.280600',
      },
      {
        name: 'shards on a centralized instance',
        input: merge(centralized, { sharding_num: 1 }),
        field: 'sharding_num',
        code: 'DBS.280601',
      },
      {
        name: 'CNs on a centralized instance',
        input: merge(centralized, { coordinator_num: 1 }),
        field: 'coordinator_num',
        code: 'DBS.280600',
      },
    ],
  );
  it.each(['solution', 'time_zone', 'replica_num', 'disk_encryption_id'])(
    'refuses the v3.1-only field %s',
    (k) => {
      expect(op.body.safeParse(with_({ [k]: 'x' })).success).toBe(false);
    },
  );
  it('shares its route with 4.7.8 and claims only bodies without restore_point', () => {
    expect(op.method).toBe('POST');
    expect(op.path).toBe('/v3/{project_id}/instances');
    expect(op.sharesRouteWith).toBe('4.7.8');
    expect(op.matchesBody?.(base)).toBe(true);
    expect(op.matchesBody?.({ ...base, restore_point: { instance_id: 'x' } })).toBe(false);
    expect(op.job?.names).toEqual(['CreateGaussDBV5Instance']);
    expect(op.successStatus).toBe(202);
  });
});

describe('5.1.2 listInstancesV3 query', () => {
  table(
    legacyOperations.listInstancesV3.query,
    [
      { name: 'no filters', input: {} },
      {
        name: 'a fuzzy name, a type and any-case engine',
        input: { name: '*gauss', type: 'Enterprise', datastore_type: 'gaussdb' },
      },
      {
        name: 'tag and charge-mode filters',
        input: { tags: 'rds001=001,rds002=002', charge_mode: 'postPaid' },
      },
    ],
    [
      { name: 'type=Ha', input: { type: 'Ha' }, field: 'type', code: 'DBS.280342' },
      { name: 'a lower-case type', input: { type: 'enterprise' }, field: 'type', code: 'DBS.280342' },
      {
        name: 'datastore_type=MySQL',
        input: { datastore_type: 'MySQL' },
        field: 'datastore_type',
        code: 'DBS.280235',
      },
      { name: 'a bare "*" id', input: { id: '*' }, field: 'id', code: 'DBS.280404' },
      { name: 'a bare "*" name', input: { name: '*' }, field: 'name', code: 'DBS.200001' },
      { name: 'a tag filter without "="', input: { tags: 'rds001' }, field: 'tags', code: 'DBS.200001' },
      { name: 'limit 101', input: { limit: '101' }, field: 'limit', code: 'DBS.280439' },
      {
        name: 'an unknown charge mode',
        input: { charge_mode: 'free' },
        field: 'charge_mode',
        code: 'DBS.280365',
      },
    ],
  );
});

describe('5.1.3 resizeFlavorV3', () => {
  const op = legacyOperations.resizeFlavorV3;
  table(
    op.body,
    [{ name: 'a flavor', input: { flavor_ref: 'gaussdb.opengauss.ee.dn.m6.4xlarge.8.in' } }],
    [
      { name: 'the empty reference example', input: {}, field: 'flavor_ref', code: 'DBS.280288' },
      { name: 'a blank flavor', input: { flavor_ref: ' ' }, field: 'flavor_ref', code: 'DBS.280288' },
    ],
  );
  it('uses the singular /instance/ path and starts ResizeGaussDBV5Flavor', () => {
    expect(op.path).toBe('/v3/{project_id}/instance/{instance_id}/flavor');
    expect(op.aliases).toEqual([]);
    expect(op.job?.names).toEqual(['ResizeGaussDBV5Flavor']);
  });
});

describe('IAM createIamToken body', () => {
  const body = iamOperations.createIamToken.body;
  const base: Patch = {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: 'dba', password: 'secret', domain: { name: 'acme' } } },
      },
      scope: { project: { name: 'cn-north-4' } },
    },
  };
  table(
    body,
    [
      { name: 'a project by name', input: base },
      {
        name: 'a project by id and a domain by id',
        input: {
          auth: {
            identity: {
              methods: ['password'],
              password: { user: { name: 'dba', password: 'secret', domain: { id: 'd1' } } },
            },
            scope: { project: { id: 'a4a5d4098fb4474fa22cd05f897d6b99' } },
          },
        },
      },
    ],
    [
      {
        name: 'a token method',
        input: merge(base, { auth: { identity: { methods: ['token'] } } }),
        field: 'auth.identity.methods',
        code: 'DBS.200001',
      },
      {
        name: 'no scope',
        input: merge(base, { auth: { scope: undefined } }),
        field: 'auth.scope',
        code: 'DBS.200001',
      },
      {
        name: 'a project by id and by name',
        input: merge(base, { auth: { scope: { project: { id: 'p', name: 'n' } } } }),
        field: 'auth.scope.project',
        code: 'DBS.200001',
      },
      {
        name: 'an empty user name',
        input: merge(base, { auth: { identity: { password: { user: { name: '' } } } } }),
        field: 'auth.identity.password.user.name',
        code: 'DBS.200001',
      },
    ],
  );
  it('is a projectless IAM call answered with 201', () => {
    const op = iamOperations.createIamToken;
    expect([op.service, op.projectless, op.successStatus, op.path]).toEqual([
      'iam',
      true,
      201,
      '/v3/auth/tokens',
    ]);
    expect(iamOperations.listIamProjects.service).toBe('iam');
  });
});
