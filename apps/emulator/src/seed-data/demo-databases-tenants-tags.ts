import { DAY, HOUR, MINUTE } from '../clock/clock';
import { instanceScope, type DbScope } from '../domain/databases/model';
import {
  createDatabase,
  createSchemas,
  createUser,
  grantPrivileges,
  type Grant,
  type NewSchema,
} from '../domain/databases/service';
import { seededId } from '../domain/ids';
import { instancesCollection, type InstanceDoc } from '../domain/instance-model';
import { addTags } from '../domain/tags/service';
import { planTenant, storeTenant, TENANT_JOBS } from '../domain/tenants/lifecycle';
import { enableMultiTenancy } from '../domain/tenants/model';
import { tenantTemplates } from '../domain/tenants/parameters';
import { jobsCollection, type JobDoc } from '../jobs/job-model';
import type { EmulatorRuntime } from '../runtime';
import { registerSeedContributor, type SeedInfo } from './seed';

/**
 * Demo data of databases, users, schemas, tenants and tags, built on the core demo fleet (seed-data/demo.ts) by
 * the same domain functions the API uses. Two centralized instances are multi-tenant containers:
 * `prod-core-02` (three tenants) and `dev-arm-01` (two tenants).
 */

const DEMO_PASSWORD = 'Demo_Passw0rd!';

interface SqlSeed {
  databases: { name: string; owner: string; character_set?: string; lc_collate?: string }[];
  users: string[];
  schemas: { db: string; list: NewSchema[] }[];
  grants: { db: string; list: Grant[] }[];
}

/** Instance-level objects of ordinary instances, by instance name. Users are created before the databases they own. */
const INSTANCE_SQL: Record<string, SqlSeed> = {
  'prod-core-01': {
    users: ['app_core', 'app_batch', 'report_ro'],
    databases: [
      { name: 'core_banking', owner: 'app_core', lc_collate: 'en_US.UTF-8' },
      { name: 'batch_jobs', owner: 'app_batch' },
    ],
    schemas: [
      {
        db: 'core_banking',
        list: [
          { name: 'accounts', owner: 'app_core' },
          { name: 'payments', owner: 'app_core' },
          { name: 'audit', owner: 'root' },
        ],
      },
      { db: 'batch_jobs', list: [{ name: 'scheduler', owner: 'app_batch' }] },
    ],
    grants: [
      {
        db: 'core_banking',
        list: [
          { name: 'report_ro', schema_name: 'accounts', readonly: true },
          { name: 'report_ro', schema_name: 'payments', readonly: true },
          { name: 'app_batch', schema_name: 'payments', readonly: false },
        ],
      },
    ],
  },
  'prod-ledger-dist': {
    users: ['ledger_app', 'ledger_ro'],
    databases: [{ name: 'ledger', owner: 'ledger_app' }],
    schemas: [
      {
        db: 'ledger',
        list: [
          { name: 'journal', owner: 'ledger_app' },
          { name: 'balances', owner: 'ledger_app' },
        ],
      },
    ],
    grants: [{ db: 'ledger', list: [{ name: 'ledger_ro', schema_name: 'journal', readonly: true }] }],
  },
  'staging-app': {
    users: ['shop_app'],
    databases: [
      { name: 'web_shop', owner: 'shop_app' },
      { name: 'sessions', owner: 'root', character_set: 'SQL_ASCII' },
    ],
    schemas: [
      {
        db: 'web_shop',
        list: [
          { name: 'catalog', owner: 'shop_app' },
          { name: 'orders', owner: 'shop_app' },
        ],
      },
    ],
    grants: [],
  },
  'crm-db': {
    users: ['crm_app'],
    databases: [{ name: 'crm', owner: 'crm_app' }],
    schemas: [{ db: 'crm', list: [{ name: 'contacts', owner: 'crm_app' }] }],
    grants: [],
  },
  'payments-dr': {
    users: ['app_core'],
    databases: [{ name: 'core_banking', owner: 'app_core', lc_collate: 'en_US.UTF-8' }],
    schemas: [
      {
        db: 'core_banking',
        list: [
          { name: 'accounts', owner: 'app_core' },
          { name: 'payments', owner: 'app_core' },
        ],
      },
    ],
    grants: [],
  },
};

interface TenantSeed {
  name: string;
  cpu: number;
  mem: number;
  disk: number;
  ageDays: number;
  users: { name: string; loginOnly?: boolean }[];
  schemas: NewSchema[];
  grants: Grant[];
  parameters?: Record<string, string>;
}

const TENANTS: Record<string, TenantSeed[]> = {
  'prod-core-02': [
    {
      name: 'tenant_retail',
      cpu: 2,
      mem: 8,
      disk: 60,
      ageDays: 150,
      users: [{ name: 'retail_admin' }, { name: 'retail_app', loginOnly: true }],
      schemas: [
        { name: 'storefront', owner: 'retail_admin' },
        { name: 'inventory', owner: 'retail_admin' },
      ],
      grants: [
        { name: 'retail_app', schema_name: 'storefront', readonly: false },
        { name: 'retail_app', schema_name: 'inventory', readonly: true },
      ],
      parameters: { 'dn:session_timeout': '1200' },
    },
    {
      name: 'tenant_logistics',
      cpu: 4,
      mem: 16,
      disk: 40,
      ageDays: 120,
      users: [{ name: 'logi_admin' }],
      schemas: [{ name: 'shipments', owner: 'logi_admin' }],
      grants: [],
    },
    {
      name: 'tenant_hr',
      cpu: 1,
      mem: 4,
      disk: 20,
      ageDays: 30,
      users: [{ name: 'hr_app', loginOnly: true }],
      schemas: [{ name: 'people', owner: 'root' }],
      grants: [{ name: 'hr_app', schema_name: 'people', readonly: true }],
      parameters: { 'dn:audit_enabled': 'on', 'dn:failed_login_attempts': '5' },
    },
  ],
  'dev-arm-01': [
    {
      name: 'dev_team_a',
      cpu: 1,
      mem: 8,
      disk: 20,
      ageDays: 25,
      users: [{ name: 'alice_dev' }],
      schemas: [{ name: 'sandbox', owner: 'alice_dev' }],
      grants: [],
    },
    {
      name: 'dev_team_b',
      cpu: 2,
      mem: 8,
      disk: 20,
      ageDays: 10,
      users: [{ name: 'bob_dev' }, { name: 'bob_ci', loginOnly: true }],
      schemas: [{ name: 'experiments', owner: 'bob_dev' }],
      grants: [{ name: 'bob_ci', schema_name: 'experiments', readonly: false }],
    },
  ],
};

