import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getOperation, type OperationDescriptor } from '@gaussdb-console/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instancesCollection, type InstanceDoc } from '../src/domain/instance-model';
import { jobsCollection } from '../src/jobs/job-model';
import { MINUTE } from '../src/clock/clock';
import { backupsCollection } from '../src/domain/backups/model';
import { templatesCollection } from '../src/domain/parameters/model';
import { tenantsCollection } from '../src/domain/tenants/model';
import { startTestEmulator, type TestEmulator } from './helpers';

/**
 * Every request example of the API reference (the contract's fixtures, packages/api-client/test/fixtures), sent
 * to the emulator on the demo fleet. Ids in the examples name another cloud's objects (and AZ codes or node ids
 * its placeholders): they are replaced by the demo's own, chosen so the call makes sense (a distributed instance
 * for a shard switchover, a multi-tenant one for tenants). Every other value is the example's. An example the
 * contract accepts must be accepted (2xx); one the contract refuses for breaking the reference's own tables
 * (`rejectedRequest`, docs/api-decisions.md) must be refused with a 4xx.
 */

interface Part {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}
interface Fixture {
  section: string;
  operation: string;
  request?: Part;
  rejectedRequest?: { input: Part; decision: string };
}

const dir = fileURLToPath(new URL('../../../packages/api-client/test/fixtures/', import.meta.url));
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as Fixture);

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ seed: 'demo' });
});
afterAll(() => t.close());

