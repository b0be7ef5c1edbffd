import { DAY, MINUTE } from '../clock/clock';
import { seededId } from '../domain/ids';
import { instancesCollection, type InstanceDoc } from '../domain/instance-model';
import { validateValues } from '../domain/parameters/catalog';
import { setInstanceValues } from '../domain/parameters/instance-parameters';
import { applyRecords, templates, type TemplateDoc } from '../domain/parameters/model';
import { overridesOf, recordModification, templateValues } from '../domain/parameters/templates';
import { APPLY_FAILED_CODE, APPLY_JOB_NAME } from '../domain/parameters/apply';
import { jobsCollection, type JobDoc } from '../jobs/job-model';
import type { EmulatorRuntime } from '../runtime';
import { registerSeedContributor, type SeedInfo } from './seed';

/**
 * Demo parameter templates and instance parameters, on the core demo fleet (seed-data/demo.ts): four user
 * templates, their applications (one failed), parameters changed on instances by hand, one instance waiting for
 * a restart, and a template that was reset (its modification history).
 */

interface DemoTemplate {
  name: string;
  description: string;
  version: string;
  mode: TemplateDoc['mode'];
  ageDays: number;
  values: Record<string, string>;
}

const DEMO_TEMPLATES: readonly DemoTemplate[] = [
  {
    name: 'oltp-high-concurrency',
    description: 'Short transactions at high concurrency: thread pool, more connections, tight lock waits',
    version: '8.201',
    mode: 'centralization_standard',
    ageDays: 60,
    values: {
      max_connections: '10000',
      thread_pool_attr: '1024,2,(nobind)',
      work_mem: '32768',
      session_timeout: '1800',
      lockwait_timeout: '300000',
      log_min_duration_statement: '2000',
      max_prepared_transactions: '2000',
    },
  },
  {
    name: 'reporting-large-memory',
    description: 'Analytical queries on the distributed warehouse: large sort memory and long statements',
    version: '8.201',
    mode: 'enterprise',
    ageDays: 45,
    values: {
      work_mem: '524288',
      maintenance_work_mem: '2097152',
      effective_cache_size: '4194304',
      statement_timeout: '3600000',
      default_statistics_target: '500',
      session_timeout: '7200',
    },
  },
  {
    name: 'audit-strict',
    description: 'Audit every DDL and DML statement; lock accounts after 3 failed logins; 30-day passwords',
    version: '8.201',
    mode: 'centralization_standard',
    ageDays: 35,
    values: {
      audit_system_object: '536870911',
      audit_dml_state: '1',
      audit_dml_state_select: '1',
      audit_file_remain_time: '365',
      failed_login_attempts: '3',
      password_lock_time: '7',
      password_effect_time: '30',
      log_statement: 'ddl',
    },
  },
  {
    name: 'legacy-8102-baseline',
    description: 'Baseline of the 8.102 staging instances (reset to the defaults after the upgrade tests)',
    version: '8.102',
    mode: 'centralization_standard',
    ageDays: 120,
    values: {},
  },
];

/** The values legacy-8102-baseline had before it was reset (its 4.5.14 history). */
const RESET_BEFORE: Record<string, string> = {
  max_connections: '3000',
  work_mem: '16384',
  checkpoint_timeout: '1800',
  enable_thread_pool: 'off',
};

interface DemoApply {
  template: string;
  instances: string[];
  daysAgo: number;
  failed?: string;
}

const DEMO_APPLIES: readonly DemoApply[] = [
  { template: 'oltp-high-concurrency', instances: ['prod-core-01', 'prod-core-02'], daysAgo: 30 },
  { template: 'reporting-large-memory', instances: ['analytics-dw'], daysAgo: 25 },
  { template: 'audit-strict', instances: ['crm-db'], daysAgo: 15 },
  {
    template: 'oltp-high-concurrency',
    instances: ['dev-arm-01'],
    daysAgo: 10,
    failed:
      'Failed to reload the parameters on node dev-arm-01_dn_1: the configuration file is locked by another operation.',
  },
];

