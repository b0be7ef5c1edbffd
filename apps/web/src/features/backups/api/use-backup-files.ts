import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { backupKeys } from './backup-keys';

/**
 * 4.7.5: a backup's files with download links. Links expire (minutes), so they are read when asked for
 * and never kept: each opening of the dialog reads fresh ones.
 */
export const backupFilesQuery = (project: string, backupId: string) =>
  queryOptions({
    queryKey: backupKeys.files(project, backupId),
    queryFn: ({ signal }) =>
      callOperation('getBackupDownloadLinks', project, { query: { backup_id: backupId } }, signal),
    staleTime: 0,
    gcTime: 0,
  });

export const useBackupFiles = (project: string, backupId: string, enabled: boolean) =>
  usePermittedQuery('getBackupDownloadLinks', { ...backupFilesQuery(project, backupId), enabled });
