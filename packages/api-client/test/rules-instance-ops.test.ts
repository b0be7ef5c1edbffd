// Request rules of 4.4.14–4.4.27 and 4.6.x: each validated field with a valid and an invalid case; an invalid
// case must name the field in its message and carry the DBS code the emulator will answer with.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { instanceOpsOperations } from '../src/operations/instance-ops';
import { upgradeOperations } from '../src/operations/upgrade';
import type { OperationDescriptor } from '../src/operations/define';
import { dbsCodeForPath } from '../src/schema/error-codes';
import { isWeakPassword, WEAK_PASSWORD_DICTIONARY } from '../src/schema/rules-instance-ops';

const ops: Record<string, OperationDescriptor> = { ...instanceOpsOperations, ...upgradeOperations };
type Part = 'pathParams' | 'query' | 'body';

interface Valid {
  op: string;
  part: Part;
  input: unknown;
  why: string;
}
interface Invalid extends Valid {
  /** Text the message must contain: the field as the caller knows it. */
  names: string;
  code: string;
}

const schemaOf = (c: Valid): z.ZodType => {
  const op = ops[c.op];
  if (!op) throw new Error(`unknown operation ${c.op}`);
  return op[c.part];
};

const nodes = {
  instance_id: 'd8e6ca5a624745bcb546a227aa3ae1cfin14',
  node_id: '0bc478b4d132494a8f7b804da521b4b2no14',
};
const eip = {
  action: 'BIND',
  public_ip: '10.154.218.161',
  public_ip_id: '45da4782-e0c8-4aa4-a290-b8740014f710',
};

const valid: Valid[] = [
  {
    op: 'checkWeakPassword',
    part: 'body',
    input: { password: 'Xq7#mT2!pL' },
    why: 'a strong password is judged',
  },
  {
    op: 'checkWeakPassword',
    part: 'body',
    input: { password: 'abc' },
    why: 'a weak password is judged, not refused',
  },
  { op: 'changeNodePublicIp', part: 'pathParams', input: nodes, why: 'instance and node ids' },
  { op: 'changeNodePublicIp', part: 'body', input: eip, why: 'binding an IPv4 EIP' },
  {
    op: 'changeNodePublicIp',
    part: 'body',
    input: { ...eip, action: 'UNBIND' },
    why: 'unbinding (L2823 example)',
  },
  { op: 'changeNodePublicIp', part: 'body', input: { ...eip, public_ip: '2001:db8::7' }, why: 'an IPv6 EIP' },
  { op: 'getProjectQuotas', part: 'query', input: { type: 'instance' }, why: 'the only quota type' },
  { op: 'getProjectQuotas', part: 'query', input: {}, why: 'no filter' },
  { op: 'startNodes', part: 'body', input: { node_ids: [] }, why: 'an empty list starts the whole instance' },
  {
    op: 'startNodes',
    part: 'body',
    input: { node_ids: ['a4e6ca5a624745bcb546a227aa373kcf14'] },
    why: 'one node',
  },
  { op: 'stopNodes', part: 'body', input: { node_ids: [] }, why: 'an empty list stops the whole instance' },
  {
    op: 'listEnterpriseProjects',
    part: 'query',
    input: { limit: '1000', offset: '0' },
    why: 'limit up to 1000',
  },
  {
    op: 'listEnterpriseProjects',
    part: 'query',
    input: { instance_id: 'x1in14', name_keyword: 'auto' },
    why: 'the stray instance_id is tolerated',
  },
  {
    op: 'switchToLoggerReplica',
    part: 'body',
    input: { availability_zone: 'cn-southwest-244a', is_auto_pay: false },
    why: 'AZ and auto-pay',
  },
  { op: 'switchToStandbyReplica', part: 'body', input: undefined, why: 'no body at all' },
  { op: 'switchToStandbyReplica', part: 'body', input: {}, why: 'an empty body' },
  { op: 'modifyAdvancedFeatures', part: 'body', input: { params: { ledger: 'off' } }, why: 'one feature' },
  // The six 4.6.2 examples the fixture does not hold (L5162-5214; the grey+upgrade one without its trailing comma).
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'hotfix', target_version: 'xxxx', upgrade_action: 'upgradeAutoCommit' },
    why: 'L5164 hotfix',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'hotfix', target_version: 'xxxx', upgrade_action: 'rollback' },
    why: 'L5171 hotfix rollback',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', target_version: 'xxx', upgrade_action: 'upgradeAutoCommit' },
    why: 'L5181 grey autocommit',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', target_version: 'xxx', upgrade_action: 'upgrade' },
    why: 'L5191 grey observe',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', target_version: 'xxx', upgrade_action: 'rollback' },
    why: 'L5201 grey rollback',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', target_version: 'xxx', upgrade_action: 'commit' },
    why: 'L5211 grey commit',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'inplace', upgrade_action: 'upgradeAutoCommit' },
    why: 'in-place with its one action',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: {
      upgrade_type: 'grey',
      target_version: 'V2.0-8.200.0',
      upgrade_action: 'upgrade',
      upgrade_shard_num: 2,
      upgrade_az: 'cn-southwest-244a,cn-southwest-244b',
    },
    why: 'an observed step with shards and AZs',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: {
      upgrade_type: 'hotfix',
      upgrade_action: 'upgradeAutoCommit',
      target_version: 'V2.0-8.201.1,V2.0-8.201.2',
    },
    why: 'several hotfixes',
  },
];

