import { createHash, randomUUID } from 'node:crypto';
import { ApiError, errors } from '../../http/errors';
import { registerHandler } from '../../http/handlers';
import { registerSweeper } from '../../jobs/effects';
import type { EmulatorRuntime } from '../../runtime';
import { compactStamp } from '../backups/model';
import { stableInt } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { onInstanceRemoved } from '../instance-state';
import { instanceOf } from '../instance-ops/common';
import { slowLogExports, type SlowLogExportDoc } from './model';

/**
 * Slow-log exports (4.8.1, 4.8.2; LOG-1). The first POST for an instance starts one export per node and answers
 * an empty list, as the reference says; a POST while exports run answers them; a POST after they finished starts
 * a fresh set (replacing the old one) and answers it. Each entry is `EXPORTING` until the emulator clock passes
 * its ready time (tens of seconds, longer for bigger files), then `success` with its size and link. A stopped
 * node cannot export: its entry is `failed` at once.
 */

/** Extra export time per 100 KB of log. */
const MS_PER_100KB = 1000;

export function slowLogView(d: SlowLogExportDoc) {
  return {
    id: d.id,
    instance_id: d.instance_id,
    node_id: d.node_id,
    workflow_id: d.workflow_id,
    file_name: d.file_name,
    file_size: d.file_size,
    file_link: d.file_link,
    bucket_name: d.bucket_name,
    created_at: d.created_at,
    updated_at: d.updated_at,
    version: d.version,
    status: d.status,
    message: d.message,
  };
}

function exportsOf(rt: EmulatorRuntime, inst: Pick<InstanceDoc, 'project_id' | 'id'>): SlowLogExportDoc[] {
  return slowLogExports(rt).all({
    projectId: inst.project_id,
    where: [{ col: 'instance_id', op: '=', value: inst.id }],
    orderBy: [{ col: 'created_at' }],
  });
}

/**
 * One export per node, created at `at` (seeds pass past times). How long an export runs is simulated work:
 * `work` shortens it by the clock's speed (seeded history passes none and keeps the real durations).
 */
export function planExports(
  inst: InstanceDoc,
  at: number,
  work: (ms: number) => number = (ms) => ms,
): SlowLogExportDoc[] {
  return inst.nodes.map((node, i) => {
    const created = at - stableInt(`${node.id}:${at}:skew`, 80);
    const size = 719 + stableInt(`${node.id}:${at}:size`, 4 * 1024 * 1024);
    const stopped = node.status === 'STOPPED';
    return {
      id: randomUUID(),
      project_id: inst.project_id,
      instance_id: inst.id,
      node_id: node.id,
      workflow_id: randomUUID(),
      file_name: `${inst.project_id}_slowlog_download__${node.id}${compactStamp(created)}`,
      file_size: '0.0',
      file_link: null,
      bucket_name: null,
      created_at: created,
      updated_at: created,
      version: null,
      status: stopped ? 'failed' : 'EXPORTING',
      message: stopped ? `Node ${node.name} is stopped; its slow logs cannot be exported.` : null,
      ready_at: at + work(20_000 + i * 2_000 + Math.round((size / 102_400) * MS_PER_100KB)),
      final_size: size,
    };
  });
}

/** The entry once its export is done. */
export function finished(d: SlowLogExportDoc, region: string): SlowLogExportDoc {
  const expires = Math.floor(d.ready_at / 1000) + 24 * 3600;
  const signature = createHash('sha256').update(`${d.id}:${expires}`).digest('base64url').slice(0, 28);
  return {
    ...d,
    status: 'success',
    file_size: `${d.final_size}.0`,
    file_link: `https://gaussdb-slowlog-${region}.obs.${region}.example.com/${d.instance_id}/${d.file_name}?Expires=${expires}&Signature=${signature}`,
    updated_at: d.ready_at,
  };
}

export function startSlowLogExport(rt: EmulatorRuntime, inst: InstanceDoc): SlowLogExportDoc[] {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', 'The DB instance is frozen; its slow logs cannot be exported.');
  if (inst.status === 'BUILD' || inst.status === 'FAILED')
    throw errors.notAllowedInStatus(inst.status, 'exporting slow logs');
  const col = slowLogExports(rt);
  const current = exportsOf(rt, inst);
  if (current.some((d) => d.status === 'EXPORTING')) return current;
  for (const d of current) col.delete(d.project_id, d.id);
  const fresh = planExports(inst, rt.clock.now(), (ms) => rt.clock.work(ms));
  for (const d of fresh) col.put(d);
  return current.length === 0 ? [] : fresh;
}

registerHandler('createSlowLogDownload', (ctx) => {
  const { inst } = instanceOf(ctx);
  return { list: startSlowLogExport(ctx.rt, inst).map(slowLogView) };
});

registerHandler('listSlowLogDownloads', (ctx) => {
  const { inst } = instanceOf(ctx);
  return { list: exportsOf(ctx.rt, inst).map(slowLogView) };
});

registerSweeper('slow-log-exports', (rt, now) => {
  const col = slowLogExports(rt);
  for (const d of col.all({ where: [{ col: 'ready_at', op: '<=', value: now }] })) {
    const region = rt.projects.find((p) => p.id === d.project_id)?.region ?? 'region-1';
    col.put(finished(d, region));
  }
});

onInstanceRemoved((rt, inst) => {
  for (const d of exportsOf(rt, inst)) slowLogExports(rt).delete(d.project_id, d.id);
});
