import { queryOptions } from '@tanstack/react-query';
import { allItems, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { backupKeys } from './backup-keys';

export type RestorableQuery = Omit<
  NonNullable<OpInput<'listRestorableInstances'>['query']>,
  'offset' | 'limit'
>;

/**
 * 4.7.9: every instance that can receive this backup or point in time (same engine, kind, shards and
 * architecture, enough disk), read whole so the DBA can search it by name.
 */
export const restorableInstancesQuery = (project: string, query: RestorableQuery) =>
  queryOptions({
    queryKey: backupKeys.restorable(project, query),
    queryFn: ({ signal }) => allItems('listRestorableInstances', project, { query }, signal),
  });

export const useRestorableInstances = (project: string, query: RestorableQuery, enabled = true) =>
  usePermittedQuery('listRestorableInstances', { ...restorableInstancesQuery(project, query), enabled });
