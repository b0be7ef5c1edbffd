import { createHash } from 'node:crypto';
import { ApiError, errors } from '../../http/errors';
import { registerHandler, type QueryOf } from '../../http/handlers';
import type { EmulatorRuntime } from '../../runtime';
import type { Filter } from '../../store/collection';
import { paging, requireProject } from '../context';
import { instances } from '../instance-state';
import { recycleCollection } from '../recycle-bin';
import { isIncrementalBackupType, parseOffsetTime } from './contract-rules';
import { backupNotFound } from './manual';
import { backups, backupView, offsetTime, policies, type BackupDoc } from './model';

/**
 * 4.7.3 list and 4.7.5 download links. Without `backup_type` the list holds full backups only (automatic and
 * manual, as the section says); `Log_Xbsa`/`xbsa` lists an instance's incremental backups (D.59, BKP-4).
 */

/** 4.7.3's filters as the contract validated them. */
type ListQuery = QueryOf<'listBackups'>;

export function listBackups(
  rt: EmulatorRuntime,
  projectId: string,
  q: ListQuery,
): { backups: ReturnType<typeof backupView>[]; total_count: number } {
  const { offset, limit } = paging(q, 100);
  const where: Filter[] = [];
  if (q.instance_id) {
    where.push({ col: 'instance_id', op: '=', value: q.instance_id });
    const known =
      instances(rt).get(projectId, q.instance_id) ??
      rt.store.collection(recycleCollection).get(projectId, q.instance_id) ??
      backups(rt).find({ projectId, where, limit: 1 }).items[0];
    if (!known) throw errors.instanceNotFound(q.instance_id);
  }
  if (q.backup_id) where.push({ col: 'id', op: '=', value: q.backup_id });
  const type = q.backup_type?.toLowerCase();
  if (type === undefined) where.push({ col: 'type', op: 'in', value: ['auto', 'manual'] });
  else if (isIncrementalBackupType(type)) where.push({ col: 'type', op: '=', value: 'incremental' });
  else where.push({ col: 'type', op: '=', value: type });
  if (q.begin_time !== undefined && q.end_time !== undefined) {
    where.push({ col: 'begin_at', op: '>=', value: parseOffsetTime(q.begin_time) ?? 0 });
    where.push({ col: 'begin_at', op: '<=', value: parseOffsetTime(q.end_time) ?? 0 });
  }
  const page = backups(rt).find({
    projectId,
    where,
    orderBy: [{ col: 'begin_at', desc: true }],
    offset,
    limit,
  });
  return { backups: page.items.map(backupView), total_count: page.total };
}

registerHandler('listBackups', (ctx) => {
  const project = requireProject(ctx);
  return listBackups(ctx.rt, project.id, ctx.query);
});

/** How long a download link stays valid. */
const LINK_TTL_S = 5 * 60;
const MAX_FILES = 200;

/**
 * The files of a full backup: one set per shard (distributed instances also carry the coordinators'
 * metadata), each split into parts of the policy's `file_split_size` GB (0: no split).
 */
export function backupFiles(
  rt: EmulatorRuntime,
  b: BackupDoc,
): {
  files: { name: string; size: number; download_link: string; link_expired_time: string }[];
  bucket: string;
} {
  if (b.type === 'incremental') {
    throw new ApiError(
      400,
      'DBS.200001',
      `Backup ${b.name} is an incremental backup: only full (automatic or manual) backups have files to download.`,
      'backup_id',
    );
  }
  if (b.status !== 'COMPLETED')
    throw new ApiError(
      400,
      'DBS.201208',
      `Backup ${b.name} is ${b.status}: only a COMPLETED backup can be downloaded.`,
    );
  const region = rt.projects.find((p) => p.id === b.project_id)?.region ?? 'region-1';
  const bucket = `gaussdb-backup-${region}`;
  const splitGb = policies(rt).get(b.project_id, b.instance_id)?.file_split_size ?? 4;
  const totalKb = Math.round(b.size_mb * 1024);
  const groups =
    b.source.mode === 'centralization_standard'
      ? ['dn_6001']
      : ['cn_meta', ...Array.from({ length: b.source.shard_num }, (_, s) => `shard_${s + 1}`)];
  const shares = groups.map((g) => (g === 'cn_meta' ? Math.max(1, Math.round(totalKb * 0.002)) : 0));
  const rest = totalKb - shares.reduce((a, c) => a + c, 0);
  const dataGroups = groups.filter((g) => g !== 'cn_meta').length;
  const expires = Math.floor(rt.clock.now() / 1000) + LINK_TTL_S;
  const files: { name: string; size: number; download_link: string; link_expired_time: string }[] = [];
  groups.forEach((group, i) => {
    const groupKb = shares[i]! || Math.round(rest / dataGroups);
    const partKb = splitGb > 0 ? splitGb * 1024 * 1024 : groupKb;
    const parts = Math.min(MAX_FILES, Math.max(1, Math.ceil(groupKb / partKb)));
    for (let p = 0; p < parts; p++) {
      const size = p < parts - 1 ? partKb : groupKb - partKb * (parts - 1);
      const name = `${b.id}_${group}_${String(p + 1).padStart(3, '0')}.tar.gz`;
      const signature = createHash('sha256')
        .update(`${b.id}:${name}:${expires}`)
        .digest('base64url')
        .slice(0, 28);
      files.push({
        name,
        size: Math.max(1, size),
        download_link: `https://${bucket}.obs.${region}.example.com/${b.project_id}/${b.instance_id}/${name}?Expires=${expires}&Signature=${signature}`,
        link_expired_time: offsetTime(expires * 1000),
      });
    }
  });
  return { files, bucket };
}

registerHandler('getBackupDownloadLinks', (ctx) => {
  const project = requireProject(ctx);
  const { backup_id } = ctx.query;
  const b = backups(ctx.rt).get(project.id, backup_id);
  if (!b) throw backupNotFound(backup_id);
  return backupFiles(ctx.rt, b);
});
