import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { backupKeys } from './backup-keys';

/** 4.7.2: the automatic backup policy of one instance. */
export const backupPolicyQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: backupKeys.policy(project, instanceId),
    queryFn: ({ signal }) =>
      callOperation('getBackupPolicy', project, { path: { instance_id: instanceId } }, signal),
  });

export const useBackupPolicy = (project: string, instanceId: string) =>
  usePermittedQuery('getBackupPolicy', backupPolicyQuery(project, instanceId));
