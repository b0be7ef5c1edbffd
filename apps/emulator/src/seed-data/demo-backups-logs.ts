import { DAY, HOUR, MINUTE } from '../clock/clock';
import { runSchedule } from '../domain/backups/automatic';
import {
  backups,
  compactStamp,
  dataGbAt,
  fullBackupDurationMs,
  fullBackupSizeMb,
  shapeOf,
  type BackupDoc,
  type BackupPolicyDoc,
  type SourceShape,
} from '../domain/backups/model';
import { defaultPolicy } from '../domain/backups/policy';
import { finalBackup } from '../domain/backups/recycle';
import { findFlavor } from '../domain/flavors';
import { seededId } from '../domain/ids';
import type { InstanceDoc } from '../domain/instance-model';
import { instances } from '../domain/instance-state';
import { planExports, finished } from '../domain/logs/slow-logs';
import { slowLogExports } from '../domain/logs/model';
import { recycleCollection, type RecycleDoc } from '../domain/recycle-bin';
import { jobsCollection, type JobDoc } from '../jobs/job-model';
import type { EmulatorRuntime } from '../runtime';
import { registerSeedContributor, type SeedInfo } from './seed';

/**
 * Demo backups and slow logs on the core demo fleet (seed-data/demo.ts), made by the same functions the API and
 * the automatic schedule use: a policy per instance, seven days of automatic full backups (and incremental ones
 * on 3.301+ engines) in each policy's window with sizes that follow the data, a few manual backups (one
 * FAILED, each with its task), the recycle bin's final backups, and slow-log exports (one still running).
 */

const HISTORY_DAYS = 7;

interface DemoPolicy {
  keep_days: number;
  start_time: string;
  period: string;
  differential_period: string;
}

/** Policies by instance name; the rest keep their creation window with a 12-hour incremental interval. */
const POLICIES: Record<string, DemoPolicy> = {
  'prod-core-01': {
    keep_days: 14,
    start_time: '18:00-19:00',
    period: '1,2,3,4,5,6,7',
    differential_period: '180',
  },
  'prod-core-02': {
    keep_days: 14,
    start_time: '18:00-19:00',
    period: '1,2,3,4,5,6,7',
    differential_period: '180',
  },
  'prod-ledger-dist': {
    keep_days: 30,
    start_time: '17:00-18:00',
    period: '1,2,3,4,5,6,7',
    differential_period: '360',
  },
  'analytics-dw': {
    keep_days: 7,
    start_time: '16:00-17:00',
    period: '1,2,3,4,5,6,7',
    differential_period: '720',
  },
  'archive-2023': { keep_days: 30, start_time: '20:00-21:00', period: '1,4', differential_period: '1440' },
  'payments-dr': {
    keep_days: 14,
    start_time: '19:00-20:00',
    period: '1,2,3,4,5,6,7',
    differential_period: '360',
  },
};
const DEFAULT_DEMO: Omit<DemoPolicy, 'start_time'> = {
  keep_days: 7,
  period: '1,2,3,4,5,6,7',
  differential_period: '720',
};

interface DemoManual {
  instance: string;
  name: string;
  description: string | null;
  daysAgo: number;
  failed?: string;
}

const MANUAL: readonly DemoManual[] = [
  {
    instance: 'prod-core-01',
    name: 'before-release-2026-01',
    description: 'Before the January release of core banking',
    daysAgo: 3,
  },
  { instance: 'prod-core-01', name: 'quarter-close-q4', description: 'Quarter close snapshot', daysAgo: 6.5 },
  {
    instance: 'prod-ledger-dist',
    name: 'pre-migration-ledger',
    description: 'Before the ledger schema migration',
    daysAgo: 5,
  },
  {
    instance: 'staging-app',
    name: 'nightly-smoke-test',
    description: 'Smoke test run',
    daysAgo: 2,
    failed: 'The backup failed: the standby DN did not answer the backup agent in time.',
  },
  { instance: 'payments-dr', name: 'dr-drill-2026q1', description: 'Disaster-recovery drill', daysAgo: 4 },
];

const byName = (rt: EmulatorRuntime) =>
  new Map(
    instances(rt)
      .all()
      .map((i) => [i.name, i]),
  );

