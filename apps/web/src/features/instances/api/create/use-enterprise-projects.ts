import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../../shared/lib/operations';
import { createKeys } from './create-keys';

/** 4.4.23: the account's enterprise projects (one page of the maximum size is every one in practice). */
export const enterpriseProjectsQuery = (project: string) =>
  queryOptions({
    queryKey: [...createKeys.all(project), 'enterprise-projects'] as const,
    queryFn: ({ signal }) => callOperation('listEnterpriseProjects', project, { query: { limit: 1000 } }, signal),
    select: (data) => data.enterprise_projects,
    staleTime: 5 * 60_000,
  });

export const useEnterpriseProjects = (project: string) => useQuery(enterpriseProjectsQuery(project));
