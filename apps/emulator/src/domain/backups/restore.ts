import type { Project } from '../../auth/projects';
import { ApiError } from '../../http/errors';
import { numeric, registerHandler, type BodyOf } from '../../http/handlers';
import { JOB_DURATIONS } from '../../jobs/job-model';
import type { EmulatorRuntime } from '../../runtime';
import { paging, requireProject } from '../context';
import { findFlavor } from '../flavors';
import { assertQuota, planInstance, startCreate, type InstancePlanInput } from '../instance-create';
import type { InstanceDoc } from '../instance-model';
import { getInstanceOr404, instances, startInstanceAction } from '../instance-state';
import { accepted } from '../instance-ops/common';
import { createView } from '../instance-views';
import { buildingBackupOf } from './manual';
import { backups, dataGbAt, shapeOf, type BackupDoc, type SourceShape } from './model';
import { windowAt } from './restore-times';

/**
 * Restore (4.7.8 to a new instance, the recovery extension to the current or an existing instance) and the
 * queries that prepare it (4.7.9 restorable instances, 4.7.10 the source's shape). A restore source is a
 * COMPLETED full backup, or a point in time inside a range of 4.7.7 (which restores from that range's full
 * backup plus the archived WAL). A backup keeps the source's shape, so a deleted instance's backups (the
 * recycle bin's final backup included) can still be restored to a new instance.
 */

export interface RestoreSource {
  instanceId: string;
  shape: SourceShape;
  backup?: BackupDoc;
  restoreTime?: number;
}

const MB_PER_S_PER_SHARD = 100;

/** Resolves what a restore or query names: a backup, a point in time of an instance, or the instance now. */
export function resolveSource(
  rt: EmulatorRuntime,
  projectId: string,
  ask: { instanceId?: string; backupId?: string; restoreTime?: number },
  prefix: string,
): RestoreSource {
  if (ask.backupId !== undefined) {
    const b = backups(rt).get(projectId, ask.backupId);
    if (!b)
      throw new ApiError(
        404,
        'DBS.201010',
        `${prefix}backup_id: the backup does not exist: ${ask.backupId}`,
        `${prefix}backup_id`,
      );
    if (ask.instanceId !== undefined && b.instance_id !== ask.instanceId) {
      throw new ApiError(
        400,
        'DBS.201203',
        `${prefix}backup_id: backup ${b.id} is a backup of instance ${b.instance_id}, not of ${ask.instanceId}`,
        `${prefix}backup_id`,
      );
    }
    if (b.type === 'incremental') {
      throw new ApiError(
        400,
        'DBS.301024',
        `${prefix}backup_id: ${b.name} is an incremental backup; restore to a point in time (restore_time) instead`,
        `${prefix}backup_id`,
      );
    }
    if (b.status !== 'COMPLETED')
      throw new ApiError(
        400,
        'DBS.301024',
        `${prefix}backup_id: backup ${b.name} is ${b.status}; only a COMPLETED backup can be restored`,
        `${prefix}backup_id`,
      );
    return { instanceId: b.instance_id, shape: b.source, backup: b };
  }
  const instanceId = ask.instanceId ?? '';
  const inst = instances(rt).get(projectId, instanceId);
  if (ask.restoreTime !== undefined) {
    if (!inst)
      throw new ApiError(
        404,
        'DBS.200013',
        `${prefix}instance_id: the original DB instance does not exist: ${instanceId}`,
        `${prefix}instance_id`,
      );
    const w = windowAt(rt, inst, ask.restoreTime);
    if (!w) {
      throw new ApiError(
        400,
        'DBS.200001',
        `${prefix}restore_time: ${ask.restoreTime} is not inside a restorable time range of instance ${inst.name} (GET /v3/{project_id}/instances/${inst.id}/restore-time?date=yyyy-mm-dd lists them)`,
        `${prefix}restore_time`,
      );
    }
    return {
      instanceId,
      shape: { ...w.base.source, data_gb: Math.round(dataGbAt(rt, inst, ask.restoreTime) * 10) / 10 },
      restoreTime: ask.restoreTime,
    };
  }
  if (inst) return { instanceId, shape: shapeOf(inst, dataGbAt(rt, inst, rt.clock.now())) };
  const latest = backups(rt).find({
    projectId,
    where: [
      { col: 'instance_id', op: '=', value: instanceId },
      { col: 'status', op: '=', value: 'COMPLETED' },
      { col: 'type', op: 'in', value: ['auto', 'manual'] },
    ],
    orderBy: [{ col: 'begin_at', desc: true }],
    limit: 1,
  }).items[0];
  if (latest) return { instanceId, shape: latest.source, backup: latest };
  throw new ApiError(
    404,
    'DBS.200013',
    `${prefix}instance_id: the original DB instance does not exist: ${instanceId}`,
    `${prefix}instance_id`,
  );
}

