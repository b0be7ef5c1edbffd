import { MINUTE } from '../../clock/clock';
import { registerSweeper } from '../../jobs/effects';
import type { EmulatorRuntime } from '../../runtime';
import type { InstanceDoc } from '../instance-model';
import { onInstanceRemoved } from '../instance-state';
import { recycleCollection } from '../recycle-bin';
import {
  backups,
  compactStamp,
  fullBackupSizeMb,
  policies,
  shapeOf,
  type BackupDoc,
  type SourceShape,
} from './model';

/**
 * Deleting an instance (4.4.3) moves it to the recycle bin with a `recycle_backup_id`: the final backup taken
 * as it was deleted. The core invents that id; this module makes it a real backup (listable, downloadable,
 * restorable to a new instance with 4.7.8) through the core's removal hook, which runs right after the
 * recycle-bin entry is written. The instance's automatic and incremental backups go with it; manual ones stay.
 * When the recycle bin purges the entry, the final backup goes too.
 */

/** The final backup record for an instance leaving for the recycle bin (seeds call it for their entries). */
export function finalBackup(projectId: string, backupId: string, shape: SourceShape, at: number): BackupDoc {
  return {
    id: backupId,
    project_id: projectId,
    instance_id: shape.instance_id,
    instance_name: shape.instance_name,
    name: `${shape.instance_name}-final-${compactStamp(at)}`,
    description: 'Final backup kept with the instance in the recycle bin',
    type: 'manual',
    status: 'COMPLETED',
    begin_at: at - 2 * MINUTE,
    end_at: at,
    due_at: null,
    size_mb: fullBackupSizeMb(shape.data_gb, backupId),
    job_id: null,
    fail_reason: null,
    recycle: true,
    source: shape,
  };
}

/** Removes what only lives with the instance: its policy, automatic and incremental backups. */
function dropInstanceBackups(rt: EmulatorRuntime, inst: InstanceDoc): void {
  policies(rt).delete(inst.project_id, inst.id);
  const col = backups(rt);
  const own = col.all({
    projectId: inst.project_id,
    where: [
      { col: 'instance_id', op: '=', value: inst.id },
      { col: 'type', op: 'in', value: ['auto', 'incremental'] },
    ],
  });
  for (const b of own) col.delete(b.project_id, b.id);
}

onInstanceRemoved((rt, inst) => {
  // The shape of the newest backup (or, without one, a share of the disk) stands for the data at deletion.
  const latest = backups(rt).find({
    projectId: inst.project_id,
    where: [
      { col: 'instance_id', op: '=', value: inst.id },
      { col: 'status', op: '=', value: 'COMPLETED' },
      { col: 'type', op: 'in', value: ['auto', 'manual'] },
    ],
    orderBy: [{ col: 'begin_at', desc: true }],
    limit: 1,
  }).items[0];
  dropInstanceBackups(rt, inst);
  const entry = rt.store.collection(recycleCollection).get(inst.project_id, inst.id);
  if (!entry?.recycle_backup_id) return;
  const shape = shapeOf(inst, latest?.source.data_gb ?? inst.volume.size * 0.2);
  backups(rt).put(finalBackup(inst.project_id, entry.recycle_backup_id, shape, rt.clock.now()));
});

/** The final backups whose recycle-bin entry was purged (or restored) leave with it. */
registerSweeper('backups-recycle', (rt) => {
  const col = backups(rt);
  const recycle = rt.store.collection(recycleCollection);
  for (const b of col.all({ where: [{ col: 'recycle', op: '=', value: 1 }] })) {
    if (!recycle.get(b.project_id, b.instance_id)) col.delete(b.project_id, b.id);
  }
});
