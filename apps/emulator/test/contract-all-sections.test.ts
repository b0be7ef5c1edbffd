import {
  createGaussDbClient,
  operationList,
  type ClientInput,
  type GaussDbClient,
  type OperationDescriptor,
  type OperationId,
  type Operations,
} from '@gaussdb-console/api-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBody, distributedBody, MIN, startTestEmulator, type TestEmulator } from './helpers';

/**
 * Every operation of the contract, called through the real typed client against the demo emulator: the call
 * succeeds with the descriptor's success status, is served by that descriptor's handler (shared routes
 * dispatch on the body), and its body parses with the descriptor's response schema (the client parses it; a
 * GaussDbResponseShapeError fails the test, and the emulator checks its own bodies too).
 *
 * Inputs come from the demo seed (seed-data/demo.ts and its contributors) or from instances this file creates;
 * an input may prepare state (stop a node, create a template) through the same client before the call.
 */

const HOUR = 60 * MIN;

let t: TestEmulator;
let client: GaussDbClient;

/** Instance ids by name: the demo fleet plus the fixtures below. */
const ids = new Map<string, string>();
const idOf = (name: string): string => {
  const id = ids.get(name);
  if (!id) throw new Error(`no instance named ${name}`);
  return id;
};
const at = (name: string) => ({ instance_id: idOf(name) });

/** Instances made for mutations, so the demo fleet keeps its story for the reads. */
const FIXTURES = {
  /** Centralized triset over three AZs: restart, resize, expand, features, parameters. */
  central: createBody({ name: 'cas-central', availability_zone: 'az1xahz,az2xahz,az3xahz' }),
  /** Distributed (independent deployment), 3 shards of 1 primary + 2 standbys: switchover, switch to a logger replica. */
  dist: distributedBody({ name: 'cas-dist', sharding_num: 3, coordinator_num: 2 }),
  /** Stop/start nodes. */
  nodes: createBody({ name: 'cas-nodes' }),
  /** Deleted by 4.4.3. */
  doomed: createBody({ name: 'cas-doomed' }),
  /** 8.102, upgraded in place by 4.6.2. */
  old: createBody({ name: 'cas-old-engine', datastore: { type: 'GaussDB', version: '8.102' } }),
  /** Resized through the legacy 5.1.3 path. */
  legacy: createBody({ name: 'cas-legacy' }),
} as const;

type Body<K extends OperationId> = ClientInput<Operations[K]> extends { body?: infer B } ? B : never;

// ---- state helpers, all through the client -----------------------------------------------------------------

const memo = new Map<string, Promise<string>>();
const once = (key: string, make: () => Promise<string>) => {
  if (!memo.has(key)) memo.set(key, make());
  return memo.get(key)!;
};

/** The nodes of an instance as 4.4.4 shows them. */
const nodesOf = async (name: string) =>
  (await client.listInstances({ query: { id: idOf(name) } })).instances[0]?.nodes ?? [];

async function standbyNode(name: string): Promise<string> {
  return (await nodesOf(name)).find((n) => n.role === 'slave')!.id;
}

/** A standby node of `name` that is stopped (stopped now if it runs). */
async function stoppedStandby(name: string): Promise<string> {
  const nodes = await nodesOf(name);
  const stopped = nodes.find((n) => n.status === 'STOPPED');
  if (stopped) return stopped.id;
  const node = nodes.find((n) => n.role === 'slave')!.id;
  await client.stopNodes({ path: at(name), body: { node_ids: [node] } });
  t.emu.clock.advance(10 * MIN);
  return node;
}

/** A parameter template id by name (demo templates: seed-data/demo-parameters.ts). */
async function templateId(name: string): Promise<string> {
  const all = await client.listParameterTemplates({ query: { offset: 0, limit: 100 } });
  const found = all.configurations.find((c) => c.name === name);
  if (!found) throw new Error(`no template ${name}`);
  return found.id;
}

/** A custom template of this file, 8.201 centralized. */
const ownTemplate = (name = 'cas-template') =>
  once(`template:${name}`, async () => {
    const created = await client.createParameterTemplate({
      body: { name, datastore: { engine_version: '8.201', instance_mode: 'ha' } },
    });
    return created.id;
  });