/** Why `target` cannot receive data of `shape`, or undefined when it can (4.7.9 and the recovery extension). */
export function targetMismatch(shape: SourceShape, target: InstanceDoc): ApiError | undefined {
  if (target.datastore.version !== shape.version) {
    return new ApiError(
      400,
      'DBS.201207',
      `target: instance ${target.name} runs engine ${target.datastore.version}; the source data is from engine ${shape.version}`,
    );
  }
  if (
    target.mode !== shape.mode ||
    (target.mode !== 'centralization_standard' && target.shard_num !== shape.shard_num)
  ) {
    return new ApiError(
      400,
      'DBS.280661',
      `target: instance ${target.name} (${target.mode}, ${target.shard_num} shard(s)) does not match the source (${shape.mode}, ${shape.shard_num} shard(s))`,
    );
  }
  if ((findFlavor(target.flavor_ref)?.arch ?? 'x86') !== shape.arch) {
    return new ApiError(
      400,
      'DBS.06280032',
      `target: instance ${target.name} runs on a different CPU architecture than the source (${shape.arch})`,
    );
  }
  if (target.volume.size < Math.ceil(shape.data_gb)) {
    return new ApiError(
      400,
      'DBS.200023',
      `target: instance ${target.name} has ${target.volume.size} GB of disk; the source data needs ${Math.ceil(shape.data_gb)} GB`,
    );
  }
  return undefined;
}

const restoreDurationMs = (base: number, shape: SourceShape) =>
  base + Math.round(((shape.data_gb * 1024) / (MB_PER_S_PER_SHARD * Math.max(1, shape.shard_num))) * 1000);

// ---- 4.7.8 restore to a new instance ------------------------------------------------------------------

/** 4.7.8's body as the contract validated it. */
export type RestoreToNewBody = BodyOf<'restoreToNewInstance'>;

const bad = (code: string, detail: string, field: string) => new ApiError(400, code, detail, field);

