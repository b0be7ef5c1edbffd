import path from 'node:path';
import { createGaussDbClient, getOperation, type OperationDescriptor } from '@gaussdb-console/api-client';
import { startEmulator, type RunningEmulator } from '@gaussdb-console/emulator';
import { loadConfig, type BffConfig } from '../src/config';
import { startConsole, type RunningConsole } from '../src/console';
import type { TenantGrant } from '../src/auth/roles';
import type { Clock } from '../src/http/clock';
import type { JobLookupOptions } from '../src/upstream/job-lookup';
import { createLogger } from '../src/http/logger';
import { LogCapture, MUTATION, tempDir, writeUsers, type TestUser } from './helpers';

/**
 * The whole console over real HTTP for the upstream-layer tests: an in-memory demo emulator on a manual
 * clock (admin API on), and the BFF started by `startConsole` in upstream mode against it, with console
 * users of every role. One harness per test file keeps the suite fast.
 */

/** Ids from the emulator's demo data that the tests aim at (looked up, never hard-coded). */
export interface DemoIds {
  projectId: string;
  drProjectId: string;
  /** Main-project instance ids by name. */
  instances: Record<string, string>;
  /** Tenants (PDBs) of the two multi-tenant instances, by tenant name. */
  tenants: Record<string, { instance_id: string; pdb_id: string }>;
  /** A node of prod-core-01. */
  nodeId: string;
  /** A parameter template of the project. */
  configId: string;
  /** A backup of the project. */
  backupId: string;
  /** A job of the project (the demo's running restart). */
  jobId: string;
}

export interface RequestRecord {
  time: string;
  method: string;
  path: string;
  status: number;
  operation?: string;
  error_code?: string;
  request_id: string;
}

export interface ConsoleErrorBody {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  fields?: { path: string; message: string }[];
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (an empty object when there is none or it is not JSON). */
  body: Record<string, unknown> & { error?: ConsoleErrorBody };
}

export interface ConsoleClient {
  name: string;
  cookie: string;
  /** `path` starts with `/api/...`; mutations get the CSRF headers; `body` is sent as JSON when given. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
}

export interface EmulatorAdmin {
  /** The emulator's latest requests, oldest first (at most `limit`, 500 by default). */
  requests(limit?: number): Promise<RequestRecord[]>;
  clearRequests(): Promise<void>;
  fault(input: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  tokens(): Promise<{ token: string; project: string; revoked: boolean }[]>;
  revokeAll(): Promise<void>;
  advance(ms: number): Promise<void>;
}

export interface ConsoleHarness {
  emu: RunningEmulator;
  running: RunningConsole;
  config: BffConfig;
  /** The BFF's base URL. */
  url: string;
  logs: LogCapture;
  ids: DemoIds;
  users: readonly TestUser[];
  admin: EmulatorAdmin;
  /** Tokens the emulator issued to the harness itself (before the BFF started); every other one is the BFF's. */
  harnessTokens: ReadonlySet<string>;
  /** Signs a console user in (cached per name). */
  as(name: string): Promise<ConsoleClient>;
  /** `/api/v1/projects/prod` + rel. */
  p(rel: string): string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Event watcher poll interval; long by default so background polls stay out of request counts. */
  eventIntervalMs?: number;
  /** The BFF's clock (sessions, limits, audit, readiness cache, credential backoff); real time by default. */
  clock?: Clock;
  /** Per upstream attempt (default 30 s). */
  upstreamTimeoutMs?: number;
  jobLookup?: JobLookupOptions;
  /** More environment for the BFF (limits, hosts...). */
  env?: Record<string, string>;
  /** Start the storage samplers' timers (off: a test calls `running.samplers[i].tick()` itself). */
  storageSampling?: boolean;
}

export const PROJECT = 'prod';
/** The tenant user's grant: tenant_retail of prod-core-02. */
export const TENANT_NAME = 'tenant_retail';

const op = (id: string): OperationDescriptor => {
  const d = getOperation(id);
  if (!d) throw new Error(`contract has no ${id}`);
  return d;
};

/** Reads the demo data through a client of its own (the BFF's token cache stays untouched). */
async function discoverIds(emu: RunningEmulator): Promise<DemoIds> {
  const iam = emu.credentials.iam;
  const client = createGaussDbClient({
    endpoint: emu.url,
    projectId: emu.projectId,
    auth: {
      type: 'iam',
      iamEndpoint: iam.endpoint,
      user: iam.user,
      password: iam.password,
      domain: iam.domain,
      project: { id: emu.projectId },
    },
  });
  const call = (id: string, input: Record<string, unknown> = {}) =>
    client.call(op(id), input) as Promise<Record<string, unknown>>;
  const list = (await call('listInstances', { query: { limit: 100 } })) as {
    instances: { id: string; name: string; nodes?: { id: string }[] }[];
  };
  const instances = Object.fromEntries(list.instances.map((i) => [i.name, i.id]));
  const tenants: DemoIds['tenants'] = {};
  for (const name of ['prod-core-02', 'dev-arm-01']) {
    const instanceId = instances[name] as string;
    const res = (await call('listTenants', {
      path: { instance_id: instanceId },
      body: { offset: 0, limit: 50 },
    })) as { pdb_infos: { id: string; name: string }[] };
    for (const t of res.pdb_infos) tenants[t.name] = { instance_id: instanceId, pdb_id: t.id };
  }
  const core = list.instances.find((i) => i.name === 'prod-core-01');
  const configs = (await call('listParameterTemplates', { query: { limit: 10 } })) as {
    configurations: { id: string }[];
  };
  const backups = (await call('listBackups', {
    query: { instance_id: instances['prod-core-01'], limit: 1 },
  })) as { backups: { id: string }[] };
  const tasks = (await call('listTasks', { query: { status: 'Running', limit: 10 } })) as {
    tasks: { job_id: string }[];
  };
  return {
    projectId: emu.projectId,
    drProjectId: emu.projects[1]?.id ?? '',
    instances,
    tenants,
    nodeId: core?.nodes?.[0]?.id ?? '',
    configId: configs.configurations[0]?.id ?? '',
    backupId: backups.backups[0]?.id ?? '',
    jobId: tasks.tasks[0]?.job_id ?? '',
  };
}

async function toReply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: Reply['body'] = {};
  if (text && (res.headers.get('content-type') ?? '').includes('json'))
    body = JSON.parse(text) as Reply['body'];
  return { status: res.status, headers: res.headers, text, body };
}

