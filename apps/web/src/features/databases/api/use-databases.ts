import { queryOptions } from '@tanstack/react-query';
import { allItems } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { databaseKeys } from './database-keys';

/**
 * 4.9.6: every database of the instance (read page by page): the list pages through it on the client, and
 * the forms offer its names (schemas, grants).
 */
export const databasesQuery = (project: string, instanceId: string) =>
  queryOptions({
    queryKey: databaseKeys.list(project, instanceId),
    queryFn: ({ signal }) =>
      allItems(
        'listDatabases',
        project,
        { path: { instance_id: instanceId }, query: { limit: 100 } },
        signal,
      ),
  });

export const useDatabases = (project: string, instanceId: string) =>
  usePermittedQuery('listDatabases', databasesQuery(project, instanceId));