/** Target flavor ≥ source (same kind and architecture), disk ≥ source within the shard count's bounds. */
function assertNewTargetFits(shape: SourceShape, body: RestoreToNewBody): void {
  const flavor = findFlavor(body.flavor_ref);
  if (!flavor)
    throw bad(
      'DBS.280288',
      `flavor_ref: unknown flavor ${body.flavor_ref} (list them with GET /v3.1/{project_id}/flavors)`,
      'flavor_ref',
    );
  if (!flavor.modes.includes(shape.mode))
    throw bad(
      'DBS.280288',
      `flavor_ref: ${body.flavor_ref} is not a flavor for ha.mode ${shape.mode} (the source's mode)`,
      'flavor_ref',
    );
  if (flavor.arch !== shape.arch)
    throw bad(
      'DBS.06280032',
      `flavor_ref: ${body.flavor_ref} is ${flavor.arch}; the source instance runs on ${shape.arch}`,
      'flavor_ref',
    );
  if (flavor.vcpus < shape.vcpus || flavor.ram < shape.ram) {
    throw bad(
      'DBS.280661',
      `flavor_ref: must be at least the source's flavor (${shape.vcpus} vCPUs, ${shape.ram} GB); ${body.flavor_ref} has ${flavor.vcpus} vCPUs, ${flavor.ram} GB`,
      'flavor_ref',
    );
  }
  const shards = shape.shard_num;
  const min = Math.max(shards * 40, shape.volume_size);
  const size = body.volume.size;
  if (size < min)
    throw bad(
      'DBS.200023',
      `volume.size: at least ${min} GB (the source's disk, and ${shards * 40} GB for ${shards} shard(s))`,
      'volume.size',
    );
  if (size > shards * 16384)
    throw bad(
      'DBS.280612',
      `volume.size: at most ${shards * 16384} GB for ${shards} shard(s)`,
      'volume.size',
    );
  if (size % (shards * 4) !== 0)
    throw bad(
      'DBS.280611',
      `volume.size: must be a multiple of ${shards * 4} GB (4 GB × ${shards} shard(s))`,
      'volume.size',
    );
}

/** The create body the restored instance is planned with: the source's kind and topology, the request's place and size. */
function cloneBody(project: Project, shape: SourceShape, body: RestoreToNewBody): InstancePlanInput {
  let azs = body.availability_zone;
  let masterAz: string | undefined;
  if (shape.solution === 'double') {
    // 1 primary + 1 standby lives in two AZs: the first two different ones of the three given.
    const distinct = [...new Set(body.availability_zone.split(','))];
    if (distinct.length >= 2) azs = distinct.slice(0, 2).join(',');
    masterAz = distinct[0];
  }
  return {
    name: body.name,
    password: body.password,
    datastore: { type: 'GaussDB', version: shape.version },
    ha: {
      mode: shape.mode,
      consistency: shape.consistency,
      replication_mode: shape.replication_mode,
      consistency_protocol: shape.consistency_protocol,
    },
    configuration_id: body.configuration_id,
    port: body.port === undefined ? undefined : String(body.port),
    backup_strategy: body.backup_strategy?.start_time
      ? { start_time: body.backup_strategy.start_time, keep_days: body.backup_strategy.keep_days }
      : undefined,
    flavor_ref: body.flavor_ref,
    volume: { type: body.volume.type, size: body.volume.size },
    region: project.region,
    availability_zone: azs,
    vpc_id: body.vpc_id,
    subnet_id: body.subnet_id,
    security_group_id: body.security_group_id,
    charge_info: { charge_mode: body.charge_info?.charge_mode ?? 'postPaid' },
    time_zone: body.time_zone,
    solution: shape.solution,
    master_az: masterAz,
    sharding_num: shape.mode === 'centralization_standard' ? undefined : shape.shard_num,
    coordinator_num: shape.mode === 'centralization_standard' ? undefined : shape.coordinator_num,
    enterprise_project_id: shape.enterprise_project_id,
  };
}

export function restoreToNewInstance(rt: EmulatorRuntime, project: Project, body: RestoreToNewBody) {
  const point = body.restore_point;
  const source = resolveSource(
    rt,
    project.id,
    { instanceId: point.instance_id, backupId: point.backup_id, restoreTime: point.restore_time },
    'restore_point.',
  );
  assertNewTargetFits(source.shape, body);
  assertQuota(rt, project.id);
  const inst = planInstance(project, cloneBody(project, source.shape, body), rt.clock.now());
  const job = startCreate(rt, inst, {
    jobName: 'CloneGaussDBV5NewInstance',
    durationMs: restoreDurationMs(JOB_DURATIONS.CloneGaussDBV5NewInstance, source.shape),
  });
  const { configuration_id: _template, ...view } = createView(inst, 'v3');
  return { instance: { ...view, enable_parallel_restore: false }, job_id: job.id };
}

