import { queryOptions } from '@tanstack/react-query';
import { allItems } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { databaseKeys } from './database-keys';

/** 4.9.8: the schemas of one database (none is read until a database is chosen). */
export const schemasQuery = (project: string, instanceId: string, db: string) =>
  queryOptions({
    queryKey: databaseKeys.schemas(project, instanceId, db),
    queryFn: ({ signal }) =>
      allItems(
        'listSchemas',
        project,
        { path: { instance_id: instanceId }, query: { db_name: db, limit: 100 } },
        signal,
      ),
  });

export const useSchemas = (project: string, instanceId: string, db: string | undefined) =>
  usePermittedQuery('listSchemas', { ...schemasQuery(project, instanceId, db ?? ''), enabled: !!db });