const invalid: Invalid[] = [
  {
    op: 'checkWeakPassword',
    part: 'body',
    input: {},
    names: 'password',
    code: 'DBS.200001',
    why: 'missing password',
  },
  {
    op: 'checkWeakPassword',
    part: 'body',
    input: { password: '' },
    names: 'password',
    code: 'DBS.200001',
    why: 'empty password',
  },
  {
    op: 'checkWeakPassword',
    part: 'body',
    input: { password: 'a'.repeat(129) },
    names: 'password',
    code: 'DBS.200001',
    why: 'over 128 characters',
  },
  {
    op: 'checkWeakPassword',
    part: 'body',
    input: { password: 'Gauss@123', user: 'root' },
    names: 'user',
    code: 'DBS.200001',
    why: 'an unknown field',
  },
  {
    op: 'changeNodePublicIp',
    part: 'pathParams',
    input: { ...nodes, node_id: '' },
    names: 'node_id',
    code: 'DBS.280404',
    why: 'blank node id',
  },
  {
    op: 'changeNodePublicIp',
    part: 'pathParams',
    input: { ...nodes, instance_id: 'a/b' },
    names: 'instance_id',
    code: 'DBS.280404',
    why: 'slash in instance id',
  },
  {
    op: 'changeNodePublicIp',
    part: 'body',
    input: { ...eip, action: 'bind' },
    names: 'action',
    code: 'DBS.200001',
    why: 'lower-case action',
  },
  {
    op: 'changeNodePublicIp',
    part: 'body',
    input: { ...eip, public_ip: '10.154.218.999' },
    names: 'public_ip',
    code: 'DBS.200001',
    why: 'not an IP address',
  },
  {
    op: 'changeNodePublicIp',
    part: 'body',
    input: { action: 'UNBIND', public_ip_id: eip.public_ip_id },
    names: 'public_ip',
    code: 'DBS.200001',
    why: 'missing public_ip',
  },
  {
    op: 'changeNodePublicIp',
    part: 'body',
    input: { ...eip, public_ip_id: 'eip id!' },
    names: 'public_ip_id',
    code: 'DBS.200001',
    why: 'bad EIP id',
  },
  {
    op: 'getProjectQuotas',
    part: 'query',
    input: { type: 'flavor' },
    names: 'type',
    code: 'DBS.200001',
    why: 'unknown quota type',
  },
  {
    op: 'startNodes',
    part: 'body',
    input: { node_ids: null },
    names: 'node_ids',
    code: 'DBS.200001',
    why: 'null node list',
  },
  {
    op: 'startNodes',
    part: 'body',
    input: {},
    names: 'node_ids',
    code: 'DBS.200001',
    why: 'missing node list',
  },
  {
    op: 'startNodes',
    part: 'body',
    input: { node_ids: [''] },
    names: 'node id',
    code: 'DBS.280404',
    why: 'blank node id',
  },
  {
    op: 'stopNodes',
    part: 'body',
    input: { node_ids: ['n1no14', 'n1no14'] },
    names: 'node_ids',
    code: 'DBS.200001',
    why: 'a node listed twice',
  },
  {
    op: 'stopNodes',
    part: 'body',
    input: { node_ids: 'n1no14' },
    names: 'node_ids',
    code: 'DBS.200001',
    why: 'a string instead of a list',
  },
  {
    op: 'listEnterpriseProjects',
    part: 'query',
    input: { limit: '1001' },
    names: 'limit',
    code: 'DBS.280439',
    why: 'limit over 1000',
  },
  {
    op: 'listEnterpriseProjects',
    part: 'query',
    input: { offset: '-1' },
    names: 'offset',
    code: 'DBS.280440',
    why: 'negative offset',
  },
  {
    op: 'listEnterpriseProjects',
    part: 'query',
    input: { name_keyword: 'k'.repeat(256) },
    names: 'name_keyword',
    code: 'DBS.200001',
    why: 'keyword too long',
  },
  {
    op: 'switchToLoggerReplica',
    part: 'body',
    input: {},
    names: 'availability_zone',
    code: 'DBS.200025',
    why: 'missing AZ',
  },
  {
    op: 'switchToLoggerReplica',
    part: 'body',
    input: { availability_zone: 'az 1' },
    names: 'availability_zone',
    code: 'DBS.200025',
    why: 'space in AZ',
  },
  {
    op: 'switchToLoggerReplica',
    part: 'body',
    input: { availability_zone: 'az1', is_auto_pay: 'yes' },
    names: 'is_auto_pay',
    code: 'DBS.200001',
    why: 'non-boolean auto-pay',
  },
  {
    op: 'switchToStandbyReplica',
    part: 'body',
    input: { is_auto_pay: 'true' },
    names: 'is_auto_pay',
    code: 'DBS.200001',
    why: 'string auto-pay',
  },
  {
    op: 'modifyAdvancedFeatures',
    part: 'body',
    input: {},
    names: 'params',
    code: 'DBS.06010013',
    why: 'missing params',
  },
  {
    op: 'modifyAdvancedFeatures',
    part: 'body',
    input: { params: {} },
    names: 'params',
    code: 'DBS.06010013',
    why: 'no feature named',
  },
  {
    op: 'modifyAdvancedFeatures',
    part: 'body',
    input: { params: { multitenancy: 'on' } },
    names: 'params.multitenancy',
    code: 'DBS.06010013',
    why: 'unknown feature',
  },
  {
    op: 'modifyAdvancedFeatures',
    part: 'body',
    input: { params: { ledger: 'true' } },
    names: 'params.ledger',
    code: 'DBS.06010013',
    why: 'value other than on/off',
  },
  {
    op: 'modifyAdvancedFeatures',
    part: 'body',
    input: { params: { ilm: 1 } },
    names: 'params',
    code: 'DBS.06010013',
    why: 'non-string value',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { target_version: 'xxx' },
    names: 'upgrade_type',
    code: 'DBS.200001',
    why: 'missing upgrade_type',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'Grey', upgrade_action: 'commit' },
    names: 'upgrade_type',
    code: 'DBS.200001',
    why: 'upgrade_type is case-sensitive',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', upgrade_action: 'Upgrade' },
    names: 'upgrade_action',
    code: 'DBS.200001',
    why: 'upgrade_action is case-sensitive',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', target_version: 'xxx' },
    names: 'upgrade_action',
    code: 'DBS.200001',
    why: 'grey needs an action',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'hotfix', upgrade_action: 'commit' },
    names: 'upgrade_action',
    code: 'DBS.200001',
    why: 'hotfix has no commit',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'inplace', upgrade_action: 'rollback' },
    names: 'upgrade_action',
    code: 'DBS.200001',
    why: 'in-place has no rollback',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'inplace', target_version: '' },
    names: 'target_version',
    code: 'DBS.200041',
    why: 'empty version',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'inplace', target_version: 'V2.0 8.2' },
    names: 'target_version',
    code: 'DBS.200041',
    why: 'space in version',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', upgrade_action: 'upgradeAutoCommit', target_version: 'a,b' },
    names: 'target_version',
    code: 'DBS.200041',
    why: 'several versions outside hotfix',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', upgrade_action: 'upgrade', upgrade_shard_num: 0 },
    names: 'upgrade_shard_num',
    code: 'DBS.280601',
    why: 'zero shards',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', upgrade_action: 'upgrade', upgrade_shard_num: '2' },
    names: 'upgrade_shard_num',
    code: 'DBS.280601',
    why: 'shard count as text',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', upgrade_action: 'commit', upgrade_shard_num: 2 },
    names: 'upgrade_shard_num',
    code: 'DBS.280601',
    why: 'shard count outside an observed step',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', upgrade_action: 'upgrade', upgrade_az: 'az1,,az2' },
    names: 'upgrade_az',
    code: 'DBS.200025',
    why: 'empty AZ entry',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'grey', upgrade_action: 'upgrade', upgrade_az: 'az1,az1' },
    names: 'upgrade_az',
    code: 'DBS.200025',
    why: 'AZ listed twice',
  },
  {
    op: 'upgradeInstance',
    part: 'body',
    input: { upgrade_type: 'inplace', upgrade_az: 'az1' },
    names: 'upgrade_az',
    code: 'DBS.200025',
    why: 'AZs outside an observed step',
  },
];