registerHandler('restoreToNewInstance', (ctx) => {
  const project = requireProject(ctx);
  return restoreToNewInstance(ctx.rt, project, ctx.body);
});

// ---- recovery extension: restore over the current or an existing instance ------------------------------

/** The recovery extension's body as the contract validated it. */
export type RecoveryBody = BodyOf<'restoreToExistingInstance'>;

export function restoreToExistingInstance(rt: EmulatorRuntime, projectId: string, body: RecoveryBody) {
  const src = body.source;
  const source = resolveSource(
    rt,
    projectId,
    { instanceId: src.instance_id, backupId: src.backup_id, restoreTime: src.restore_time },
    'source.',
  );
  const target = getInstanceOr404(rt, projectId, body.target.instance_id);
  const mismatch = targetMismatch(source.shape, target);
  if (mismatch) throw mismatch;
  if (!target.frozen && !target.pending && buildingBackupOf(rt, target)) {
    throw new ApiError(
      409,
      'DBS.201205',
      `A backup of instance ${target.name} is in progress; restore when it has finished.`,
    );
  }
  const sameInstance = target.id === source.instanceId;
  const job = startInstanceAction(rt, target, 'restore', {
    jobName: sameInstance ? 'RestoreGaussDBV5Instance' : 'RestoreGaussDBV5InstanceToExistedInst',
    durationMs: restoreDurationMs(JOB_DURATIONS.RestoreGaussDBV5Instance, source.shape),
  });
  return accepted(target, job);
}

registerHandler('restoreToExistingInstance', (ctx) => {
  const project = requireProject(ctx);
  return restoreToExistingInstance(ctx.rt, project.id, ctx.body);
});

// ---- 4.7.9 restorable instances, 4.7.10 source shape ------------------------------------------------

const clusterMode = (shape: Pick<SourceShape, 'mode'>) =>
  shape.mode === 'centralization_standard' ? 'Ha' : 'Independent';

registerHandler('listRestorableInstances', (ctx) => {
  const project = requireProject(ctx);
  const q = ctx.query;
  const { offset, limit } = paging(q, 100);
  const source = resolveSource(
    ctx.rt,
    project.id,
    {
      instanceId: q.source_instance_id,
      backupId: q.backup_id,
      restoreTime:
        q.backup_id === undefined && q.restore_time !== undefined ? Number(q.restore_time) : undefined,
    },
    '',
  );
  const fits = instances(ctx.rt)
    .all({
      projectId: project.id,
      where: [{ col: 'status', op: '=', value: 'ACTIVE' }],
      orderBy: [{ col: 'created_at', desc: true }],
    })
    .filter((i) => !i.frozen && !i.pending && !targetMismatch(source.shape, i));
  return {
    instances: fits.slice(offset, offset + limit).map((i) => ({
      instance_id: i.id,
      instance_name: i.name,
      volume_type: i.volume.type,
      data_volume_size: i.volume.size,
      version: i.datastore.version,
      mode: clusterMode(i),
      instance_mode: 'enterprise',
    })),
    total_count: fits.length,
  };
});

export function snapshotView(shape: SourceShape) {
  return {
    cluster_mode: clusterMode(shape),
    instance_mode: 'enterprise',
    data_volume_size: numeric(shape.volume_size),
    solution: shape.solution,
    node_num: shape.node_num,
    coordinator_num: shape.coordinator_num,
    sharding_num: shape.shard_num,
    replica_num: shape.replica_num,
    engine_version: shape.complete_version,
  };
}

registerHandler('getInstanceSnapshot', (ctx) => {
  const project = requireProject(ctx);
  const q = ctx.query;
  const source = resolveSource(
    ctx.rt,
    project.id,
    {
      instanceId: q.instance_id,
      backupId: q.backup_id,
      restoreTime:
        q.backup_id === undefined && q.restore_time !== undefined ? Number(q.restore_time) : undefined,
    },
    '',
  );
  return snapshotView(source.shape);
});
