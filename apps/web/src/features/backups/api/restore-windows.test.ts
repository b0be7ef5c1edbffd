import { describe, expect, it } from 'vitest';
import { at, FULLS, NOW, RANGES } from './backups.fixture';
import { baseBackupFor, checkTime, joinRanges, nearestRestorable, olderBackups } from './restore-windows';

const windows = joinRanges(Object.values(RANGES).flat());

describe('restore windows', () => {
  it('joins the pieces 4.7.7 cut at UTC midnight, and keeps windows of different base backups apart', () => {
    expect(windows).toEqual([
      { start: at(2, 20), end: at(12, 10) - 1000 },
      { start: at(12, 10), end: at(2, 20, 1) - 1000 },
      { start: at(2, 20, 1), end: at(8, 0, 1) },
      { start: at(9, 0, 1), end: at(18, 0, 1) },
    ]);
  });

  it('says a time inside a window is restorable and why one outside is not', () => {
    expect(checkTime(windows, at(15), NOW)).toMatchObject({ ok: true, window: { start: at(12, 10) } });
    expect(checkTime(windows, at(8, 30, 1), NOW)).toMatchObject({
      ok: false,
      reason: 'between',
      before: { end: at(8, 0, 1) },
      after: { start: at(9, 0, 1) },
    });
    expect(checkTime(windows, at(1), NOW)).toMatchObject({
      ok: false,
      reason: 'beforeFirst',
      first: { start: at(2, 20) },
    });
    expect(checkTime(windows, NOW + 60_000, NOW)).toMatchObject({ ok: false, reason: 'future' });
    expect(checkTime([], at(15), NOW)).toEqual({ ok: false, reason: 'none' });
  });

  it('starts a point in time from the newest full backup that ended before it, and offers the older ones', () => {
    expect(baseBackupFor(FULLS, at(15))?.name).toBe('before-release');
    expect(baseBackupFor(FULLS, at(12, 9))?.name).toBe('GaussDB-gauss-ledger-day0');
    expect(baseBackupFor(FULLS, at(1))).toBeUndefined();
    expect(olderBackups(FULLS, baseBackupFor(FULLS, at(3, 0, 1))).map((b) => b.name)).toEqual([
      'before-release',
      'GaussDB-gauss-ledger-day0',
    ]);
  });

  it('finds the nearest restorable second', () => {
    expect(nearestRestorable(windows, at(8, 10, 1))).toBe(at(8, 0, 1));
    expect(nearestRestorable(windows, at(8, 50, 1))).toBe(at(9, 0, 1));
    expect(nearestRestorable([], at(1))).toBeUndefined();
  });
});