/** Extra tags on top of the core demo's env/team: who owns what and which application it serves. */
const TAGS: Record<string, Record<string, string>> = {
  'prod-core-01': { app: 'core-banking', owner: 'carol' },
  'prod-core-02': { app: 'saas-platform', owner: 'carol', cost_center: 'CC-2002' },
  'prod-ledger-dist': { app: 'ledger', owner: 'dave' },
  'analytics-dw': { app: 'bi' },
  'staging-app': { app: 'web-shop', owner: 'bob' },
  'staging-ledger': { app: 'ledger' },
  'dev-arm-01': { app: 'saas-platform', cost_center: 'CC-3003' },
  'crm-db': { app: 'crm', owner: 'dave' },
  'reporting-01': { app: 'bi', owner: 'alice' },
  'payments-dr': { app: 'core-banking' },
};

function jobRecord(inst: InstanceDoc, name: string, start: number, durationMs: number): JobDoc {
  const hex = seededId(`job:${inst.id}:${name}:${start}`, '');
  return {
    id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`,
    project_id: inst.project_id,
    name,
    instance_id: inst.id,
    instance_name: inst.name,
    status: 'Completed',
    created_at: start,
    duration_ms: durationMs,
    due_at: start + durationMs,
    ended_at: start + durationMs,
    fail_reason: null,
    planned_failure: null,
    on_complete: null,
    on_fail: null,
  };
}

function seedSql(rt: EmulatorRuntime, scope: DbScope, sql: SqlSeed, at: number): void {
  let t = at;
  for (const u of sql.users) createUser(rt, scope, { name: u, password: DEMO_PASSWORD }, (t += MINUTE));
  for (const d of sql.databases) createDatabase(rt, scope, d, (t += MINUTE));
  for (const s of sql.schemas) createSchemas(rt, scope, s.db, s.list, (t += MINUTE));
  for (const g of sql.grants) grantPrivileges(rt, scope, g.db, g.list, (t += MINUTE));
}

function seedTenants(rt: EmulatorRuntime, inst: InstanceDoc, list: readonly TenantSeed[], now: number): void {
  enableMultiTenancy(rt, inst, inst.created_at + HOUR);
  const template = tenantTemplates(inst)[0]!;
  const jobs = rt.store.collection(jobsCollection);
  for (const s of list) {
    const created = now - s.ageDays * DAY;
    const planned = planTenant(
      rt,
      inst,
      {
        pdb_name: s.name,
        pdb_pd_in_db: DEMO_PASSWORD,
        cpu: s.cpu,
        mem: s.mem,
        disk: String(s.disk),
        configuration_id: template.id,
      },
      created,
      seededId(`demo:tenant:${inst.name}:${s.name}`, 'po14'),
    );
    const ready = created + TENANT_JOBS.create.durationMs;
    storeTenant(
      rt,
      { ...planned, status: 'normal', updated_at: ready, parameters: s.parameters ?? {} },
      DEMO_PASSWORD,
    );
    jobs.put(jobRecord(inst, TENANT_JOBS.create.name, created, TENANT_JOBS.create.durationMs));
    const scope: DbScope = { projectId: inst.project_id, instanceId: inst.id, pdbId: planned.id };
    let t = ready;
    for (const u of s.users)
      createUser(
        rt,
        scope,
        { name: u.name, password: DEMO_PASSWORD, loginOnly: u.loginOnly ?? false },
        (t += MINUTE),
      );
    createSchemas(rt, scope, '', s.schemas, (t += MINUTE));
    if (s.grants.length > 0) grantPrivileges(rt, scope, '', s.grants, (t += MINUTE));
  }
}

export function loadDemoDatabasesTenantsTags(rt: EmulatorRuntime, seed: SeedInfo): void {
  const col = rt.store.collection(instancesCollection);
  const byName = new Map(col.all().map((i) => [i.name, i]));
  for (const [name, sql] of Object.entries(INSTANCE_SQL)) {
    const inst = byName.get(name);
    if (inst) seedSql(rt, instanceScope(inst.project_id, inst.id), sql, inst.created_at + HOUR);
  }
  for (const [name, list] of Object.entries(TENANTS)) {
    const inst = byName.get(name);
    if (inst) seedTenants(rt, inst, list, seed.now);
  }
  for (const [name, tags] of Object.entries(TAGS)) {
    const inst = col.get(undefined, byName.get(name)?.id ?? '');
    if (!inst) continue;
    const have = new Set(inst.tags.map((t) => t.key));
    const add = Object.entries(tags)
      .filter(([key]) => !have.has(key))
      .map(([key, value]) => ({ key, value }));
    if (add.length > 0) addTags(rt, inst, add);
  }
}

registerSeedContributor('databases-tenants-tags', loadDemoDatabasesTenantsTags);
