import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { quotaKeys } from './quota-keys';

/** 4.4.17: the project's instance quota, shown before the user fills anything in. */
export const instanceQuotaQuery = (project: string) =>
  queryOptions({
    queryKey: quotaKeys.byType(project, 'instance'),
    queryFn: ({ signal }) =>
      callOperation('getProjectQuotas', project, { query: { type: 'instance' } }, signal),
    select: (data) => data.quotas.resources.find((r) => r.type === 'instance'),
  });

export const useInstanceQuota = (project: string) =>
  usePermittedQuery('getProjectQuotas', instanceQuotaQuery(project));
