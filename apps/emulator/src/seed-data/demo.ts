import type { Project } from '../auth/projects';
import { HOUR, DAY, MINUTE } from '../clock/clock';
import { seededId } from '../domain/ids';
import { activated, planInstance, type CreateInstanceBody } from '../domain/instance-create';
import type { InstanceDoc, InstanceStatus } from '../domain/instance-model';
import { instancesCollection } from '../domain/instance-model';
import { markNodes } from '../domain/instance-topology';
import { recycleCollection, recycleEntry } from '../domain/recycle-bin';
import { JOB_DURATIONS, jobsCollection, type JobDoc } from '../jobs/job-model';
import type { EmulatorRuntime } from '../runtime';
import type { SeedInfo } from './seed';

interface DemoInstance {
  name: string;
  project: 'main' | 'dr';
  ageDays: number;
  body: Partial<CreateInstanceBody> & { flavor_ref: string; availability_zone: string };
  status?: InstanceStatus;
  tags?: Record<string, string>;
  /** A job still running for it: task name, minutes since it started, duration in minutes. */
  running?: {
    name: string;
    startedMinAgo: number;
    minutes: number;
    action: string;
    previous: InstanceStatus;
  };
  failedCreate?: string;
}

const centralized = (version = '8.201'): Partial<CreateInstanceBody> => ({
  ha: {
    mode: 'centralization_standard',
    consistency: 'strong',
    replication_mode: 'sync',
    consistency_protocol: 'quorum',
  },
  datastore: { type: 'GaussDB', version },
  solution: 'triset',
});
const distributed = (shards: number, cns: number, version = '8.201'): Partial<CreateInstanceBody> => ({
  ha: { mode: 'enterprise', consistency: 'strong', replication_mode: 'sync' },
  datastore: { type: 'GaussDB', version },
  sharding_num: shards,
  coordinator_num: cns,
});