/** Demo manual backup of prod-core-01 (seed-data/demo-backups-logs.ts, MANUAL). */
async function backupId(name: string): Promise<string> {
  const list = await client.listBackups({ query: { instance_id: idOf('prod-core-01'), limit: 100 } });
  const found = list.backups.find((b) => b.name === name);
  if (!found) throw new Error(`no backup ${name}`);
  return found.id;
}

/** Demo tenant id (seed-data/demo-databases-tenants-tags.ts, TENANTS). */
async function tenantId(instanceName: string, tenant: string): Promise<string> {
  const res = await client.listTenants({ path: at(instanceName), body: { offset: 0, limit: 100 } });
  return res.pdb_infos.find((p) => p.name === tenant)!.id;
}
const tenantPath = async (instanceName: string, tenant: string) => ({
  ...at(instanceName),
  pdb_id: await tenantId(instanceName, tenant),
});
const tenantTemplate = async (instanceName: string) =>
  (await client.listTenantParameterTemplates({ path: at(instanceName) })).configurations[0]!.id;

const today = () => new Date(t.emu.clock.now()).toISOString().slice(0, 10);

// ---- one input per operation -------------------------------------------------------------------------------

type Prepare<K extends OperationId> = () => ClientInput<Operations[K]> | Promise<ClientInput<Operations[K]>>;

const page = { offset: 0, limit: 10 };

