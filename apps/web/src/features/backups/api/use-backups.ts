import type { Backup } from '@gaussdb-console/api-client/browser';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { allItems, callOperation, type OpInput } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { backupKeys } from './backup-keys';

export type ListBackupsQuery = NonNullable<OpInput<'listBackups'>['query']>;
export type { Backup };

/** While a backup is being built its list is read again this often (automatic backups have no job to follow). */
export const BUILDING_REFRESH_MS = 10_000;

const building = (rows: readonly Backup[] | undefined) => !!rows?.some((b) => b.status === 'BUILDING');

/** 4.7.3: one page of backups, with the API's filters (instance, id, type, begin time range). */
export const backupsQuery = (project: string, query: ListBackupsQuery) =>
  queryOptions({
    queryKey: backupKeys.list(project, query),
    queryFn: ({ signal }) => callOperation('listBackups', project, { query }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (building(q.state.data?.backups) ? BUILDING_REFRESH_MS : false),
  });

export const useBackups = (project: string, query: ListBackupsQuery, enabled = true) =>
  usePermittedQuery('listBackups', { ...backupsQuery(project, query), enabled });

/**
 * 4.7.3 read whole: every backup matching the API's filters, for a filter the API does not have (status)
 * applied here, page by page through the BFF.
 */
export const allBackupsQuery = (project: string, query: Omit<ListBackupsQuery, 'offset' | 'limit'>) =>
  queryOptions({
    queryKey: backupKeys.list(project, { ...query, all: true }),
    queryFn: ({ signal }) => allItems('listBackups', project, { query }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (building(q.state.data) ? BUILDING_REFRESH_MS : false),
  });

export const useAllBackups = (
  project: string,
  query: Omit<ListBackupsQuery, 'offset' | 'limit'>,
  enabled = true,
) => usePermittedQuery('listBackups', { ...allBackupsQuery(project, query), enabled });

/**
 * Every full backup (automatic and manual) of one instance, oldest first: the markers of the restore
 * timeline and the base backups a point in time can start from.
 */
export const fullBackupsQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: backupKeys.fulls(project, instanceId),
    queryFn: async ({ signal }) => {
      const rows = await allItems('listBackups', project, { query: { instance_id: instanceId } }, signal);
      return [...rows].sort((a, b) => backupEnd(a) - backupEnd(b));
    },
    refetchInterval: (q) => (building(q.state.data) ? BUILDING_REFRESH_MS : false),
  });

export const useFullBackups = (project: string, instanceId: string, enabled = true) =>
  usePermittedQuery('listBackups', { ...fullBackupsQuery(project, instanceId), enabled });

/** One backup by id (4.7.3 with backup_id). */
export const backupQuery = (project: string, backupId: string) =>
  queryOptions({
    queryKey: backupKeys.list(project, { backup_id: backupId }),
    queryFn: async ({ signal }) => {
      const res = await callOperation('listBackups', project, { query: { backup_id: backupId } }, signal);
      return res.backups.find((b) => b.id === backupId) ?? null;
    },
  });

export const useBackup = (project: string, backupId: string | undefined) =>
  usePermittedQuery('listBackups', { ...backupQuery(project, backupId ?? ''), enabled: !!backupId });

/** A time of the backup API (`2022-05-09T16:01:10+0800`) in epoch ms; NaN when absent or unreadable. */
export function apiTimeMs(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  return Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** When a backup's data ends (its consistency point); begin time while it has none. */
export const backupEnd = (b: Backup) => {
  const end = apiTimeMs(b.end_time);
  return Number.isFinite(end) ? end : apiTimeMs(b.begin_time);
};