/** The demo fleet: every mode, several AZs, both projects, and instances in interesting states. */
export const DEMO_INSTANCES: readonly DemoInstance[] = [
  {
    name: 'prod-core-01',
    project: 'main',
    ageDays: 210,
    body: {
      ...centralized(),
      flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha',
      availability_zone: 'az1xahz,az2xahz,az3xahz',
      volume: { type: 'ULTRAHIGH', size: 480 },
    },
    tags: { env: 'prod', team: 'core' },
  },
  {
    name: 'prod-core-02',
    project: 'main',
    ageDays: 180,
    body: {
      ...centralized(),
      flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
      availability_zone: 'az1xahz,az1xahz,az1xahz',
      volume: { type: 'ULTRAHIGH', size: 240 },
    },
    tags: { env: 'prod', team: 'core' },
  },
  {
    name: 'prod-ledger-dist',
    project: 'main',
    ageDays: 150,
    body: {
      ...distributed(3, 3),
      flavor_ref: 'gaussdb.opengauss.ee.dn.m6.8xlarge.8.in',
      availability_zone: 'az1xahz,az2xahz,az3xahz',
      volume: { type: 'ULTRAHIGH', size: 1200 },
    },
    tags: { env: 'prod', team: 'finance' },
  },
  {
    name: 'analytics-dw',
    project: 'main',
    ageDays: 120,
    body: {
      ...distributed(4, 4),
      flavor_ref: 'gaussdb.opengauss.ee.dn.c3.8xlarge.x864.in',
      availability_zone: 'az2xahz,az2xahz,az2xahz',
      volume: { type: 'ULTRAHIGH', size: 1600 },
    },
    tags: { env: 'prod', team: 'data' },
  },
  {
    name: 'staging-app',
    project: 'main',
    ageDays: 90,
    body: {
      ...centralized('8.102'),
      solution: 'double',
      ha: {
        mode: 'centralization_standard',
        consistency: 'strong',
        replication_mode: 'sync',
        consistency_protocol: 'paxos',
      },
      master_az: 'az1xahz',
      flavor_ref: 'gaussdb.opengauss.ee.m6.xlarge.x868.ha',
      availability_zone: 'az1xahz,az2xahz',
      volume: { type: 'ULTRAHIGH', size: 100 },
    },
    tags: { env: 'staging' },
  },
  {
    name: 'staging-ledger',
    project: 'main',
    ageDays: 80,
    body: {
      ...distributed(2, 2, '8.102'),
      flavor_ref: 'gaussdb.opengauss.ee.dn.m6.large.8.in',
      availability_zone: 'az1xahz,az2xahz,az3xahz',
      volume: { type: 'ULTRAHIGH', size: 160 },
    },
    tags: { env: 'staging', team: 'finance' },
  },
  {
    name: 'dev-sandbox-01',
    project: 'main',
    ageDays: 40,
    body: {
      ...centralized('3.223'),
      flavor_ref: 'gaussdb.opengauss.ee.c3.2xlarge.x864.ha',
      availability_zone: 'az3xahz,az3xahz,az3xahz',
      volume: { type: 'ULTRAHIGH', size: 40 },
    },
    tags: { env: 'dev', owner: 'alice' },
  },
  {
    name: 'dev-arm-01',
    project: 'main',
    ageDays: 30,
    body: {
      ...centralized(),
      flavor_ref: 'gaussdb.opengauss.ee.km1.2xlarge.arm8.ha',
      availability_zone: 'az1xahz,az1xahz,az1xahz',
      volume: { type: 'ULTRAHIGH', size: 100 },
      charge_info: { charge_mode: 'prePaid' },
    },
    tags: { env: 'dev', owner: 'bob' },
  },
  {
    name: 'crm-db',
    project: 'main',
    ageDays: 60,
    status: 'STORAGE FULL',
    body: {
      ...centralized(),
      flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
      availability_zone: 'az2xahz,az2xahz,az2xahz',
      volume: { type: 'ULTRAHIGH', size: 40 },
    },
    tags: { env: 'prod', team: 'sales' },
  },
  {
    name: 'reporting-01',
    project: 'main',
    ageDays: 20,
    body: {
      ...centralized(),
      flavor_ref: 'gaussdb.opengauss.ee.m6.2xlarge.x868.ha',
      availability_zone: 'az1xahz,az2xahz,az3xahz',
      volume: { type: 'ULTRAHIGH', size: 200 },
    },
    tags: { env: 'prod', team: 'data' },
    running: {
      name: 'RestartGaussDBV5Instance',
      startedMinAgo: 1,
      minutes: 3,
      action: 'restart',
      previous: 'ACTIVE',
    },
  },
  {
    name: 'orders-new',
    project: 'main',
    ageDays: 0,
    status: 'BUILD',
    body: {
      ...distributed(3, 3),
      flavor_ref: 'gaussdb.opengauss.ee.dn.m6.2xlarge.8.in',
      availability_zone: 'az1xahz,az2xahz,az3xahz',
      volume: { type: 'ULTRAHIGH', size: 480 },
    },
    tags: { env: 'prod', team: 'orders' },
    running: {
      name: 'CreateGaussDBV5Instance',
      startedMinAgo: 9,
      minutes: 25,
      action: 'create',
      previous: 'BUILD',
    },
  },
  {
    name: 'migration-test',
    project: 'main',
    ageDays: 2,
    status: 'FAILED',
    body: {
      ...centralized(),
      flavor_ref: 'gaussdb.opengauss.ee.m6.xlarge.x868.ha',
      availability_zone: 'az3xahz,az3xahz,az3xahz',
      volume: { type: 'ULTRAHIGH', size: 80 },
    },
    tags: { env: 'dev' },
    failedCreate: 'ECS server processing failed: insufficient capacity in az3xahz.',
  },
  {
    name: 'archive-2023',
    project: 'main',
    ageDays: 400,
    body: {
      ...centralized('8.102'),
      flavor_ref: 'gaussdb.opengauss.ee.c3.2xlarge.x864.ha',
      availability_zone: 'az2xahz,az2xahz,az2xahz',
      volume: { type: 'ULTRAHIGH', size: 800 },
    },
    tags: { env: 'archive', owner: 'alice' },
  },
  {
    name: 'payments-dr',
    project: 'dr',
    ageDays: 200,
    body: {
      ...centralized(),
      flavor_ref: 'gaussdb.opengauss.ee.m6.4xlarge.x868.ha',
      availability_zone: 'az2xdr,az2xdr,az2xdr',
      volume: { type: 'ULTRAHIGH', size: 480 },
    },
    tags: { env: 'dr', team: 'core' },
  },
  {
    name: 'ledger-dr',
    project: 'dr',
    ageDays: 140,
    body: {
      ...distributed(3, 3),
      flavor_ref: 'gaussdb.opengauss.ee.dn.m6.8xlarge.8.in',
      availability_zone: 'az1xdr,az1xdr,az1xdr',
      volume: { type: 'ULTRAHIGH', size: 1200 },
    },
    tags: { env: 'dr', team: 'finance' },
  },
];

