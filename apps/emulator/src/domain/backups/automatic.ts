import { DAY, HOUR, MINUTE } from '../../clock/clock';
import { registerSweeper } from '../../jobs/effects';
import type { EmulatorRuntime } from '../../runtime';
import { seededId, stableInt } from '../ids';
import type { InstanceDoc } from '../instance-model';
import { instances } from '../instance-state';
import {
  backups,
  compactStamp,
  dataGbAt,
  fullBackupDurationMs,
  fullBackupSizeMb,
  incrementalSizeMb,
  policies,
  shapeOf,
  wholeSecond,
  type BackupDoc,
  type BackupPolicyDoc,
} from './model';
import { ensurePolicy, nextDue, supportsIncremental } from './policy';
import { fullSlots, incrementalSlots } from './schedule';

/**
 * Automatic backups, driven by the emulator clock through a sweeper (no job, no status change: the service
 * backs up from a standby in the background):
 * - a new instance gets a full backup as soon as it is ACTIVE;
 * - then one full backup a day in the policy's window on the policy's weekdays, BUILDING until it completes;
 * - incremental (Log_Xbsa) backups every `differential_period` minutes once a full backup exists (3.301+);
 * - automatic and incremental backups older than `keep_days` are deleted.
 * The sweeper only visits instances whose policy says something is due (an indexed `next_due`), and finds new
 * instances through the indexed `created_at`, so a large fleet costs nothing between slots.
 */

const SCAN_META = 'backups:scanned_created_at';
/** An instance is backed up from this long after its creation (the create job has finished by then). */
const SETTLE_MS = 30 * MINUTE;
const PRUNE_EVERY_MS = 6 * HOUR;

/** Whether the service can take a backup of the instance now (a failed one is recorded otherwise). */
function backupBlocker(inst: InstanceDoc): string | null | 'skip' {
  if (inst.status === 'BUILD' || inst.status === 'FAILED' || inst.frozen) return 'skip';
  if (inst.stopped || inst.nodes.some((n) => n.status === 'STOPPED'))
    return 'The backup failed: nodes of the instance are stopped.';
  return null;
}

/**
 * A full automatic backup starting at `start`: BUILDING until it ends, or already COMPLETED (or FAILED, with
 * `failWith`) when it would have ended by `now`. Its duration is simulated work, shortened by the clock's speed;
 * a backup planned to fail stops after a minute or so (also shortened) and keeps its reason until then.
 */
export function autoBackup(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  startAt: number,
  now: number,
  options: { failWith?: string | null; idSeed?: string } = {},
): BackupDoc {
  const start = wholeSecond(startAt);
  const id = seededId(options.idSeed ?? `backup:auto:${inst.id}:${start}`, 'br14');
  const data = dataGbAt(rt, inst, start);
  const duration = rt.clock.work(fullBackupDurationMs(data, inst.shard_num));
  const base: BackupDoc = {
    id,
    project_id: inst.project_id,
    instance_id: inst.id,
    instance_name: inst.name,
    name: `GaussDB-${inst.name}-${compactStamp(start)}`,
    description: null,
    type: 'auto',
    status: 'BUILDING',
    begin_at: start,
    end_at: null,
    due_at: start + duration,
    size_mb: 0,
    job_id: null,
    fail_reason: null,
    recycle: false,
    source: shapeOf(inst, data),
  };
  if (options.failWith) {
    const end = start + rt.clock.work(MINUTE + stableInt(`${id}:fail`, 3 * 60) * 1000);
    // Until it stops, a failing backup is BUILDING like any other; `fail_reason` holds what it will fail with.
    if (end > now) return { ...base, due_at: end, fail_reason: options.failWith };
    return { ...base, status: 'FAILED', end_at: end, due_at: null, fail_reason: options.failWith };
  }
  if (start + duration <= now)
    return {
      ...base,
      status: 'COMPLETED',
      end_at: start + duration,
      due_at: null,
      size_mb: fullBackupSizeMb(data, id),
    };
  return base;
}

