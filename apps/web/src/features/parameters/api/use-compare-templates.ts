import { queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { parameterKeys } from './parameter-keys';

/** 4.5.9: the parameters whose values differ between two templates (a read sent as a POST). */
export const templateComparisonQuery = (project: string, source: string, target: string) =>
  queryOptions({
    queryKey: parameterKeys.comparison(project, source, target),
    queryFn: ({ signal }) =>
      callOperation(
        'compareParameterTemplates',
        project,
        { body: { source_id: source, target_id: target } },
        signal,
      ),
    staleTime: 30_000,
  });

export function useTemplateComparison(
  project: string,
  source: string | undefined,
  target: string | undefined,
) {
  return usePermittedQuery('compareParameterTemplates', {
    ...templateComparisonQuery(project, source ?? '', target ?? ''),
    enabled: !!source && !!target,
  });
}
