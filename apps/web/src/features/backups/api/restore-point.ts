/**
 * Where restored data comes from, as the restore flows pass it between pages in the URL: a backup, or an
 * instance at a point in time (epoch ms). It becomes 4.7.8's `restore_point` or the recovery `source`.
 */
export type RestorePoint =
  | { instanceId: string; type: 'backup'; backupId: string }
  | { instanceId: string; type: 'timestamp'; restoreTime: number };

/** The restore-to-new-instance page for a source (`/p/:project/instances/restore?instance=…&backup=…|time=…`). */
export function restoreToNewHref(
  project: string,
  point: RestorePoint,
  opts: { from?: 'recycle-bin'; name?: string } = {},
): string {
  const q = new URLSearchParams({ instance: point.instanceId });
  if (point.type === 'backup') q.set('backup', point.backupId);
  else q.set('time', String(point.restoreTime));
  // The source's name, for a source that no longer exists (the recycle bin's): shown, never trusted.
  if (opts.name) q.set('name', opts.name);
  if (opts.from) q.set('from', opts.from);
  return `/p/${encodeURIComponent(project)}/instances/restore?${q.toString()}`;
}

/** The source a restore page's URL names, or undefined when it names none (or something malformed). */
export function restorePointOf(params: URLSearchParams): RestorePoint | undefined {
  const instanceId = params.get('instance') ?? '';
  if (!instanceId) return undefined;
  const backupId = params.get('backup');
  if (backupId) return { instanceId, type: 'backup', backupId };
  const time = params.get('time') ?? '';
  if (/^\d{1,16}$/.test(time)) return { instanceId, type: 'timestamp', restoreTime: Number(time) };
  return undefined;
}

/** 4.7.8 `restore_point`. */
export function toRestorePointBody(p: RestorePoint) {
  return p.type === 'backup'
    ? { instance_id: p.instanceId, type: 'backup' as const, backup_id: p.backupId }
    : { instance_id: p.instanceId, type: 'timestamp' as const, restore_time: p.restoreTime };
}
