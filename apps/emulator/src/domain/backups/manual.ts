import { ApiError } from '../../http/errors';
import { registerHandler } from '../../http/handlers';
import type { EmulatorRuntime } from '../../runtime';
import { requireProject } from '../context';
import { newId } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { getInstanceOr404, instances, registerInstanceEffect, startInstanceAction } from '../instance-state';
import { assertNoStoppedNodes } from '../instance-ops/common';
import { fullCompleted } from './automatic';
import {
  backups,
  createdBackupView,
  dataGbAt,
  fullBackupDurationMs,
  fullBackupSizeMb,
  shapeOf,
  wholeSecond,
  type BackupDoc,
} from './model';

/**
 * Manual backups (4.7.4, 4.7.6). Creating one runs `BackupSnapshotGaussDBV5Instance`; the instance shows
 * BACKING UP meanwhile (the core state machine's `backup` action) and the backup goes BUILDING → COMPLETED
 * (or FAILED) when the job ends. Only manual backups can be deleted, and not while being built.
 */

export const backupNotFound = (id: string) =>
  new ApiError(404, 'DBS.201010', `The backup does not exist: ${id}`);
const inProgress = (inst: InstanceDoc) =>
  new ApiError(
    409,
    'DBS.201205',
    `A backup of instance ${inst.name} is in progress; try again when it has finished.`,
  );

/** The BUILDING backup of an instance, if any (automatic or manual). */
export function buildingBackupOf(rt: EmulatorRuntime, inst: InstanceDoc): BackupDoc | undefined {
  return backups(rt).all({
    projectId: inst.project_id,
    where: [
      { col: 'instance_id', op: '=', value: inst.id },
      { col: 'status', op: '=', value: 'BUILDING' },
    ],
  })[0];
}

export function startManualBackup(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  name: string,
  description: string | null,
): BackupDoc {
  if (!inst.frozen && (inst.status === 'BACKING UP' || buildingBackupOf(rt, inst))) throw inProgress(inst);
  const taken = backups(rt).count({
    projectId: inst.project_id,
    where: [
      { col: 'instance_id', op: '=', value: inst.id },
      { col: 'name', op: '=', value: name },
    ],
  });
  if (taken > 0)
    throw new ApiError(
      409,
      'DBS.201201',
      `name: instance ${inst.name} already has a backup named ${name}`,
      'name',
    );
  assertNoStoppedNodes(inst, 'A backup');
  const now = wholeSecond(rt.clock.now());
  const id = newId('br14');
  const data = dataGbAt(rt, inst, now);
  const job = startInstanceAction(rt, inst, 'backup', {
    jobName: 'BackupSnapshotGaussDBV5Instance',
    durationMs: fullBackupDurationMs(data, inst.shard_num),
    onComplete: { kind: 'backups.manualCompleted', args: { backup_id: id } },
    onFail: { kind: 'backups.manualFailed', args: { backup_id: id } },
  });
  return backups(rt).put({
    id,
    project_id: inst.project_id,
    instance_id: inst.id,
    instance_name: inst.name,
    name,
    description,
    type: 'manual',
    status: 'BUILDING',
    begin_at: now,
    end_at: null,
    due_at: null,
    size_mb: 0,
    job_id: job.id,
    fail_reason: null,
    recycle: false,
    source: shapeOf(inst, data),
  });
}

registerInstanceEffect('backups.manualCompleted', (rt, args, job) => {
  const col = backups(rt);
  const b = col.get(job.project_id, String(args.backup_id));
  if (!b) return;
  const inst = instances(rt).get(job.project_id, b.instance_id);
  const data = inst ? dataGbAt(rt, inst, b.begin_at) : b.source.data_gb;
  fullCompleted(
    rt,
    col.put({
      ...b,
      status: 'COMPLETED',
      end_at: wholeSecond(job.due_at),
      size_mb: fullBackupSizeMb(data, b.id),
      source: { ...b.source, data_gb: Math.round(data * 10) / 10 },
    }),
  );
});

registerInstanceEffect('backups.manualFailed', (rt, args, job) => {
  const col = backups(rt);
  const b = col.get(job.project_id, String(args.backup_id));
  if (b)
    col.put({
      ...b,
      status: 'FAILED',
      end_at: wholeSecond(job.due_at),
      size_mb: 0,
      fail_reason: job.planned_failure ?? 'The backup failed.',
    });
});

/** 4.7.6: a manual backup that is not being built and not held by the recycle bin. */
export function deleteManualBackup(rt: EmulatorRuntime, projectId: string, backupId: string): BackupDoc {
  const col = backups(rt);
  const b = col.get(projectId, backupId);
  if (!b) throw backupNotFound(backupId);
  if (b.type !== 'manual')
    throw new ApiError(
      400,
      'DBS.201218',
      `Backup ${b.name} is ${b.type === 'auto' ? 'an automatic' : 'an incremental'} backup; only manual backups can be deleted.`,
    );
  if (b.status === 'BUILDING')
    throw new ApiError(
      409,
      'DBS.201205',
      `Backup ${b.name} is still being built; delete it when it has finished.`,
    );
  if (b.recycle)
    throw new ApiError(
      400,
      'DBS.201208',
      `Backup ${b.name} is the final backup of an instance in the recycle bin; it is kept as long as the instance is.`,
    );
  col.delete(projectId, backupId);
  return b;
}

registerHandler('createManualBackup', (ctx) => {
  const project = requireProject(ctx);
  const body = ctx.body;
  const inst = getInstanceOr404(ctx.rt, project.id, body.instance_id);
  const b = startManualBackup(ctx.rt, inst, body.name, body.description ?? null);
  return { backup: createdBackupView(b), job_id: b.job_id };
});

registerHandler('deleteManualBackup', (ctx) => {
  const project = requireProject(ctx);
  const { backup_id } = ctx.path;
  const b = deleteManualBackup(ctx.rt, project.id, backup_id);
  return { backup_id: b.id, backup_name: b.name };
});