function url(op: OperationDescriptor, part: Part): string {
  let p = op.path.replace('{project_id}', t.pid);
  for (const [k, v] of Object.entries(part.path ?? {}))
    p = p.replace(`{${k}}`, encodeURIComponent(String(v)));
  const q = new URLSearchParams(
    Object.entries(part.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
  );
  return q.size > 0 ? `${p}?${q}` : p;
}

const send = (op: OperationDescriptor, part: Part) => t.call(op.method, url(op, part), { body: part.body });

/** A call the set-up of an example needs (it must succeed). */
async function setup(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await t.call(method, path.replace('{p}', t.pid), { body });
  if (res.status >= 300)
    throw new Error(`set-up ${method} ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const advance = (ms: number) => setup('POST', '/__emulator/clock/advance', { ms });

// ---- the demo's objects ------------------------------------------------------------------------------------

const store = () => t.emu.runtime.store;
const instance = (name: string): InstanceDoc =>
  store()
    .collection(instancesCollection)
    .all({ projectId: t.pid })
    .find((i) => i.name === name)!;
/** Standby DN components of a distributed instance, one per shard: `[node id, component id]`. */
function standbyPerShard(inst: InstanceDoc): { node_id: string; component_id: string }[] {
  const seen = new Set<string>();
  const out: { node_id: string; component_id: string }[] = [];
  for (const n of inst.nodes) {
    for (const c of n.components) {
      if (c.type === 'DN' && c.role === 'slave' && !seen.has(c.distributed_id)) {
        seen.add(c.distributed_id);
        out.push({ node_id: n.id, component_id: c.id });
      }
    }
  }
  return out;
}
const tenantOf = (inst: InstanceDoc) =>
  store()
    .collection(tenantsCollection)
    .all({ projectId: t.pid })
    .find((x) => x.instance_id === inst.id)!;
const completedBackup = (inst: InstanceDoc, type = 'auto') =>
  store()
    .collection(backupsCollection)
    .all({ projectId: t.pid })
    .find((b) => b.instance_id === inst.id && b.type === type && b.status === 'COMPLETED')!;
const userTemplate = () => store().collection(templatesCollection).all({ projectId: t.pid })[0]!;
const PASSWORD = 'Example@2026pass';

type Adapter = (part: Part) => Promise<Part> | Part;
const at =
  (name: string) =>
  (part: Part): Part => ({ ...part, path: { ...part.path, instance_id: instance(name).id } });

/**
 * How each example meets the demo: its ids (and the AZ codes, node ids and names of objects it presumes) become
 * the demo's; objects it presumes (a database user it names, a stopped node to start) are made first through
 * the API. An operation not listed here only has its path's instance id replaced (prod-core-01).
 */
const ADAPT: Record<string, Adapter> = {
  createIamToken: (part) => {
    const body = part.body as {
      auth: {
        identity: { password: { user: { name: string; password: string; domain: { name: string } } } };
        scope: { project: { name: string } };
      };
    };
    const { iam } = t.emu.credentials;
    Object.assign(body.auth.identity.password.user, {
      name: iam.user,
      password: iam.password,
      domain: { name: iam.domain },
    });
    body.auth.scope.project.name = t.emu.projectName;
    return part;
  },
  expandInstance: (part) => {
    const inst = instance('prod-ledger-dist');
    (
      part.body as { expand_cluster: { coordinators: { az_code: string }[] } }
    ).expand_cluster.coordinators.forEach((c) => (c.az_code = inst.nodes[0]!.availability_zone));
    return at('prod-ledger-dist')(part);
  },
  switchShardPrimary: (part) => {
    const choices = standbyPerShard(instance('prod-ledger-dist'));
    const body = part.body as { shards: { node_id: string; component_id: string }[] };
    body.shards = body.shards.map((_, i) => choices[i]!);
    return at('prod-ledger-dist')(part);
  },
  listComponents: at('prod-ledger-dist'),
  getBalanceStatus: at('analytics-dw'),
  listCoordinators: at('prod-ledger-dist'),
  changeNodePublicIp: (part) => ({
    ...at('prod-core-02')(part),
    path: { instance_id: instance('prod-core-02').id, node_id: instance('prod-core-02').nodes[0]!.id },
  }),
  stopNodes: (part) => {
    const two = standbyPerShard(instance('prod-ledger-dist')).slice(0, 2);
    part.body = { node_ids: two.map((c) => c.node_id) };
    return at('prod-ledger-dist')(part);
  },
  startNodes: async (part) => {
    const inst = instance('prod-ledger-dist');
    const two = standbyPerShard(inst)
      .slice(0, 2)
      .map((c) => c.node_id);
    await setup('POST', `/v3/{p}/instances/${inst.id}/db-stop`, { node_ids: two });
    await advance(10 * MINUTE);
    part.body = { node_ids: two };
    return at('prod-ledger-dist')(part);
  },
  switchToLoggerReplica: (part) => {
    const inst = instance('prod-ledger-dist');
    part.body = {
      availability_zone: inst.nodes.find((n) => n.id === standbyPerShard(inst)[0]!.node_id)!
        .availability_zone,
    };
    return at('prod-ledger-dist')(part);
  },
  switchToStandbyReplica: at('analytics-dw'),
  getInstanceParameters: at('prod-core-01'),
  deleteParameterTemplate: async (part) => {
    const created = await setup('POST', '/v3/{p}/configurations', {
      name: 'to-be-deleted',
      datastore: { engine_version: '8.201', instance_mode: 'ha' },
    });
    return { ...part, path: { config_id: created.id } };
  },
  compareParameterTemplates: (part) => {
    const [a, b] = store().collection(templatesCollection).all({ projectId: t.pid });
    return { ...part, body: { source_id: a!.id, target_id: (b ?? a)!.id } };
  },
  applyParameterTemplate: async () => {
    const config = userTemplate().id;
    const fits = (await setup('GET', `/v3/{p}/configurations/${config}/applicable-instances`)).instances as {
      instance_id: string;
    }[];
    return {
      path: { config_id: config },
      body: { instance_ids: fits.slice(0, 2).map((i) => i.instance_id) },
    };
  },
  upgradeInstance: async (part) => {
    const inst = instance('staging-app');
    // "xxx" stands for a version 4.6.1 offers.
    const candidates = (await setup(
      'GET',
      `/v3.1/{p}/instances/${inst.id}/db-upgrade/candidate-versions`,
    )) as { upgrade_candidate_versions: string[] };
    (part.body as { target_version: string }).target_version = candidates.upgrade_candidate_versions[0]!;
    return at('staging-app')(part);
  },
  listUpgradeCandidates: at('staging-app'),
  listBackups: (part) => {
    const inst = instance('prod-core-01');
    return { query: { ...part.query, instance_id: inst.id, backup_id: completedBackup(inst).id } };
  },
  createManualBackup: (part) => ({
    body: { ...(part.body as object), instance_id: instance('prod-core-02').id },
  }),
  getBackupDownloadLinks: () => ({ query: { backup_id: completedBackup(instance('prod-core-01')).id } }),
  deleteManualBackup: () => ({ path: { backup_id: completedBackup(instance('prod-core-01'), 'manual').id } }),
  listRestorableInstances: () => {
    const inst = instance('prod-core-01');
    return { query: { source_instance_id: inst.id, backup_id: completedBackup(inst).id } };
  },
  listRestoreTimes: (part) => ({
    ...at('prod-core-01')(part),
    query: { date: new Date(t.emu.clock.now()).toISOString().slice(0, 10) },
  }),
  createDatabase: async (part) => {
    const inst = instance('prod-core-01');
    await setup('POST', `/v3/{p}/instances/${inst.id}/db-user`, { name: 'test', password: PASSWORD });
    return at('prod-core-01')(part);
  },
  createSchema: async (part) => {
    const inst = instance('prod-core-01');
    await setup('POST', `/v3/{p}/instances/${inst.id}/db-user`, { name: 'teste123', password: PASSWORD });
    await setup('POST', `/v3/{p}/instances/${inst.id}/database`, { name: 'gaussdb_test' });
    return at('prod-core-01')(part);
  },
  grantDbPrivilege: async (part) => {
    const inst = instance('prod-core-01');
    for (const name of ['rds', 'rds001', 'rds002', 'owner01'])
      await setup('POST', `/v3/{p}/instances/${inst.id}/db-user`, { name, password: PASSWORD });
    await setup('POST', `/v3/{p}/instances/${inst.id}/database`, { name: 'gaussdb_test' });
    await setup('POST', `/v3/{p}/instances/${inst.id}/schema`, {
      db_name: 'gaussdb_test',
      schemas: ['teste123', 'teste134', 'teste135'].map((name) => ({ name, owner: 'owner01' })),
    });
    return at('prod-core-01')(part);
  },
  listSchemas: (part) => ({ ...at('prod-core-01')(part), query: { ...part.query, db_name: 'core_banking' } }),
  startDatabase: async (part) => ADAPT.startNodes!(part),
  getJob: () => ({ query: { id: store().collection(jobsCollection).all({ projectId: t.pid })[0]!.id } }),
  deleteJob: () => ({
    path: {
      job_id: store()
        .collection(jobsCollection)
        .all({ projectId: t.pid })
        .find((j) => j.status !== 'Running')!.id,
    },
  }),
  deleteInstanceTag: async (part) => {
    const inst = instance('prod-core-01');
    await setup('POST', `/v3/{p}/instances/${inst.id}/tags`, { tags: [{ key: 'demo', value: 'yes' }] });
    return at('prod-core-01')(part);
  },
};

/** Tenant examples: the multi-tenant prod-core-02, one of its tenants, and the objects the example names. */
const TENANT_OPS = new Set([
  'createTenant',
  'deleteTenant',
  'resizeTenant',
  'enlargeTenantDisk',
  'listTenants',
  'modifyTenantParameters',
  'getTenantParameters',
  'listTenantParameterTemplates',
  'listTenantFlavors',
  'createTenantSchema',
  'listTenantDbUsers',
  'listTenantSchemas',
  'grantTenantDbPrivilege',
  'createTenantDbUser',
  'resetTenantDbUserPassword',
]);
async function adaptTenant(operation: string, part: Part): Promise<Part> {
  const inst = instance('prod-core-02');
  const tenant = tenantOf(inst);
  const path: Record<string, unknown> = { ...part.path, instance_id: inst.id };
  if ('pdb_id' in path) path.pdb_id = tenant.id;
  const body = part.body as Record<string, unknown> | undefined;
  if (body && 'pdb_id' in body) body.pdb_id = tenant.id;
  if (operation === 'listTenants' && body) Object.assign(body, { id: tenant.id, name: tenant.name });
  if (operation === 'createTenant' && body) {
    const templates = (await setup('GET', `/v3.1/{p}/instances/${inst.id}/pdb/configurations`))
      .configurations as { id: string }[];
    body.configuration_id = templates[0]!.id;
  }
  if (operation === 'enlargeTenantDisk' && body) {
    // The example enlarges a tenant to 10 GB: one smaller than that (the demo's are 20 GB and more).
    const templates = (await setup('GET', `/v3.1/{p}/instances/${inst.id}/pdb/configurations`))
      .configurations as { id: string }[];
    await setup('POST', `/v3/{p}/instances/${inst.id}/pdb`, {
      pdb_name: 'small_tenant',
      pdb_pd_in_db: PASSWORD,
      cpu: 1,
      mem: 4,
      disk: '5',
      configuration_id: templates[0]!.id,
    });
    await advance(10 * MINUTE);
    body.pdb_id = store()
      .collection(tenantsCollection)
      .all({ projectId: t.pid })
      .find((x) => x.name === 'small_tenant')!.id;
  }
  const base = `/v3/{p}/instances/${inst.id}/pdbs/${tenant.id}`;
  if (operation === 'createTenantSchema')
    await setup('POST', `${base}/db-user`, { name: 'teste123', password: PASSWORD });
  if (operation === 'grantTenantDbPrivilege') {
    for (const name of ['rds', 'rds001', 'rds002', 'owner01'])
      await setup('POST', `${base}/db-user`, { name, password: PASSWORD });
    await setup('POST', `${base}/schema`, {
      schemas: ['teste123', 'teste134', 'teste135'].map((name) => ({ name, owner: 'owner01' })),
    });
  }
  return { ...part, path };
}

async function adapt(operation: string, part: Part): Promise<Part> {
  if (TENANT_OPS.has(operation)) return adaptTenant(operation, part);
  const custom = ADAPT[operation];
  if (custom) return custom(part);
  return part.path?.instance_id !== undefined
    ? at('prod-core-01')(part)
    : part.path?.config_id !== undefined
      ? { ...part, path: { ...part.path, config_id: userTemplate().id } }
      : part;
}

describe('the reference request examples against the emulator', () => {
  for (const f of fixtures) {
    const op = getOperation(f.operation)!;
    if (f.request) {
      it(`${f.section} ${f.operation}: accepts the example`, async () => {
        await t.call('POST', '/__emulator/reset', { body: { seed: 'demo' } });
        const res = await send(op, await adapt(f.operation, structuredClone(f.request!)));
        expect(
          res.status < 300 ? 'accepted' : `${res.status} ${res.body.error_code}: ${res.body.error_msg}`,
        ).toBe('accepted');
      });
    }
    if (f.rejectedRequest) {
      it(`${f.section} ${f.operation}: refuses the example that breaks the reference's tables (${f.rejectedRequest.decision})`, async () => {
        await t.call('POST', '/__emulator/reset', { body: { seed: 'demo' } });
        const res = await send(op, await adapt(f.operation, structuredClone(f.rejectedRequest!.input)));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      });
    }
  }

  it('walks every example there is', () => {
    expect(fixtures.filter((f) => f.request).length).toBeGreaterThanOrEqual(90);
    for (const f of fixtures) expect(getOperation(f.operation), f.operation).toBeDefined();
  });
});