describe('instance operation and upgrade request rules', () => {
  it.each(valid.map((c) => [c.op, c.why, c] as const))('%s accepts %s', (_op, _why, c) => {
    const r = schemaOf(c).safeParse(c.input);
    expect(r.success ? 'ok' : JSON.stringify(r.error.issues)).toBe('ok');
  });

  it.each(invalid.map((c) => [c.op, c.why, c.code, c] as const))(
    '%s refuses %s with %s',
    (_op, _why, _code, c) => {
      const schema = schemaOf(c);
      const r = schema.safeParse(c.input);
      expect(r.success).toBe(false);
      const issue = r.error?.issues[0];
      expect(issue?.message).toContain(c.names);
      expect(dbsCodeForPath(schema, issue?.path ?? [], 'DBS.200001')).toBe(c.code);
    },
  );
});

describe('weak-password check (OPS-1)', () => {
  it.each([
    ['Gauss@123', true, 'a dictionary password'],
    ['gaussdb@123', true, 'a dictionary password in another case'],
    ['abc', true, 'too short'],
    ['abcdefgh12', true, 'only two character classes'],
    ['Abcd 1234!', true, 'a space is outside every class'],
    ['Xq7#mT2!pL', false, 'long, four classes, not well known'],
  ])('calls %s weak=%s (%s)', (pw, weak) => {
    expect(isWeakPassword(pw)).toBe(weak);
  });

  it('calls every dictionary entry weak', () => {
    expect(WEAK_PASSWORD_DICTIONARY.every((p) => isWeakPassword(p))).toBe(true);
  });
});

