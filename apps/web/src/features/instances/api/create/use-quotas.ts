import { queryOptions, useQuery } from '@tanstack/react-query';
import { callOperation } from '../../../../shared/lib/operations';
import { createKeys } from './create-keys';

/** 4.4.17: the project's instance quota, shown before the user fills anything in. */
export const quotasQuery = (project: string) =>
  queryOptions({
    queryKey: createKeys.quotas(project),
    queryFn: ({ signal }) => callOperation('getProjectQuotas', project, { query: { type: 'instance' } }, signal),
    select: (data) => data.quotas.resources.find((r) => r.type === 'instance'),
  });

export const useQuotas = (project: string) => useQuery(quotasQuery(project));