/** An incremental backup of the slot, COMPLETED: it is recorded once it has ended (never later than `now`). */
export function incrementalBackup(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  policy: BackupPolicyDoc,
  slot: number,
  now: number,
): BackupDoc {
  const id = seededId(`backup:incr:${inst.id}:${slot}`, 'br14');
  const data = dataGbAt(rt, inst, slot);
  return {
    id,
    project_id: inst.project_id,
    instance_id: inst.id,
    instance_name: inst.name,
    name: `GaussDB-${inst.name}-incr-${compactStamp(slot)}`,
    description: null,
    type: 'incremental',
    status: 'COMPLETED',
    begin_at: slot,
    end_at: Math.min(now, slot + rt.clock.work(20_000 + stableInt(`${id}:d`, 40_000))),
    due_at: null,
    size_mb: incrementalSizeMb(data, Number(policy.differential_period), id),
    job_id: null,
    fail_reason: null,
    recycle: false,
    source: shapeOf(inst, data),
  };
}

/** Completed full backups of an instance, oldest first. */
export function completedFulls(rt: EmulatorRuntime, projectId: string, instanceId: string): BackupDoc[] {
  return backups(rt).all({
    projectId,
    where: [
      { col: 'instance_id', op: '=', value: instanceId },
      { col: 'type', op: 'in', value: ['auto', 'manual'] },
      { col: 'status', op: '=', value: 'COMPLETED' },
    ],
    orderBy: [{ col: 'begin_at' }],
  });
}

/** Remembers the end of a COMPLETED full backup on the policy (see `full_since`). */
export function noteFull(policy: BackupPolicyDoc, b: BackupDoc): void {
  if (b.status !== 'COMPLETED' || b.end_at === null || policy.full_since === undefined) return;
  policy.full_since = policy.full_since === null ? b.end_at : Math.min(policy.full_since, b.end_at);
}

/** A full backup of an instance completed outside the schedule's run (completion sweep, manual job). */
export function fullCompleted(rt: EmulatorRuntime, b: BackupDoc): void {
  const policy = policies(rt).get(b.project_id, b.instance_id);
  if (
    !policy ||
    policy.full_since === undefined ||
    (policy.full_since !== null && policy.full_since <= (b.end_at ?? Infinity))
  )
    return;
  const next = { ...policy };
  noteFull(next, b);
  policies(rt).put(next);
}

/** Deletes the automatic and incremental backups that have outlived the retention period. */
function prune(rt: EmulatorRuntime, inst: InstanceDoc, policy: BackupPolicyDoc, now: number): void {
  const col = backups(rt);
  const old = col.all({
    projectId: inst.project_id,
    where: [
      { col: 'instance_id', op: '=', value: inst.id },
      { col: 'type', op: 'in', value: ['auto', 'incremental'] },
      { col: 'begin_at', op: '<', value: now - policy.keep_days * DAY },
    ],
  });
  for (const b of old) if (b.status !== 'BUILDING') col.delete(b.project_id, b.id);
}

/**
 * Brings an instance's automatic backups up to `now`: the first backup of a new instance, every full and
 * incremental slot since the last run (within the retention period), then pruning. Seeds call it too.
 */
