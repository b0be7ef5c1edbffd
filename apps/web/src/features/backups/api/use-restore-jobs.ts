import type { TaskItem } from '@gaussdb-console/api-client/browser';
import { queryOptions } from '@tanstack/react-query';
import { allItems } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { backupKeys } from './backup-keys';

/** The task names of restores: to a new instance (it produced the instance), over the same or another one. */
export const RESTORE_JOB_NAMES = [
  'CloneGaussDBV5NewInstance',
  'RestoreGaussDBV5Instance',
  'RestoreGaussDBV5InstanceToExistedInst',
] as const;

/**
 * The restores that produced or replaced one instance: the task list (4.12.2) read by each restore task
 * name and kept for this instance, newest first. The API cannot filter tasks by instance.
 */
export const restoreJobsQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: backupKeys.restores(project, instanceId),
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        RESTORE_JOB_NAMES.map((name) => allItems('listTasks', project, { query: { name } }, signal)),
      );
      return lists
        .flat()
        .filter((task: TaskItem) => task.instance_info?.instance_id === instanceId)
        .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
    },
  });

export const useRestoreJobs = (project: string, instanceId: string) =>
  usePermittedQuery('listTasks', restoreJobsQuery(project, instanceId));
