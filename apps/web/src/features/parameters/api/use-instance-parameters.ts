import { queryOptions } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callOperation } from '../../../shared/api/operations';
import { usePermittedQuery } from '../../../shared/api/permitted-query';
import { parameterKeys } from './parameter-keys';

/** 4.5.2: the parameters in effect on one instance (descriptions in `lang`). */
export const instanceParametersQuery = (project: string, instanceId: string, lang: string) =>
  queryOptions({
    queryKey: parameterKeys.instance(project, instanceId, lang),
    queryFn: ({ signal }) =>
      callOperation('getInstanceParameters', project, { path: { instance_id: instanceId } }, signal),
  });

export function useInstanceParameters(project: string, instanceId: string | undefined) {
  const lang = useTranslation().i18n.language;
  return usePermittedQuery('getInstanceParameters', {
    ...instanceParametersQuery(project, instanceId ?? '', lang),
    enabled: !!instanceId,
  });
}