const jobId = (key: string) =>
  seededId(`job:${key}`, '').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

function endedJob(
  inst: InstanceDoc,
  name: string,
  start: number,
  durationMs: number,
  failed?: string,
): JobDoc {
  return {
    id: jobId(`${inst.id}:${name}:${start}`),
    project_id: inst.project_id,
    name,
    instance_id: inst.id,
    instance_name: inst.name,
    status: failed ? 'Failed' : 'Completed',
    created_at: start,
    duration_ms: durationMs,
    due_at: start + durationMs,
    ended_at: start + durationMs,
    fail_reason: failed ?? null,
    planned_failure: null,
    on_complete: null,
    on_fail: null,
  };
}

/** History is computed as if the nodes that are stopped now were running then. */
const asRunning = (inst: InstanceDoc): InstanceDoc => ({
  ...inst,
  stopped: false,
  nodes: inst.nodes.map((n) => (n.status === 'STOPPED' ? { ...n, status: 'ACTIVE' } : n)),
});

function seedAutomatic(rt: EmulatorRuntime, inst: InstanceDoc, now: number): void {
  const demo = POLICIES[inst.name] ?? { ...DEFAULT_DEMO, start_time: inst.backup_strategy.start_time };
  const start = Math.max(now - HISTORY_DAYS * DAY, inst.created_at);
  const policy: BackupPolicyDoc = {
    ...defaultPolicy(inst, start),
    ...demo,
    initial_backup_done: true,
    last_full_slot: start,
    last_incr_slot: start,
  };
  instances(rt).put({ ...inst, backup_strategy: { start_time: demo.start_time, keep_days: demo.keep_days } });
  runSchedule(rt, asRunning(inst), policy, now);
}

function seedManual(rt: EmulatorRuntime, inst: InstanceDoc, m: DemoManual, now: number): void {
  const start = Math.floor(now - m.daysAgo * DAY);
  const data = dataGbAt(rt, inst, start);
  const duration = fullBackupDurationMs(data, inst.shard_num);
  const job = endedJob(
    inst,
    'BackupSnapshotGaussDBV5Instance',
    start,
    m.failed ? Math.round(duration / 3) : duration,
    m.failed,
  );
  rt.store.collection(jobsCollection).put(job);
  backups(rt).put(manualBackup(inst, m.name, m.description, job, data, m.failed));
}

function manualBackup(
  inst: InstanceDoc,
  name: string,
  description: string | null,
  job: JobDoc,
  data: number,
  failed?: string,
): BackupDoc {
  const id = seededId(`demo:backup:${inst.id}:${name}`, 'br14');
  return {
    id,
    project_id: inst.project_id,
    instance_id: inst.id,
    instance_name: inst.name,
    name,
    description,
    type: 'manual',
    status: failed ? 'FAILED' : 'COMPLETED',
    begin_at: job.created_at,
    end_at: job.due_at,
    due_at: null,
    size_mb: failed ? 0 : fullBackupSizeMb(data, id),
    job_id: job.id,
    fail_reason: failed ?? null,
    recycle: false,
    source: shapeOf(inst, data),
  };
}

/** The core's demo job for analytics-dw's backup yesterday gets the manual backup it made. */
function seedJobBackups(rt: EmulatorRuntime, inst: InstanceDoc): void {
  const jobs = rt.store.collection(jobsCollection).all({
    projectId: inst.project_id,
    where: [
      { col: 'instance_id', op: '=', value: inst.id },
      { col: 'name', op: '=', value: 'BackupSnapshotGaussDBV5Instance' },
    ],
  });
  for (const job of jobs) {
    if (
      backups(rt).count({
        projectId: inst.project_id,
        where: [
          { col: 'instance_id', op: '=', value: inst.id },
          { col: 'type', op: '=', value: 'manual' },
          { col: 'begin_at', op: '=', value: job.created_at },
        ],
      }) > 0
    )
      continue;
    const failed = job.status === 'Failed' ? (job.fail_reason ?? 'The backup failed.') : undefined;
    backups(rt).put(
      manualBackup(
        inst,
        `${inst.name}-manual-${compactStamp(job.created_at).slice(0, 8)}`,
        'Before the flavor change',
        job,
        dataGbAt(rt, inst, job.created_at),
        failed,
      ),
    );
  }
}

