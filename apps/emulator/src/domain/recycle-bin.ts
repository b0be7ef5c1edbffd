import { isoSeconds, DAY } from '../clock/clock';
import { numeric, registerHandler } from '../http/handlers';
import { registerSweeper } from '../jobs/effects';
import type { EmulatorRuntime } from '../runtime';
import { defineCollection } from '../store/collection';
import { paging, requireProject } from './context';
import { newId } from './ids';
import type { InstanceDoc } from './instance-model';
import { instances, registerInstanceEffect, runRemovalHooks } from './instance-state';

/** A deleted instance waiting in the recycle bin (4.13.3) until the retention period ends. */
export interface RecycleDoc {
  id: string;
  project_id: string;
  name: string;
  ha_mode: 'Ha' | 'Independent';
  engine_version: string;
  pay_model: '0' | '1';
  created_at: number;
  deleted_at: number;
  volume_type: string;
  data_vip: string;
  enterprise_project_id: string;
  recycle_backup_id: string;
  recycle_status: 'Running' | 'Active';
  mode: string;
}

export const recycleCollection = defineCollection<RecycleDoc>({
  name: 'recycle_bin',
  columns: {
    name: { type: 'TEXT', get: (r) => r.name },
    deleted_at: { type: 'INTEGER', get: (r) => r.deleted_at },
  },
});

const DEFAULT_RETENTION_DAYS = 7;
const policyKey = (projectId: string) => `recycle_policy:${projectId}`;

export function retentionDays(rt: EmulatorRuntime, projectId: string): number {
  return Number(rt.store.getMeta(policyKey(projectId)) ?? DEFAULT_RETENTION_DAYS);
}

export function recycleEntry(inst: InstanceDoc, deletedAt: number, backupId = newId('br14')): RecycleDoc {
  const ips =
    inst.mode === 'centralization_standard' ? inst.nodes : inst.nodes.filter((n) => n.kind === 'cn');
  return {
    id: inst.id,
    project_id: inst.project_id,
    name: inst.name,
    ha_mode: inst.mode === 'centralization_standard' ? 'Ha' : 'Independent',
    engine_version: inst.datastore.complete_version,
    pay_model: inst.charge_mode === 'prePaid' ? '1' : '0',
    created_at: inst.created_at,
    deleted_at: deletedAt,
    volume_type: inst.volume.type.toLowerCase(),
    data_vip: ips.map((n) => n.private_ip).join(' / '),
    enterprise_project_id: inst.enterprise_project_id,
    recycle_backup_id: backupId,
    recycle_status: 'Active',
    mode: 'enterprise',
  };
}

/** Removes the instance from the list and keeps it, with its final backup id, in the recycle bin. */
export function moveToRecycleBin(rt: EmulatorRuntime, inst: InstanceDoc): RecycleDoc {
  const entry = recycleEntry(inst, rt.clock.now());
  instances(rt).delete(inst.project_id, inst.id);
  rt.store.collection(recycleCollection).put(entry);
  runRemovalHooks(rt, inst);
  return entry;
}

registerInstanceEffect('instances.movedToRecycleBin', (rt, _args, job) => {
  const inst = instances(rt).get(job.project_id, job.instance_id);
  if (inst) moveToRecycleBin(rt, inst);
});

/** Purges entries whose retention (the project's current policy) has elapsed on the emulator clock. */
registerSweeper('recycle-bin-purge', (rt, now) => {
  const col = rt.store.collection(recycleCollection);
  for (const project of rt.projects) {
    const cutoff = now - retentionDays(rt, project.id) * DAY;
    for (const entry of col.all({
      projectId: project.id,
      where: [{ col: 'deleted_at', op: '<=', value: cutoff }],
    })) {
      col.delete(project.id, entry.id);
    }
  }
});

registerHandler('setRecyclePolicy', (ctx) => {
  const project = requireProject(ctx);
  const body = ctx.body;
  ctx.rt.store.setMeta(policyKey(project.id), String(Number(body.recycle_policy.retention_period_in_days)));
  return {};
});

registerHandler('getRecyclePolicy', (ctx) => {
  const project = requireProject(ctx);
  return { retention_period_in_days: numeric(retentionDays(ctx.rt, project.id)) };
});

registerHandler('listRecycleInstances', (ctx) => {
  const project = requireProject(ctx);
  const q = ctx.query;
  const { offset, limit } = paging(q, 50);
  const page = ctx.rt.store.collection(recycleCollection).find({
    projectId: project.id,
    where: q.instance_name ? [{ col: 'name', op: 'contains', value: q.instance_name }] : [],
    orderBy: [{ col: 'deleted_at', desc: true }],
    offset,
    limit,
  });
  return {
    total_count: page.total,
    instances: page.items.map(({ project_id: _project, ...r }) => ({
      ...r,
      created_at: isoSeconds(r.created_at),
      deleted_at: isoSeconds(r.deleted_at),
    })),
  };
});
