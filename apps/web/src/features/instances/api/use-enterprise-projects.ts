import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { instanceKeys } from './instance-keys';

/** 4.4.23: the account's enterprise projects (one page of the maximum size is every one in practice). */
export const enterpriseProjectsQuery = (project: string) =>
  queryOptions({
    queryKey: instanceKeys.enterpriseProjects(project),
    queryFn: ({ signal }) =>
      callOperation('listEnterpriseProjects', project, { query: { limit: 1000 } }, signal),
    select: (data) => data.enterprise_projects,
    staleTime: 5 * 60_000,
  });

export const useEnterpriseProjects = (project: string) =>
  usePermittedQuery('listEnterpriseProjects', enterpriseProjectsQuery(project));