export async function startHarness(options: HarnessOptions = {}): Promise<ConsoleHarness> {
  const emu = await startEmulator({
    memory: true,
    seed: 'demo',
    admin: true,
    clock: 'manual',
    log: { error: () => undefined },
  });
  const ids = await discoverIds(emu);
  const issued = await fetch(`${emu.url}/__emulator/tokens`).then(
    (r) => r.json() as Promise<{ tokens: { token: string }[] }>,
  );
  const harnessTokens = new Set(issued.tokens.map((t) => t.token));
  const grant = ids.tenants[TENANT_NAME] as TenantGrant;
  const users: TestUser[] = [
    { name: 'alice', role: 'admin', password: 'alice-password-1' },
    { name: 'oscar', role: 'operator', password: 'oscar-password-1' },
    { name: 'vera', role: 'viewer', password: 'vera-password-12' },
    { name: 'tina', role: 'tenant', password: 'tina-password-12', tenants: [grant] },
  ];
  const dir = tempDir();
  const usersFile = path.join(dir, 'users.json');
  await writeUsers(usersFile, users);
  const iam = emu.credentials.iam;
  const config = loadConfig(
    {
      GAUSSDB_ENDPOINT: emu.url,
      IAM_ENDPOINT: iam.endpoint,
      IAM_USER: iam.user,
      IAM_PASSWORD: iam.password,
      IAM_DOMAIN: iam.domain,
      GAUSSDB_PROJECTS: `${PROJECT}:${emu.region}:${emu.projectId},dr:${emu.projects[1]?.region}:${ids.drProjectId}`,
      DATA_DIR: dir,
      USERS_FILE: usersFile,
      PORT: '0',
      LOG_LEVEL: 'debug',
      ...options.env,
    },
    { baseDir: dir },
  );
  const logs = new LogCapture();
  const running = await startConsole(config, {
    eventIntervalMs: options.eventIntervalMs ?? 60_000,
    logger: createLogger('debug', logs),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.upstreamTimeoutMs ? { upstreamTimeoutMs: options.upstreamTimeoutMs } : {}),
    ...(options.jobLookup ? { jobLookup: options.jobLookup } : {}),
    storageSampling: options.storageSampling ?? false,
  });
  const url = running.bff.url;

  const adminCall = async (method: string, rel: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${emu.url}/__emulator${rel}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300)
      throw new Error(`emulator admin ${method} ${rel}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const admin: EmulatorAdmin = {
    requests: async (limit = 500) =>
      (await adminCall('GET', `/requests?limit=${limit}`)).requests as RequestRecord[],
    clearRequests: async () => void (await adminCall('DELETE', '/requests')),
    fault: async (input) => void (await adminCall('POST', '/faults', input)),
    clearFaults: async () => void (await adminCall('DELETE', '/faults')),
    tokens: async () =>
      (await adminCall('GET', '/tokens')).tokens as { token: string; project: string; revoked: boolean }[],
    revokeAll: async () => void (await adminCall('POST', '/tokens/revoke', { all: true })),
    advance: async (ms) => void (await adminCall('POST', '/clock/advance', { ms })),
  };

  const clients = new Map<string, ConsoleClient>();
  const as = async (name: string): Promise<ConsoleClient> => {
    const cached = clients.get(name);
    if (cached) return cached;
    const user = users.find((u) => u.name === name);
    if (!user) throw new Error(`no test user ${name}`);
    const res = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: MUTATION,
      body: JSON.stringify({ username: name, password: user.password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status}`);
    const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
    const call: ConsoleClient['call'] = async (method, p, body, headers = {}) => {
      const mutation = method !== 'GET';
      const res2 = await fetch(`${url}${p}`, {
        method,
        headers: { Cookie: cookie, ...(mutation ? MUTATION : {}), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      return toReply(res2);
    };
    const client: ConsoleClient = {
      name,
      cookie,
      call,
      get: (p, headers) => call('GET', p, undefined, headers),
    };
    clients.set(name, client);
    return client;
  };

  return {
    emu,
    running,
    config,
    url,
    logs,
    ids,
    users,
    admin,
    harnessTokens,
    as,
    p: (rel) => `/api/v1/projects/${PROJECT}${rel}`,
    async close() {
      await running.close();
      await emu.close();
    },
  };
}

/** The emulator's requests that carry one of these console request ids (the BFF forwards its own X-Request-Id, never a client's). */
export function upstreamCallsFor(
  records: readonly RequestRecord[],
  requestIds: Iterable<string>,
): RequestRecord[] {
  const wanted = new Set(requestIds);
  return records.filter((r) => wanted.has(r.request_id));
}

/** One request's parts, as the typed client takes them. */
export interface SampleInput {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

const PASSWORD = 'Test@pass2026x';

/**
 * A contract-valid input for every operation the console exposes, aimed at demo data: reads at real ids,
 * instance mutations at `archive-2023` (so the other instances stay as the demo left them), tenant calls at
 * the tenant user's own PDB. Valid for the contract, not necessarily accepted by the emulator's state.
 */
export function sampleInputs(ids: DemoIds): Record<string, SampleInput> {
  const read = ids.instances['prod-core-01'] as string;
  const victim = ids.instances['archive-2023'] as string;
  const dist = ids.instances['prod-ledger-dist'] as string;
  const own = ids.tenants[TENANT_NAME] as { instance_id: string; pdb_id: string };
  const other = ids.tenants.dev_team_b as { instance_id: string; pdb_id: string };
  const inst = (instance_id: string) => ({ instance_id });
  const cfg = { config_id: ids.configId };
  const createBody = {
    name: 'matrix-inst-01',
    datastore: { type: 'GaussDB', version: '8.201' },
    ha: { mode: 'centralization_standard', consistency: 'strong', replication_mode: 'sync' },
    flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
    volume: { type: 'ULTRAHIGH', size: 40 },
    region: 'region-1',
    availability_zone: 'az1xahz,az1xahz,az1xahz',
    vpc_id: 'vpc-t',
    subnet_id: 'subnet-t',
    security_group_id: 'sg-t',
    password: PASSWORD,
    port: '8000',
    solution: 'triset',
  };
  return {
    listDatastoreVersions: {},
    listFlavors: { query: { limit: '10' } },
    listDatastores: {},
    listAvailableFlavors: { path: inst(read) },
    getVolumeUsage: { path: inst(read) },
    listStorageTypes: { query: { version: '8.201', ha_mode: 'centralization_standard' } },
    createInstance: { body: createBody },
    expandInstance: {
      path: inst(dist),
      body: { expand_cluster: { coordinators: [{ az_code: 'az1xahz' }] } },
    },
    deleteInstance: { path: inst(victim) },
    listInstances: { query: { limit: '100' } },
    resetRootPassword: { path: inst(victim), body: { password: PASSWORD } },
    renameInstance: { path: inst(victim), body: { name: 'archive-2023' } },
    restartInstance: { path: inst(victim) },
    switchShardPrimary: {
      path: inst(dist),
      body: { shards: [{ node_id: ids.nodeId, component_id: 'dn_6001' }] },
    },
    listComponents: { path: inst(read) },
    resizeFlavor: { path: inst(victim), body: { flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha' } },
    getBalanceStatus: { path: inst(read) },
    getDeploymentForm: { query: { solution: 'triset' } },
    listPublicIps: { path: inst(read) },
    checkWeakPassword: { body: { password: PASSWORD } },
    changeNodePublicIp: {
      path: { instance_id: victim, node_id: ids.nodeId },
      body: {
        action: 'BIND',
        public_ip: '10.154.218.161',
        public_ip_id: '45da4782-e0c8-4aa4-a290-b8740014f710',
      },
    },
    getSslCertDownloadLink: { path: inst(read) },
    getProjectQuotas: {},
    startNodes: { path: inst(victim), body: { node_ids: [ids.nodeId] } },
    stopNodes: { path: inst(victim), body: { node_ids: [ids.nodeId] } },
    listCoordinators: { path: inst(dist) },
    getAutoEnlargePolicy: { path: inst(read) },
    getInstanceStatistics: {},
    listEnterpriseProjects: {},
    switchToLoggerReplica: { path: inst(victim), body: { availability_zone: 'az1xahz' } },
    switchToStandbyReplica: { path: inst(victim), body: { is_auto_pay: true } },
    listAdvancedFeatures: { path: inst(read) },
    modifyAdvancedFeatures: { path: inst(victim), body: { params: { ledger: 'on' } } },
    listParameterTemplates: {},
    getInstanceParameters: { path: inst(read) },
    modifyInstanceParameters: { path: inst(victim), body: { values: { failed_login_attempts: '4' } } },
    createParameterTemplate: {
      body: {
        name: 'matrixTemplate',
        description: '',
        parameter_values: {},
        datastore: { engine_version: '8.201', instance_mode: 'ha' },
      },
    },
    deleteParameterTemplate: { path: { config_id: '00000000000000000000000000000000pr14' } },
    getParameterTemplate: { path: cfg },
    copyParameterTemplate: { path: cfg, body: { name: 'matrixTemplate-copy', description: 'copy' } },
    resetParameterTemplate: { path: cfg },
    compareParameterTemplates: { body: { source_id: ids.configId, target_id: ids.configId } },
    listApplicableInstances: { path: cfg },
    checkParameterTemplateName: { query: { name: 'matrixTemplate-x' } },
    applyParameterTemplate: { path: cfg, body: { instance_ids: [victim] } },
    listTemplateApplyHistory: { path: cfg },
    listTemplateModifyHistory: { path: cfg },
    listUpgradeCandidates: { path: inst(read) },
    upgradeInstance: { path: inst(victim), body: { upgrade_type: 'inplace', target_version: '8.202' } },
    setBackupPolicy: {
      path: inst(victim),
      body: {
        backup_policy: {
          keep_days: 7,
          start_time: '19:00-20:00',
          period: '1,2,3,4,5',
          differential_period: '30',
        },
      },
    },
    getBackupPolicy: { path: inst(read) },
    listBackups: { query: { instance_id: read } },
    createManualBackup: {
      body: { instance_id: victim, name: 'matrix_backup', description: 'manual backup' },
    },
    getBackupDownloadLinks: { query: { backup_id: ids.backupId } },
    deleteManualBackup: { path: { backup_id: '00000000000000000000000000000000br14' } },
    listRestoreTimes: { path: inst(read), query: { date: '2026-01-15' } },
    restoreToNewInstance: {
      body: {
        name: 'matrix-restored',
        availability_zone: 'az1xahz,az1xahz,az1xahz',
        flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
        volume: { type: 'ULTRAHIGH', size: 480 },
        vpc_id: 'vpc-t',
        subnet_id: 'subnet-t',
        security_group_id: 'sg-t',
        password: PASSWORD,
        restore_point: { instance_id: read, backup_id: ids.backupId },
      },
    },
    listRestorableInstances: { query: { source_instance_id: read, backup_id: ids.backupId } },
    getInstanceSnapshot: { query: { backup_id: ids.backupId } },
    restoreToExistingInstance: {
      body: {
        source: { instance_id: read, type: 'backup', backup_id: ids.backupId },
        target: { instance_id: victim },
      },
    },
    createSlowLogDownload: { path: inst(read) },
    listSlowLogDownloads: { path: inst(read) },
    createDatabase: { path: inst(victim), body: { name: 'matrix_db' } },
    createDbUser: { path: inst(victim), body: { name: 'matrix_user', password: PASSWORD } },
    createSchema: {
      path: inst(victim),
      body: { db_name: 'matrix_db', schemas: [{ name: 'matrix_schema', owner: 'root' }] },
    },
    grantDbPrivilege: {
      path: inst(victim),
      body: {
        db_name: 'matrix_db',
        users: [{ name: 'matrix_user', readonly: true, schema_name: 'matrix_schema' }],
      },
    },
    resetDbUserPassword: { path: inst(victim), body: { name: 'matrix_user', password: PASSWORD } },
    listDatabases: { path: inst(read) },
    listDbUsers: { path: inst(read) },
    listSchemas: { path: inst(read), query: { db_name: 'core_banking' } },
    startDatabase: { path: inst(victim), body: { node_ids: [ids.nodeId] } },
    createTenant: {
      path: inst(other.instance_id),
      body: {
        pdb_name: 'matrix_pdb',
        pdb_pd_in_db: PASSWORD,
        cpu: 1,
        mem: 4,
        disk: '20',
        configuration_id: ids.configId,
      },
    },
    deleteTenant: { path: inst(other.instance_id), body: { pdb_id: '00000000000000000000000000000000po14' } },
    resizeTenant: { path: inst(other.instance_id), body: { pdb_id: other.pdb_id, cpu: 2, mem: 8 } },
    enlargeTenantDisk: { path: inst(other.instance_id), body: { pdb_id: other.pdb_id, disk: '30' } },
    listTenants: { path: inst(own.instance_id), body: { offset: 0, limit: 10 } },
    modifyTenantParameters: { path: own, body: { values: { 'dn:session_timeout': '1200' } } },
    getTenantParameters: { path: own },
    listTenantParameterTemplates: { path: inst(own.instance_id) },
    listTenantFlavors: { path: inst(own.instance_id) },
    createTenantDbUser: {
      path: own,
      body: { name: 'matrix_user', password: PASSWORD, is_login_only: false },
    },
    createTenantSchema: { path: own, body: { schemas: [{ name: 'matrix_schema', owner: 'retail_admin' }] } },
    listTenantDbUsers: { path: own },
    listTenantSchemas: { path: own },
    resetTenantDbUserPassword: { path: own, body: { name: 'retail_admin', password: PASSWORD } },
    grantTenantDbPrivilege: {
      path: own,
      body: { users: [{ name: 'retail_app', readonly: true, schema_name: 'storefront' }] },
    },
    listInstanceTags: { path: inst(read) },
    listProjectTags: {},
    listPredefinedTags: {},
    addInstanceTags: { path: inst(victim), body: { tags: [{ key: 'matrix', value: 'yes' }] } },
    deleteInstanceTag: { path: inst(victim), query: { key: 'matrix' } },
    getJob: { query: { id: ids.jobId } },
    listTasks: { query: { limit: '10' } },
    deleteJob: { path: { job_id: '00000000-0000-0000-0000-000000000000' } },
    setRecyclePolicy: { body: { recycle_policy: { retention_period_in_days: 7 } } },
    getRecyclePolicy: {},
    listRecycleInstances: {},
    createInstanceV3: {
      body: {
        ...createBody,
        name: 'matrix-legacy-01',
        solution: undefined,
        volume: { type: 'ULTRAHIGH', size: 120 },
      },
    },
    listInstancesV3: {},
    resizeFlavorV3: { path: inst(victim), body: { flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha' } },
  };
}
