import { queryOptions } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { parameterKeys } from './parameter-keys';

/** 4.5.6: one template with every parameter (descriptions in `lang`, which the BFF sends as X-Language). */
export const parameterTemplateQuery = (project: string, id: string, lang: string) =>
  queryOptions({
    queryKey: parameterKeys.template(project, id, lang),
    queryFn: ({ signal }) =>
      callOperation('getParameterTemplate', project, { path: { config_id: id } }, signal),
    staleTime: 30_000,
  });

export function useParameterTemplate(project: string, id: string | undefined) {
  const lang = useTranslation().i18n.language;
  return usePermittedQuery('getParameterTemplate', {
    ...parameterTemplateQuery(project, id ?? '', lang),
    enabled: !!id,
  });
}
