import type { Backup, Instance } from '@gaussdb-console/api-client/browser';
import { fakeBff, type FakeBffOptions } from '../../../test/fake-bff';

/** A day of the tests: 2026-03-10 UTC; `at(h, m)` is a time of that day. */
export const DAY0 = Date.UTC(2026, 2, 10);
export const HOUR = 3_600_000;
export const at = (h: number, m = 0, day = 0) => DAY0 + day * 24 * HOUR + h * HOUR + m * 60_000;
/** The API's time format for a backup (`2026-03-10T02:00:00+0000`). */
export const apiTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

export const INSTANCE_ID = '0a1b2c3d4e5f60718293a4b5c6d7e8f9in14';
export const instance: Instance = {
  id: INSTANCE_ID,
  name: 'gauss-ledger',
  status: 'ACTIVE',
  type: 'Centralization_standard',
  ha: { mode: 'centralization_standard' },
  solution: 'triset',
  datastore: { type: 'GaussDB', version: '8.201' },
  flavor_ref: 'gaussdb.opengauss.ee.dn.m6.xlarge.8.ha',
  flavor_info: { vcpu: 4, mem: 32 },
  volume: { type: 'ULTRAHIGH', size: 120 },
  time_zone: 'UTC+08:00',
  nodes: [],
};

export function backup(
  id: string,
  name: string,
  beginMs: number,
  endMs: number | null,
  extra: Partial<Backup> = {},
): Backup {
  return {
    id: `${id.padEnd(32, '0')}br14`,
    name,
    description: null,
    begin_time: apiTime(beginMs),
    end_time: endMs === null ? null : apiTime(endMs),
    status: endMs === null ? 'BUILDING' : 'COMPLETED',
    size: 1200.5,
    type: 'auto',
    datastore: { type: 'GaussDB', version: '8.201' },
    instance_id: INSTANCE_ID,
    ...extra,
  };
}

/** Two automatic full backups (day 0 at 02:00–02:20, day 1 at 02:00–02:20) and a manual one (day 0, 12:00–12:10). */
export const FULLS: Backup[] = [
  backup('a1', 'GaussDB-gauss-ledger-day0', at(2), at(2, 20)),
  backup('m1', 'before-release', at(12), at(12, 10), { type: 'manual' }),
  backup('a2', 'GaussDB-gauss-ledger-day1', at(2, 0, 1), at(2, 20, 1)),
];

/**
 * The restorable ranges as 4.7.7 gives them per UTC day: one window per full backup, from its end to the
 * next one's end less a second; a gap on day 1 from 08:00 to 09:00 (no archived log); the last one runs
 * to 18:00 of day 1 ("now").
 */
export const RANGES: Record<string, { start_time: number; end_time: number }[]> = {
  '2026-03-10': [
    { start_time: at(2, 20), end_time: at(12, 10) - 1000 },
    { start_time: at(12, 10), end_time: at(24) - 1 },
  ],
  '2026-03-11': [
    { start_time: at(0, 0, 1), end_time: at(2, 20, 1) - 1000 },
    { start_time: at(2, 20, 1), end_time: at(8, 0, 1) },
    { start_time: at(9, 0, 1), end_time: at(18, 0, 1) },
  ],
};
export const NOW = at(18, 0, 1);

/** The fake BFF with the backup reads of this instance. */
export function backupsBff(options: FakeBffOptions = {}) {
  return fakeBff({
    ...options,
    answers: {
      listRestoreTimes: (call) => ({ restore_time: RANGES[call.query.get('date') ?? ''] ?? [] }),
      listBackups: { backups: FULLS, total_count: FULLS.length },
      ...options.answers,
    },
  });
}
