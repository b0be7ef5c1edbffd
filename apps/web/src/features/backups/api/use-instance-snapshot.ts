import { queryOptions } from '@tanstack/react-query';
import { callOperation, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { backupKeys } from './backup-keys';

export type SnapshotQuery = NonNullable<OpInput<'getInstanceSnapshot'>['query']>;

/** 4.7.10: the source instance's shape (kind, shards, nodes, disk, engine) at a backup or a point in time. */
export const instanceSnapshotQuery = (project: string, query: SnapshotQuery) =>
  queryOptions({
    queryKey: backupKeys.snapshot(project, query),
    queryFn: ({ signal }) => callOperation('getInstanceSnapshot', project, { query }, signal),
    staleTime: 60_000,
  });

export const useInstanceSnapshot = (project: string, query: SnapshotQuery, enabled = true) =>
  usePermittedQuery('getInstanceSnapshot', { ...instanceSnapshotQuery(project, query), enabled });
