import { ApiError, errors } from '../../http/errors';
import type { InstanceDoc, InstanceStatus } from '../instance-model';
import { BUSY_STATUSES } from '../instance-state';

/**
 * Instance-state guards of the SQL-level calls. They run no job, so they do not go through the instance state
 * machine; they only read the instance's status:
 * - writes (4.9.1–4.9.5, 4.10.10/11/14/15): refused while being created or resized, frozen or abnormal
 *   (L6553, L6629, L6696, L6774, L6862); the other busy states (restart, upgrade, restore, switchover…) keep the
 *   database unreachable too, so they are refused the same way. A backup or a grey upgrade awaiting commit does
 *   not stop SQL. A full disk refuses what would grow it (a new database or schema).
 * - reads of schemas (4.9.8, 4.10.13): refused while abnormal or frozen (L7131, L8322); an instance still being
 *   built has no database to read.
 */
const SQL_REACHABLE: readonly InstanceStatus[] = [
  'ACTIVE',
  'BACKING UP',
  'UPGRADE TO BE OBSERVED',
  'STORAGE FULL',
];

export function assertSqlWritable(inst: InstanceDoc, action: string, options: { grows: boolean }): void {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', `The DB instance is frozen; ${action} is not allowed.`);
  if (inst.status === 'BUILD' || inst.status === 'FAILED')
    throw errors.notAllowedInStatus(inst.status, action);
  if (BUSY_STATUSES.includes(inst.status)) throw errors.busy(inst.status, action);
  if (!SQL_REACHABLE.includes(inst.status)) throw errors.notAllowedInStatus(inst.status, action);
  if (inst.stopped)
    throw new ApiError(
      400,
      'DBS.200086',
      `The database service of the DB instance is stopped; ${action} is not allowed.`,
    );
  if (options.grows && inst.status === 'STORAGE FULL') {
    throw new ApiError(
      409,
      'DBS.200316',
      `The DB instance status is STORAGE FULL; ${action} is not possible until the disk is enlarged.`,
    );
  }
}

export function assertSqlReadable(inst: InstanceDoc, action: string): void {
  if (inst.frozen)
    throw new ApiError(400, 'DBS.280449', `The DB instance is frozen; ${action} is not allowed.`);
  if (inst.status === 'FAILED' || inst.status === 'BUILD')
    throw errors.notAllowedInStatus(inst.status, action);
}