/** Changes made on an instance by hand (4.5.3) after the templates were applied. */
const DEMO_CHANGES: readonly { instance: string; daysAgo: number; values: Record<string, string> }[] = [
  {
    instance: 'prod-core-01',
    daysAgo: 5,
    values: { session_timeout: '3600', log_min_duration_statement: '1000' },
  },
  {
    instance: 'staging-app',
    daysAgo: 12,
    values: {
      log_statement: 'mod',
      statement_timeout: '600000',
      behavior_compat_options: 'display_leading_zero,end_month_calculate',
    },
  },
  // Waits for a restart: shared_buffers and the thread pool are POSTMASTER parameters.
  {
    instance: 'dev-sandbox-01',
    daysAgo: 2,
    values: { shared_buffers: '524288', enable_thread_pool: 'on', work_mem: '131072' },
  },
];

function job(projectId: string, inst: InstanceDoc, start: number, minutes: number, failed?: string): JobDoc {
  const duration = minutes * MINUTE;
  return {
    id: seededId(`job:${inst.id}:${APPLY_JOB_NAME}:${start}`, '').replace(
      /^(.{8})(.{4})(.{4})(.{4})(.{12})$/,
      '$1-$2-$3-$4-$5',
    ),
    project_id: projectId,
    name: APPLY_JOB_NAME,
    instance_id: inst.id,
    instance_name: inst.name,
    status: failed ? 'Failed' : 'Completed',
    created_at: start,
    duration_ms: duration,
    due_at: start + duration,
    ended_at: start + duration,
    fail_reason: failed ?? null,
    planned_failure: null,
    on_complete: null,
    on_fail: null,
  };
}

export function loadDemoParameters(rt: EmulatorRuntime, seed: SeedInfo): void {
  const project = rt.projects.find((p) => p.role === 'main');
  if (!project) return;
  const now = seed.now;
  const byName = new Map(
    rt.store
      .collection(instancesCollection)
      .all({ projectId: project.id })
      .map((i) => [i.name, i]),
  );
  const current = (name: string) =>
    rt.store.collection(instancesCollection).get(project.id, byName.get(name)?.id ?? '');

  const made = new Map<string, TemplateDoc>();
  for (const t of DEMO_TEMPLATES) {
    const scope = { version: t.version, mode: t.mode };
    const at = now - t.ageDays * DAY;
    const doc: TemplateDoc = {
      id: seededId(`demo:param-template:${t.name}`, 'pr14'),
      project_id: project.id,
      name: t.name,
      description: t.description,
      engine_version: t.version,
      mode: t.mode,
      // Checked like a request, so demo values always lie inside the catalogue's ranges.
      values: overridesOf(scope, validateValues(scope, t.values, 'parameter_values')),
      created_at: at,
      updated_at: at,
    };
    templates(rt).put(doc);
    made.set(t.name, doc);
  }

  const legacy = made.get('legacy-8102-baseline')!;
  const resetAt = now - 20 * DAY;
  const defaults = templateValues({ ...legacy, values: {}, user_defined: true });
  for (const [name, old] of Object.entries(RESET_BEFORE)) {
    recordModification(rt, {
      projectId: project.id,
      scope: 'template',
      ownerId: legacy.id,
      name,
      oldValue: old,
      newValue: defaults[name] ?? '',
      at: resetAt,
    });
  }
  templates(rt).put({ ...legacy, updated_at: resetAt });

  const jobs = rt.store.collection(jobsCollection);
  for (const a of DEMO_APPLIES) {
    const t = made.get(a.template)!;
    const start = now - a.daysAgo * DAY;
    const targets = a.instances.map(current).filter((i): i is InstanceDoc => i !== undefined);
    if (targets.length === 0) continue;
    const j = job(project.id, targets[0]!, start, 2 + targets.length, a.failed);
    jobs.put(j);
    for (const inst of targets) {
      if (!a.failed)
        setInstanceValues(rt, inst, templateValues({ ...t, user_defined: true }), j.due_at, t.id);
      applyRecords(rt).put({
        id: seededId(`demo:apply:${t.id}:${inst.id}:${start}`, ''),
        project_id: project.id,
        config_id: t.id,
        instance_id: inst.id,
        instance_name: inst.name,
        job_id: j.id,
        apply_result: a.failed ? 'FAILED' : 'SUCCESS',
        applied_at: j.due_at,
        error_code: a.failed ? APPLY_FAILED_CODE : null,
      });
    }
  }

  for (const c of DEMO_CHANGES) {
    const inst = current(c.instance);
    if (!inst) continue;
    const scope = { version: inst.datastore.version, mode: inst.mode };
    setInstanceValues(rt, inst, validateValues(scope, c.values, 'values'), now - c.daysAgo * DAY);
  }
}

registerSeedContributor('parameters', loadDemoParameters);
