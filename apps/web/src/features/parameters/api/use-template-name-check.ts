import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { parameterKeys } from './parameter-keys';

/** 4.5.11: whether a template of this exact name (case-sensitive) exists, system or user. */
export const templateNameCheckQuery = (project: string, name: string) =>
  queryOptions({
    queryKey: parameterKeys.nameCheck(project, name),
    queryFn: ({ signal }) =>
      callOperation('checkParameterTemplateName', project, { query: { name } }, signal),
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });

/** Asked only for a name that passes the name rule (`enabled`), so the check never answers a 400. */
export function useTemplateNameCheck(project: string, name: string, enabled: boolean) {
  return usePermittedQuery('checkParameterTemplateName', {
    ...templateNameCheckQuery(project, name),
    enabled: enabled && name !== '',
  });
}