/** Deleted instances still in the recycle bin: name, days since deletion. */
const RECYCLED: readonly {
  name: string;
  deletedDaysAgo: number;
  flavor: string;
  mode: 'centralized' | 'distributed';
}[] = [
  {
    name: 'old-test-01',
    deletedDaysAgo: 2,
    flavor: 'gaussdb.opengauss.ee.m6.xlarge.x868.ha',
    mode: 'centralized',
  },
  {
    name: 'legacy-erp',
    deletedDaysAgo: 5,
    flavor: 'gaussdb.opengauss.ee.dn.c3.2xlarge.x864.in',
    mode: 'distributed',
  },
];

function demoBody(d: Pick<DemoInstance, 'name' | 'body'>, project: Project): CreateInstanceBody {
  return {
    name: d.name,
    datastore: { type: 'GaussDB' },
    ha: { mode: 'centralization_standard', consistency: 'strong', replication_mode: 'sync' },
    volume: { type: 'ULTRAHIGH', size: 40 },
    region: project.region,
    vpc_id: project.role === 'main' ? 'vpc-demo-prod' : 'vpc-demo-dr',
    subnet_id: project.role === 'main' ? 'subnet-demo-a' : 'subnet-demo-dr',
    security_group_id: 'sg-demo-default',
    port: '8000',
    // Seeds plan instances with the create rules; the password itself is not kept.
    password: 'Demo@seed2026x',
    time_zone: 'UTC+08:00',
    ...d.body,
  };
}