/** The shape of a recycled demo instance, read from its recycle-bin entry (its document is gone). */
function recycledShape(entry: RecycleDoc): SourceShape {
  const centralized = entry.ha_mode === 'Ha';
  const flavor = centralized
    ? 'gaussdb.opengauss.ee.m6.xlarge.x868.ha'
    : 'gaussdb.opengauss.ee.dn.c3.2xlarge.x864.in';
  const f = findFlavor(flavor)!;
  const version = entry.engine_version.split('.').slice(0, 2).join('.');
  return {
    instance_id: entry.id,
    instance_name: entry.name,
    mode: centralized ? 'centralization_standard' : 'enterprise',
    solution: centralized ? 'triset' : 'hws',
    consistency: 'strong',
    replication_mode: 'sync',
    consistency_protocol: 'quorum',
    version,
    complete_version: entry.engine_version,
    flavor_ref: flavor,
    vcpus: f.vcpus,
    ram: f.ram,
    arch: f.arch,
    volume_type: entry.volume_type.toUpperCase(),
    volume_size: centralized ? 100 : 480,
    data_gb: centralized ? 23.4 : 141.7,
    shard_num: centralized ? 1 : 3,
    coordinator_num: centralized ? 0 : 3,
    replica_num: 3,
    node_num: centralized ? 3 : 12,
    availability_zone: 'az1xahz,az1xahz,az1xahz',
    master_az: null,
    port: 8000,
    time_zone: 'UTC+08:00',
    enterprise_project_id: entry.enterprise_project_id,
  };
}

function seedSlowLogs(rt: EmulatorRuntime, fleet: Map<string, InstanceDoc>, now: number): void {
  const col = slowLogExports(rt);
  const done: [string, number][] = [
    ['prod-core-01', now - 3 * HOUR],
    ['analytics-dw', now - DAY - 2 * HOUR],
    ['staging-app', now - 26 * MINUTE],
  ];
  for (const [name, at] of done) {
    const inst = fleet.get(name);
    if (!inst) continue;
    const region = rt.projects.find((p) => p.id === inst.project_id)?.region ?? 'region-1';
    for (const d of planExports(inst, at)) col.put(d.status === 'EXPORTING' ? finished(d, region) : d);
  }
  // An export still running: it turns `success` within a couple of emulated minutes.
  const running = fleet.get('prod-ledger-dist');
  if (running)
    for (const d of planExports(running, now - rt.clock.work(10_000), (ms) => rt.clock.work(ms))) col.put(d);
}

function loadBackupsDemo(rt: EmulatorRuntime, seed: SeedInfo): void {
  const now = seed.now;
  const fleet = byName(rt);
  for (const inst of fleet.values()) {
    if (inst.status === 'BUILD' || inst.status === 'FAILED') continue;
    seedAutomatic(rt, inst, now);
  }
  // The instance whose disk is full could not finish its last automatic backup.
  const full = fleet.get('crm-db');
  if (full) {
    const last = backups(rt).find({
      projectId: full.project_id,
      where: [
        { col: 'instance_id', op: '=', value: full.id },
        { col: 'type', op: '=', value: 'auto' },
      ],
      orderBy: [{ col: 'begin_at', desc: true }],
      limit: 1,
    }).items[0];
    if (last)
      backups(rt).put({
        ...last,
        status: 'FAILED',
        size_mb: 0,
        end_at: Math.min(now, last.begin_at + 4 * MINUTE),
        due_at: null,
        fail_reason: 'The backup failed: the disk of the instance is full.',
      });
  }
  for (const m of MANUAL) {
    const inst = fleet.get(m.instance);
    if (inst) seedManual(rt, inst, m, now);
  }
  const dw = fleet.get('analytics-dw');
  if (dw) seedJobBackups(rt, dw);
  for (const entry of rt.store.collection(recycleCollection).all()) {
    if (entry.recycle_backup_id)
      backups(rt).put(
        finalBackup(entry.project_id, entry.recycle_backup_id, recycledShape(entry), entry.deleted_at),
      );
  }
  seedSlowLogs(rt, fleet, now);
}

registerSeedContributor('backups-logs', loadBackupsDemo);