describe('instance operation descriptors', () => {
  it('marks the service-interrupting calls destructive and leaves the others alone', () => {
    const destructive = Object.values(ops)
      .filter((o) => o.destructive)
      .map((o) => o.id)
      .sort();
    expect(destructive).toEqual([
      'stopNodes',
      'switchToLoggerReplica',
      'switchToStandbyReplica',
      'upgradeInstance',
    ]);
  });

  it('routes start-nodes together with 4.9.9 start-database on the same body', () => {
    const start = instanceOpsOperations.startNodes;
    expect(start.sharesRouteWith).toBe('4.9.9');
    expect(start.matchesBody?.({ node_ids: [] })).toBe(true);
    expect(start.matchesBody?.({ availability_zone: 'az1' })).toBe(false);
  });

  it('sends instance statistics without a project id', () => {
    expect(instanceOpsOperations.getInstanceStatistics.projectless).toBe(true);
    expect(instanceOpsOperations.getInstanceStatistics.path).not.toContain('{project_id}');
  });

  it('sends the plural /instances/ for the replica switches and accepts the singular spelling', () => {
    for (const op of [
      instanceOpsOperations.switchToLoggerReplica,
      instanceOpsOperations.switchToStandbyReplica,
    ]) {
      expect(op.path).toMatch(/^\/v3\/\{project_id\}\/instances\/\{instance_id\}\//);
      expect(op.aliases).toEqual([op.path.replace('/instances/', '/instance/')]);
    }
  });

  it('sends the upgrade without the /gaussdb prefix the examples show, which stays an alias', () => {
    const up = upgradeOperations.upgradeInstance;
    expect(up.path).toBe('/v3.1/{project_id}/instances/{instance_id}/db-upgrade');
    expect(up.aliases).toEqual(['/gaussdb' + up.path]);
  });

  it('pages enterprise projects up to 1000 at a time', () => {
    expect(instanceOpsOperations.listEnterpriseProjects.paging).toMatchObject({
      kind: 'offset',
      maxLimit: 1000,
      itemsKey: 'enterprise_projects',
    });
  });

  it('reads a replica-switch answer that carries only an order id, and refuses one with neither id', () => {
    const resp = instanceOpsOperations.switchToStandbyReplica.response;
    expect(resp.safeParse({ order_id: 'CS2304011234' }).success).toBe(true);
    expect(resp.safeParse({}).success).toBe(false);
  });

  it('reads a feature status given as a boolean as well as on/off', () => {
    const r = instanceOpsOperations.listAdvancedFeatures.response.parse({
      features: [{ name: 'ledger', status: true, value: 'on' }],
    });
    expect(r.features[0]?.status).toBe('true');
  });
});