function completedJob(
  projectId: string,
  name: string,
  inst: InstanceDoc,
  start: number,
  minutes: number,
  failed?: string,
): JobDoc {
  const duration = minutes * MINUTE;
  return {
    id: seededId(`job:${inst.id}:${name}:${start}`, '').replace(
      /^(.{8})(.{4})(.{4})(.{4})(.{12})$/,
      '$1-$2-$3-$4-$5',
    ),
    project_id: projectId,
    name,
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

export function loadDemo(rt: EmulatorRuntime, seed: SeedInfo): void {
  const now = seed.now;
  const instances = rt.store.collection(instancesCollection);
  const jobs = rt.store.collection(jobsCollection);
  const projectOf = (role: 'main' | 'dr') => rt.projects.find((p) => p.role === role)!;

  for (const d of DEMO_INSTANCES) {
    const project = projectOf(d.project);
    let n = 0;
    const ids = {
      instance: () => seededId(`demo:${d.name}`, 'in14'),
      node: () => seededId(`demo:${d.name}:node:${n++}`, 'no14'),
    };
    // Work still running when the seed is made is simulated work: it started and ends `speed` times sooner.
    const runStart = d.running ? now - rt.clock.work(d.running.startedMinAgo * MINUTE) : now;
    const runMs = d.running ? rt.clock.work(d.running.minutes * MINUTE) : 0;
    const createdAt =
      d.running?.action === 'create' ? runStart - d.ageDays * DAY : now - d.ageDays * DAY - 3 * HOUR;
    const planned = planInstance(project, demoBody(d, project), createdAt, ids);
    planned.tags = Object.entries(d.tags ?? {}).map(([key, value]) => ({ key, value }));
    const createMinutes =
      planned.mode === 'centralization_standard'
        ? JOB_DURATIONS.CreateGaussDBV5Instance / MINUTE
        : JOB_DURATIONS.CreateGaussDBV5InstanceDistributed / MINUTE;
    let inst: InstanceDoc;

    if (d.running?.action === 'create') {
      const job = runningJob(
        project.id,
        d.running.name,
        planned,
        runStart,
        runMs,
        {
          kind: 'instance.action.completed',
          args: { action: 'create', previous: 'BUILD', then: { kind: 'instances.created' } },
        },
        {
          kind: 'instance.action.failed',
          args: { action: 'create', previous: 'BUILD', then: { kind: 'instances.createFailed' } },
        },
      );
      jobs.put(job);
      inst = { ...planned, pending: { action: 'create', job_id: job.id } };
    } else if (d.failedCreate) {
      jobs.put(
        completedJob(
          project.id,
          'CreateGaussDBV5Instance',
          planned,
          createdAt,
          createMinutes,
          d.failedCreate,
        ),
      );
      inst = {
        ...planned,
        status: 'FAILED',
        updated_at: createdAt + createMinutes * MINUTE,
        nodes: markNodes(planned.nodes, 'FAILED'),
      };
    } else {
      jobs.put(completedJob(project.id, 'CreateGaussDBV5Instance', planned, createdAt, createMinutes));
      inst = activated(planned, createdAt + createMinutes * MINUTE);
      if (d.status) inst.status = d.status;
    }
    if (d.running && d.running.action !== 'create') {
      const job = runningJob(
        project.id,
        d.running.name,
        inst,
        runStart,
        runMs,
        {
          kind: 'instance.action.completed',
          args: { action: d.running.action, previous: d.running.previous, then: null },
        },
        {
          kind: 'instance.action.failed',
          args: { action: d.running.action, previous: d.running.previous, then: null },
        },
      );
      jobs.put(job);
      inst = { ...inst, status: 'REBOOTING', pending: { action: d.running.action, job_id: job.id } };
    }
    instances.put(inst);
  }

  // History: a resize and a disk enlargement that finished last week.
  const core = instances.get(projectOf('main').id, seededId('demo:prod-core-01', 'in14'))!;
  jobs.put(completedJob(core.project_id, 'ResizeGaussDBV5Flavor', core, now - 6 * DAY, 10));
  jobs.put(completedJob(core.project_id, 'EnlargeGaussDBV5Volume', core, now - 4 * DAY, 5));
  const ledger = instances.get(projectOf('main').id, seededId('demo:prod-ledger-dist', 'in14'))!;
  jobs.put(completedJob(ledger.project_id, 'GaussDBV5ExpandClusterCN', ledger, now - 12 * DAY, 20));
  const dw = instances.get(projectOf('main').id, seededId('demo:analytics-dw', 'in14'))!;
  jobs.put(completedJob(dw.project_id, 'BackupSnapshotGaussDBV5Instance', dw, now - DAY, 8));
  jobs.put(
    completedJob(
      dw.project_id,
      'ResizeGaussDBV5Flavor',
      dw,
      now - 3 * DAY,
      12,
      'Insufficient ECS capacity for the target flavor.',
    ),
  );

  const recycle = rt.store.collection(recycleCollection);
  for (const r of RECYCLED) {
    const project = projectOf('main');
    let n = 0;
    const ids = {
      instance: () => seededId(`demo:${r.name}`, 'in14'),
      node: () => seededId(`demo:${r.name}:node:${n++}`, 'no14'),
    };
    const body: CreateInstanceBody = demoBody(
      {
        name: r.name,
        body: {
          ...(r.mode === 'centralized' ? centralized('8.102') : distributed(3, 3, '8.102')),
          flavor_ref: r.flavor,
          availability_zone: 'az1xahz,az1xahz,az1xahz',
          volume: { type: 'ULTRAHIGH', size: r.mode === 'centralized' ? 100 : 480 },
        },
      },
      project,
    );
    const inst = activated(planInstance(project, body, now - 90 * DAY, ids), now - 90 * DAY + 15 * MINUTE);
    const deletedAt = now - r.deletedDaysAgo * DAY;
    jobs.put(completedJob(project.id, 'DeleteGaussDBV5Instance', inst, deletedAt - 2 * MINUTE, 2));
    recycle.put(recycleEntry(inst, deletedAt, seededId(`demo:${r.name}:backup`, 'br14')));
  }
}

function runningJob(
  projectId: string,
  name: string,
  inst: InstanceDoc,
  start: number,
  durationMs: number,
  onComplete: JobDoc['on_complete'],
  onFail: JobDoc['on_fail'],
): JobDoc {
  return {
    ...completedJob(projectId, name, inst, start, durationMs / MINUTE),
    status: 'Running',
    ended_at: null,
    on_complete: onComplete,
    on_fail: onFail,
  };
}