export function runSchedule(
  rt: EmulatorRuntime,
  inst: InstanceDoc,
  policy: BackupPolicyDoc,
  now: number,
): BackupPolicyDoc {
  const col = backups(rt);
  const next = { ...policy };
  const retained = now - policy.keep_days * DAY;
  if (!next.initial_backup_done) {
    if (inst.status === 'ACTIVE' && !inst.pending) {
      noteFull(next, col.put(autoBackup(rt, inst, now, now)));
      next.initial_backup_done = true;
      next.last_full_slot = Math.max(next.last_full_slot, now);
      next.last_incr_slot = Math.max(next.last_incr_slot, now);
    } else if (inst.status === 'FAILED' || now - inst.created_at > DAY) {
      // A create that failed (or an instance never seen ACTIVE for a day) gets no first backup.
      next.initial_backup_done = true;
    }
  }
  if (next.initial_backup_done) {
    const blocker = backupBlocker(inst);
    if (blocker !== 'skip') {
      for (const slot of fullSlots(
        next,
        next.last_full_slot,
        now,
        Math.max(retained, inst.created_at + SETTLE_MS),
      )) {
        noteFull(next, col.put(autoBackup(rt, inst, slot, now, { failWith: blocker })));
      }
      const slots = supportsIncremental(inst)
        ? incrementalSlots(next, next.last_incr_slot, now, retained)
        : [];
      if (slots.length > 0) {
        if (next.full_since === undefined)
          next.full_since = completedFulls(rt, inst.project_id, inst.id)[0]?.end_at ?? null;
        const since = next.full_since;
        for (const slot of slots)
          if (since !== null && since <= slot) col.put(incrementalBackup(rt, inst, next, slot, now));
      }
    }
    next.last_full_slot = Math.max(next.last_full_slot, now);
    next.last_incr_slot = Math.max(next.last_incr_slot, now);
    // Retention is in days: looking for expired backups a few times a day is enough.
    if (now - (next.last_pruned ?? 0) >= PRUNE_EVERY_MS) {
      prune(rt, inst, next, now);
      next.last_pruned = now;
    }
  }
  next.next_due = nextDue(inst, next, now);
  return policies(rt).put(next);
}

/** Finds instances created since the last look and gives them a policy (and so a schedule). */
function discoverInstances(rt: EmulatorRuntime, now: number): void {
  const mark = Number(rt.store.getMeta(SCAN_META) ?? 0);
  const found = instances(rt).all({
    where: [{ col: 'created_at', op: '>=', value: mark }],
    orderBy: [{ col: 'created_at' }],
  });
  if (found.length === 0) return;
  let latest = mark;
  for (const inst of found) {
    latest = Math.max(latest, inst.created_at);
    if (policies(rt).get(inst.project_id, inst.id)) continue;
    const policy = ensurePolicy(rt, inst, now);
    // Instances that existed long before the emulator first saw them (scale seeds) need no first backup.
    if (now - inst.created_at > HOUR)
      policies(rt).put({
        ...policy,
        initial_backup_done: true,
        next_due: nextDue(inst, { ...policy, initial_backup_done: true }, now),
      });
  }
  if (latest > mark) rt.store.setMeta(SCAN_META, String(latest));
}

/** BUILDING automatic backups whose time has come are COMPLETED with the size of the data they read (or FAILED). */
function completeDue(rt: EmulatorRuntime, now: number): void {
  const col = backups(rt);
  for (const b of col.all({ where: [{ col: 'due_at', op: '<=', value: now }] })) {
    if (b.type !== 'auto' || b.due_at === null) continue;
    const inst = instances(rt).get(b.project_id, b.instance_id);
    if (b.fail_reason) {
      col.put({ ...b, status: 'FAILED', end_at: b.due_at, due_at: null, size_mb: 0 });
      continue;
    }
    const data = inst ? dataGbAt(rt, inst, b.begin_at) : b.source.data_gb;
    fullCompleted(
      rt,
      col.put({
        ...b,
        status: 'COMPLETED',
        end_at: b.due_at,
        due_at: null,
        size_mb: fullBackupSizeMb(data, b.id),
      }),
    );
  }
}

registerSweeper('backups-automatic', (rt, now) => {
  // Completions first: pruning and incremental backups look at what has completed by now.
  completeDue(rt, now);
  discoverInstances(rt, now);
  for (const policy of policies(rt).all({ where: [{ col: 'next_due', op: '<=', value: now }] })) {
    const inst = instances(rt).get(policy.project_id, policy.id);
    if (!inst) {
      policies(rt).delete(policy.project_id, policy.id);
      continue;
    }
    runSchedule(rt, inst, policy, now);
  }
});