const INPUTS: { [K in OperationId]: Prepare<K> } = {
  // IAM: the emulator's own credentials (docs/emulator.md "Credentials").
  createIamToken: () => {
    const { iam } = t.emu.credentials;
    return {
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: iam.user, password: iam.password, domain: { name: iam.domain } } },
          },
          scope: { project: { id: t.pid } },
        },
      },
    };
  },
  listIamProjects: () => ({}),

  // 4.1, 4.2, 4.3: catalogue reads; versions and flavors of the emulator's catalogue (domain/flavors.ts).
  listApiVersions: () => ({}),
  getApiVersion: () => ({ path: { version: 'v3' } }),
  listDatastoreVersions: () => ({}),
  listFlavors: () => ({ query: { version: '8.201', ha_mode: 'centralization_standard', limit: 10 } }),
  listDatastores: () => ({}),
  listAvailableFlavors: () => ({ path: at('prod-core-01'), query: page }),
  getVolumeUsage: () => ({ path: at('prod-core-01') }),
  listStorageTypes: () => ({ query: { version: '8.201', ha_mode: 'centralization_standard' } }),

  // 4.4: instances. Mutations on this file's fixtures; reads on the demo fleet.
  createInstance: () => ({ body: createBody({ name: 'cas-created' }) as Body<'createInstance'> }),
  expandInstance: () => ({ path: at('cas-central'), body: { enlarge_volume: { size: 80 } } }),
  deleteInstance: () => ({ path: at('cas-doomed') }),
  listInstances: () => ({ query: { limit: 100 } }),
  resetRootPassword: () => ({ path: at('cas-central'), body: { password: 'Nightly#Run2026' } }),
  renameInstance: () => ({ path: at('cas-central'), body: { name: 'cas-central-renamed' } }),
  restartInstance: () => ({ path: at('cas-central') }),
  switchShardPrimary: async () => {
    // A standby DN of the first shard (distributed_id 60011) of the distributed fixture.
    const res = await client.listComponents({ path: at('cas-dist'), query: { component_type: 'DN' } });
    const dns = (res.nodes ?? []).flatMap((n) => (n.components ?? []).map((c) => ({ node: n.id, ...c })));
    const standby = dns.find((d) => d.distributed_id === '60011' && d.role === 'slave')!;
    return { path: at('cas-dist'), body: { shards: [{ node_id: standby.node, component_id: standby.id }] } };
  },
  listComponents: () => ({ path: at('prod-ledger-dist'), query: { component_type: 'ALL', ...page } }),
  resizeFlavor: () => ({
    path: at('cas-central'),
    body: { flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha' },
  }),
  getBalanceStatus: () => ({ path: at('prod-ledger-dist') }),
  getDeploymentForm: () => ({ query: { solution: 'triset' } }),
  listPublicIps: () => ({ path: at('prod-core-01'), query: page }),
  checkWeakPassword: () => ({ body: { password: 'Huawei@123' } }),
  changeNodePublicIp: async () => {
    const node = (await nodesOf('cas-central'))[0]!.id;
    return {
      path: { ...at('cas-central'), node_id: node },
      body: {
        action: 'BIND',
        public_ip: '100.85.1.20',
        public_ip_id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
      },
    };
  },
  getSslCertDownloadLink: () => ({ path: at('prod-core-01') }),
  getProjectQuotas: () => ({ query: { type: 'instance' } }),
  startNodes: async () => ({
    path: at('cas-nodes'),
    body: { node_ids: [await stoppedStandby('cas-nodes')] },
  }),
  stopNodes: async () => ({ path: at('cas-nodes'), body: { node_ids: [await standbyNode('cas-nodes')] } }),
  listCoordinators: () => ({ path: at('prod-ledger-dist') }),
  getAutoEnlargePolicy: () => ({ path: at('prod-core-01') }),
  getInstanceStatistics: () => ({}),
  listEnterpriseProjects: () => ({ query: { offset: 0, limit: 10 } }),
  // Replica-form switches are for distributed independent deployments only (L3489, L3565).
  switchToLoggerReplica: async () => {
    // The AZ of a standby of the distributed fixture (1 primary + 2 standbys per shard) becomes the logger's.
    const standbyAz = (await nodesOf('cas-dist')).find((n) => n.role === 'slave')!.availability_zone!;
    return { path: at('cas-dist'), body: { availability_zone: standbyAz } };
  },
  // The demo seed runs analytics-dw as 1 primary + 1 standby + 1 logger.
  switchToStandbyReplica: () => ({ path: at('analytics-dw'), body: {} }),
  listAdvancedFeatures: () => ({ path: at('prod-core-01') }),
  modifyAdvancedFeatures: () => ({ path: at('cas-central'), body: { params: { ledger: 'on' } } }),

  // 4.5: parameters. Demo templates from seed-data/demo-parameters.ts; the rest created here.
  listParameterTemplates: () => ({ query: { offset: 0, limit: 100 } }),
  getInstanceParameters: () => ({ path: at('prod-core-01') }),
  modifyInstanceParameters: () => ({
    path: at('cas-central'),
    body: { values: { failed_login_attempts: '4' } },
  }),
  createParameterTemplate: () => ({
    body: {
      name: 'cas-created-template',
      description: 'made by the contract test',
      datastore: { engine_version: '8.201', instance_mode: 'ha' },
    },
  }),
  deleteParameterTemplate: async () => ({ path: { config_id: await ownTemplate('cas-template-doomed') } }),
  getParameterTemplate: async () => ({ path: { config_id: await templateId('audit-strict') } }),
  copyParameterTemplate: async () => ({
    path: { config_id: await ownTemplate() },
    body: { name: 'cas-template-copy', description: 'a copy' },
  }),
  resetParameterTemplate: async () => ({ path: { config_id: await ownTemplate() } }),
  compareParameterTemplates: async () => ({
    body: { source_id: await ownTemplate(), target_id: await ownTemplate('cas-template-other') },
  }),
  listApplicableInstances: async () => ({
    path: { config_id: await templateId('audit-strict') },
    query: { offset: 0, limit: 100 },
  }),
  checkParameterTemplateName: () => ({ query: { name: 'cas-free-name' } }),
  applyParameterTemplate: async () => ({
    path: { config_id: await ownTemplate() },
    body: { instance_ids: [idOf('cas-central')] },
  }),
  listTemplateApplyHistory: async () => ({
    path: { config_id: await templateId('oltp-high-concurrency') },
    query: { offset: 0, limit: 10 },
  }),
  listTemplateModifyHistory: async () => ({
    path: { config_id: await templateId('legacy-8102-baseline') },
    query: { offset: 0, limit: 10 },
  }),

  // 4.6: staging-app runs 8.102 (demo.ts); the 8.102 fixture goes to 8.201 in place.
  listUpgradeCandidates: () => ({ path: at('staging-app') }),
  upgradeInstance: () => ({
    path: at('cas-old-engine'),
    body: { upgrade_type: 'inplace', target_version: 'V2.0-8.201.0' },
  }),

  // 4.7: backups of prod-core-01 (policy and manual backups in seed-data/demo-backups-logs.ts).
  setBackupPolicy: () => ({
    path: at('prod-core-01'),
    body: {
      backup_policy: {
        keep_days: 14,
        start_time: '18:00-19:00',
        period: '1,2,3,4,5,6,7',
        differential_period: '180',
      },
    },
  }),
  getBackupPolicy: () => ({ path: at('prod-core-01') }),
  listBackups: () => ({ query: { instance_id: idOf('prod-core-01'), limit: 100 } }),
  createManualBackup: () => ({
    body: { instance_id: idOf('prod-ledger-dist'), name: 'cas-manual', description: 'contract test' },
  }),
  getBackupDownloadLinks: async () => ({ query: { backup_id: await backupId('before-release-2026-01') } }),
  deleteManualBackup: async () => ({ path: { backup_id: await backupId('quarter-close-q4') } }),
  listRestoreTimes: () => ({ path: at('prod-core-01'), query: { date: today() } }),
  restoreToNewInstance: async () => ({
    body: {
      name: 'cas-restored',
      availability_zone: 'az1xahz,az2xahz,az3xahz',
      // prod-core-01's flavor and disk (demo.ts): a restore never shrinks either.
      flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha',
      volume: { type: 'ULTRAHIGH', size: 480 },
      vpc_id: 'vpc-t',
      subnet_id: 'subnet-t',
      password: 'Test@pass2026x',
      restore_point: {
        instance_id: idOf('prod-core-01'),
        type: 'backup',
        backup_id: await backupId('before-release-2026-01'),
      },
    },
  }),
  listRestorableInstances: async () => ({
    query: { source_instance_id: idOf('prod-core-01'), backup_id: await backupId('before-release-2026-01') },
  }),
  getInstanceSnapshot: async () => ({ query: { backup_id: await backupId('before-release-2026-01') } }),
  restoreToExistingInstance: async () => ({
    body: {
      source: {
        instance_id: idOf('prod-core-01'),
        type: 'backup',
        backup_id: await backupId('before-release-2026-01'),
      },
      target: { instance_id: idOf('prod-core-01') },
    },
  }),

  // 4.8: slow-log exports (seed-data/demo-backups-logs.ts seeds finished ones for prod-core-01).
  createSlowLogDownload: () => ({ path: at('prod-core-01') }),
  listSlowLogDownloads: () => ({ path: at('prod-core-01') }),

  // 4.9: prod-core-01's databases, users and schemas (INSTANCE_SQL in seed-data/demo-databases-tenants-tags.ts).
  createDatabase: () => ({ path: at('prod-core-01'), body: { name: 'cas_db' } }),
  createDbUser: () => ({ path: at('prod-core-01'), body: { name: 'cas_user', password: 'Cas_Passw0rd1' } }),
  createSchema: () => ({
    path: at('prod-core-01'),
    body: { db_name: 'batch_jobs', schemas: [{ name: 'cas_schema', owner: 'root' }] },
  }),
  grantDbPrivilege: () => ({
    path: at('prod-core-01'),
    body: { db_name: 'core_banking', users: [{ name: 'app_batch', readonly: true, schema_name: 'audit' }] },
  }),
  resetDbUserPassword: () => ({
    path: at('prod-core-01'),
    body: { name: 'app_core', password: 'New_Core_Pw1' },
  }),
  listDatabases: () => ({ path: at('prod-core-01'), query: page }),
  listDbUsers: () => ({ path: at('prod-core-01'), query: page }),
  listSchemas: () => ({ path: at('prod-core-01'), query: { db_name: 'core_banking', ...page } }),
  startDatabase: async () => ({
    path: at('cas-nodes'),
    body: { node_ids: [await stoppedStandby('cas-nodes')] },
  }),

  // 4.10: tenants of the multi-tenant demo instances prod-core-02 and dev-arm-01 (TENANTS in the same seed file).
  createTenant: async () => ({
    path: at('dev-arm-01'),
    body: {
      pdb_name: 'cas_tenant',
      pdb_pd_in_db: 'Tenant_Root_1',
      cpu: 1,
      mem: 4,
      disk: '10',
      configuration_id: await tenantTemplate('dev-arm-01'),
    },
  }),
  deleteTenant: async () => ({
    path: at('dev-arm-01'),
    body: { pdb_id: await tenantId('dev-arm-01', 'dev_team_a') },
  }),
  resizeTenant: async () => ({
    path: at('prod-core-02'),
    body: { pdb_id: await tenantId('prod-core-02', 'tenant_hr'), cpu: 2, mem: 8 },
  }),
  enlargeTenantDisk: async () => ({
    path: at('prod-core-02'),
    body: { pdb_id: await tenantId('prod-core-02', 'tenant_hr'), disk: '30' },
  }),
  listTenants: () => ({ path: at('prod-core-02'), body: { offset: 0, limit: 10 } }),
  modifyTenantParameters: async () => ({
    path: await tenantPath('prod-core-02', 'tenant_logistics'),
    body: { values: { 'dn:session_timeout': '300' } },
  }),
  getTenantParameters: async () => ({ path: await tenantPath('prod-core-02', 'tenant_logistics') }),
  listTenantParameterTemplates: () => ({ path: at('prod-core-02') }),
  listTenantFlavors: () => ({ path: at('prod-core-02') }),
  createTenantDbUser: async () => ({
    path: await tenantPath('prod-core-02', 'tenant_logistics'),
    body: { name: 'cas_tenant_user', password: 'Cas_Passw0rd1' },
  }),
  // logi_admin owns tenant_logistics' schema "shipments" (seed).
  createTenantSchema: async () => ({
    path: await tenantPath('prod-core-02', 'tenant_logistics'),
    body: { schemas: [{ name: 'cas_tenant_schema', owner: 'logi_admin' }] },
  }),
  listTenantDbUsers: async () => ({
    path: await tenantPath('prod-core-02', 'tenant_logistics'),
    query: page,
  }),
  listTenantSchemas: async () => ({
    path: await tenantPath('prod-core-02', 'tenant_logistics'),
    query: page,
  }),
  resetTenantDbUserPassword: async () => ({
    path: await tenantPath('prod-core-02', 'tenant_logistics'),
    body: { name: 'logi_admin', password: 'Logi_Passw0rd9' },
  }),
  grantTenantDbPrivilege: async () => ({
    path: await tenantPath('prod-core-02', 'tenant_hr'),
    body: { users: [{ name: 'hr_app', readonly: false, schema_name: 'people' }] },
  }),

  // 4.11: demo tags (DEMO_INSTANCES[].tags in demo.ts).
  listInstanceTags: () => ({ path: at('prod-core-01') }),
  listProjectTags: () => ({}),
  listPredefinedTags: () => ({}),
  addInstanceTags: () => ({ path: at('archive-2023'), body: { tags: [{ key: 'retention', value: '7y' }] } }),
  deleteInstanceTag: () => ({ path: at('dev-arm-01'), query: { key: 'owner' } }),

  // 4.12: demo task history (completed create jobs of demo.ts).
  getJob: async () => ({ query: { id: (await client.listTasks({ query: { limit: 1 } })).tasks[0]!.job_id } }),
  listTasks: () => ({ query: { offset: 0, limit: 10 } }),
  deleteJob: async () => ({
    path: { job_id: (await client.listTasks({ query: { status: 'Completed', limit: 1 } })).tasks[0]!.job_id },
  }),

  // 4.13: the recycle bin holds old-test-01 and legacy-erp (RECYCLED in demo.ts).
  setRecyclePolicy: () => ({ body: { recycle_policy: { retention_period_in_days: 7 } } }),
  getRecyclePolicy: () => ({}),
  listRecycleInstances: () => ({ query: { offset: 0, limit: 10 } }),

  // 5.1: the legacy v3 paths.
  createInstanceV3: () => {
    // The v3 body has no `solution` (table 5-2): a triset is the default shape.
    const { solution: _solution, ...body } = createBody({ name: 'cas-created-v3' });
    return { body: body as Body<'createInstanceV3'> };
  },
  listInstancesV3: () => ({ query: { limit: 100 } }),
  resizeFlavorV3: () => ({
    path: at('cas-legacy'),
    body: { flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha' },
  }),
};

// ---- the run ----------------------------------------------------------------------------------------------

beforeAll(async () => {
  t = await startTestEmulator({ seed: 'demo' });
  const { iam } = t.emu.credentials;
  client = createGaussDbClient({
    endpoint: t.emu.url,
    auth: {
      type: 'iam',
      iamEndpoint: t.emu.url,
      user: iam.user,
      password: iam.password,
      domain: iam.domain,
      project: { id: t.pid },
    },
    // Token expiry is judged on the emulator's clock, which this file moves by hours.
    now: () => t.emu.clock.now(),
  });
  for (const body of Object.values(FIXTURES)) {
    const created = await client.createInstance({ body: body as Body<'createInstance'> });
    ids.set(body.name, created.instance!.id);
  }
  t.emu.clock.advance(30 * MIN);
  for (const i of (await client.listInstances({ query: { limit: 100 } })).instances)
    if (!ids.has(i.name)) ids.set(i.name, i.id);
});
afterAll(() => t.close());
// Every job a call starts ends before the next call (the longest, a distributed create, takes 25 minutes).
afterEach(() => t.emu.clock.advance(HOUR));

interface Served {
  status: number;
  operation?: string;
  error_code?: string;
}

async function served(requestId: string): Promise<Served | undefined> {
  const log = await t.call('GET', '/__emulator/requests?limit=20');
  return (log.body.requests as (Served & { request_id: string })[]).find((r) => r.request_id === requestId);
}

/** `client.call` by id: the table's inputs are typed per operation above, so the loop may call untyped. */
const callOperation = (op: OperationDescriptor, input: unknown, requestId: string): Promise<unknown> =>
  (client.call as (id: string, input: unknown, options: { requestId: string }) => Promise<unknown>)(
    op.id,
    input,
    { requestId },
  );

/**
 * The operations that may serve `op`'s request: itself, and a route sibling whose body test accepts the same
 * body (4.4.18 and 4.9.9 are one call with two sections; 4.7.8/5.1.1 and 4.10.3/4.10.4 must dispatch exactly).
 */
function servedBy(op: OperationDescriptor, input: unknown): string[] {
  const body = (input as { body?: unknown }).body;
  const twins = operationList.filter(
    (o) =>
      o.section === op.sharesRouteWith && o.matchesBody?.(body) === true && op.matchesBody?.(body) === true,
  );
  return [op.id, ...twins.map((o) => o.id)];
}

const bySection = new Map<string, OperationDescriptor[]>();
for (const op of operationList) bySection.set(op.section, [...(bySection.get(op.section) ?? []), op]);

describe('the contract table', () => {
  it('has an input for every descriptor', () => {
    expect(operationList.map((o) => o.id).filter((id) => !(id in INPUTS))).toEqual([]);
  });

  it('covers the 101 reference sections (plus IAM and the recovery extension)', () => {
    const reference = [...bySection.keys()].filter((s) => /^\d+\.\d+\.\d+$/.test(s));
    expect(reference).toHaveLength(101);
    expect([...bySection.keys()].filter((s) => !reference.includes(s)).sort()).toEqual([
      'ext.recovery',
      'iam.1',
      'iam.2',
    ]);
  });
});

describe('every section through the typed client', () => {
  for (const [section, ops] of bySection) {
    it(`${section} ${ops.map((o) => o.id).join(', ')}: succeeds with its success status and a body of its response schema`, async () => {
      for (const op of ops) {
        const input = await INPUTS[op.id as OperationId]();
        const requestId = `cas-${op.id}-${t.emu.clock.now()}`;
        await callOperation(op, input, requestId);
        const log = await served(requestId);
        expect(log, `${op.id} reached the emulator`).toBeDefined();
        expect(log!.status).toBe(op.successStatus);
        expect(servedBy(op, input)).toContain(log!.operation);
      }
    });
  }
});
