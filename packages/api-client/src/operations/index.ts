import type { OperationDescriptor } from './define';
import { iamOperations } from './iam';
import { versionOperations } from './versions';
import { flavorOperations } from './flavors';
import { storageOperations } from './storage';
import { instanceOperations } from './instances';
import { instanceOpsOperations } from './instance-ops';
import { parameterOperations } from './parameters';
import { upgradeOperations } from './upgrade';
import { backupOperations } from './backups';
import { logOperations } from './logs';
import { databaseOperations } from './databases';
import { tenantOperations } from './tenants';
import { tagOperations } from './tags';
import { TASK_NAMES, taskOperations } from './tasks';
import { recycleBinOperations } from './recycle-bin';
import { legacyOperations } from './legacy';

/** Every operation of the API reference (plus the two IAM calls), keyed by operation id. */
export const operations = {
  ...iamOperations,
  ...versionOperations,
  ...flavorOperations,
  ...storageOperations,
  ...instanceOperations,
  ...instanceOpsOperations,
  ...parameterOperations,
  ...upgradeOperations,
  ...backupOperations,
  ...logOperations,
  ...databaseOperations,
  ...tenantOperations,
  ...tagOperations,
  ...taskOperations,
  ...recycleBinOperations,
  ...legacyOperations,
} as const;

export type Operations = typeof operations;
export type OperationId = keyof Operations;

export const operationList: readonly OperationDescriptor[] = Object.values(
  operations,
) as OperationDescriptor[];

export function getOperation(id: string): OperationDescriptor | undefined {
  return (operations as Record<string, OperationDescriptor>)[id];
}

/**
 * Every task name a job of this API may carry: the reference's table (TASK_NAMES, 4.12.1) first, then the
 * names the descriptors start that the table lacks (restart, rename, tenants...; docs/api-decisions.md).
 */
export const JOB_NAMES: readonly string[] = [
  ...new Set<string>([...TASK_NAMES, ...operationList.flatMap((op) => op.job?.names ?? [])]),
];

export { iamOperations } from './iam';
export { versionOperations } from './versions';
export { flavorOperations } from './flavors';
export { storageOperations } from './storage';
export { instanceOperations } from './instances';
export { instanceOpsOperations } from './instance-ops';
export { parameterOperations } from './parameters';
export { upgradeOperations } from './upgrade';
export { backupOperations } from './backups';
export { logOperations } from './logs';
export { databaseOperations } from './databases';
export { tenantOperations } from './tenants';
export { tagOperations } from './tags';
export { taskOperations } from './tasks';
export { recycleBinOperations } from './recycle-bin';
export { legacyOperations } from './legacy';
export * from './define';
