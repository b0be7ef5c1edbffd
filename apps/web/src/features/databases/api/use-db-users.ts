import { queryOptions } from '@tanstack/react-query';
import { allItems } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { databaseKeys } from './database-keys';

/** 4.9.7: every database user of the instance with its attributes; also the owners and grantees forms offer. */
export const dbUsersQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: databaseKeys.users(project, instanceId),
    queryFn: ({ signal }) =>
      allItems('listDbUsers', project, { path: { instance_id: instanceId }, query: { limit: 100 } }, signal),
  });

export const useDbUsers = (project: string, instanceId: string, enabled = true) =>
  usePermittedQuery('listDbUsers', { ...dbUsersQuery(project, instanceId), enabled });
